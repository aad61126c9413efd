package dev.csms.session.testing;

import dev.csms.localstack.LocalStack;
import dev.csms.localstack.jwt.LocalJwtIssuer;
import java.util.Set;

/** Bearer tokens of the local stack's issuer. */
public final class Tokens {

    private Tokens() {
    }

    public static String operator() {
        return LocalStack.get().jwt().token("alice", Set.of(LocalJwtIssuer.OPERATOR));
    }

    public static String viewer() {
        return LocalStack.get().jwt().token("bob", Set.of(LocalJwtIssuer.VIEWER));
    }

    /** Authenticated, without any role. */
    public static String nobody() {
        return LocalStack.get().jwt().token("eve", Set.of());
    }
}
