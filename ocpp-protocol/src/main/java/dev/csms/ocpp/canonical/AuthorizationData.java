package dev.csms.ocpp.canonical;

import java.util.Objects;

/**
 * One entry of a local authorization list (2.x AuthorizationData; 1.6 {@code localAuthorizationList} item).
 *
 * @param idToken     the token
 * @param idTokenInfo its verdict; null in a differential update removes the token from the list
 */
public record AuthorizationData(IdToken idToken, IdTokenInfo idTokenInfo) {
    public AuthorizationData {
        Objects.requireNonNull(idToken, "idToken");
    }
}
