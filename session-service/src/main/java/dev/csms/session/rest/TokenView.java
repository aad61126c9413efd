package dev.csms.session.rest;

import dev.csms.ocpp.canonical.AuthorizationStatus;
import dev.csms.ocpp.canonical.IdTokenType;
import dev.csms.session.model.RegisteredToken;
import java.time.Instant;
import java.util.List;

/** A token of the registry as the API shows it. */
public record TokenView(long id, String value, IdTokenType type, String otherType, AuthorizationStatus status,
        Instant expiresAt, TokenRef groupIdToken, List<String> allowedStations, int maxConcurrentSessions,
        Instant createdAt, Instant updatedAt) {

    public static TokenView of(RegisteredToken token) {
        return new TokenView(token.id, token.value, token.type, token.otherType, token.status, token.expiresAt,
                TokenRef.of(token.groupIdToken()), List.copyOf(token.allowedStations), token.maxConcurrentSessions,
                token.createdAt, token.updatedAt);
    }
}
