package dev.csms.gateway.auth;

import dev.csms.ocpp.OcppVersion;

import java.util.Set;

/** Whether a station may open its connection, and as what. */
public sealed interface AuthResult {

    /**
     * The station may connect.
     *
     * @param securityProfile     the connection's profile: 1 (Basic over ws), 2 (Basic over wss), 3 (client
     *                            certificate), 0 for an unknown station admitted for pending registration
     * @param allowedVersions     the OCPP versions its registration allows
     * @param pendingRegistration true when the station has no credentials and auto-registration admitted it
     */
    record Admitted(int securityProfile, Set<OcppVersion> allowedVersions, boolean pendingRegistration)
            implements AuthResult {
    }

    /**
     * The station may not connect.
     *
     * @param status  the HTTP status of the refusal: 401 (credentials missing or wrong), 403 (known but not allowed
     *                this way)
     * @param reason  a short word for metrics and logs
     * @param message the response body, for the station's operator; never contains a secret
     */
    record Refused(int status, String reason, String message) implements AuthResult {
    }
}
