package dev.csms.device.testing;

import dev.csms.localstack.jwt.LocalJwtIssuer;
import dev.csms.localstack.LocalStack;
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
}
