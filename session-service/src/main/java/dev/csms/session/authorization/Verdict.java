package dev.csms.session.authorization;

import dev.csms.ocpp.canonical.AuthorizationStatus;
import dev.csms.ocpp.canonical.IdTokenInfo;
import dev.csms.session.model.RegisteredToken;

/**
 * The authorization decision on a token.
 *
 * @param info  what the station is told
 * @param token the registry entry it was decided on; null for an unknown token or one that needs none
 */
public record Verdict(IdTokenInfo info, RegisteredToken token) {

    public AuthorizationStatus status() {
        return info.status();
    }

    public boolean accepted() {
        return info.status() == AuthorizationStatus.Accepted;
    }
}
