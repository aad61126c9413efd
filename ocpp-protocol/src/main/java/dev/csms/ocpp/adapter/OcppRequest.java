package dev.csms.ocpp.adapter;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;

/**
 * A CALL to send to a station: the version's action name and its request payload.
 *
 * @param action  the OCPP action, e.g. {@code RemoteStartTransaction} (1.6) or {@code RequestStartTransaction}
 * @param payload the request payload
 */
public record OcppRequest(String action, JsonNode payload) {
    public OcppRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(payload, "payload");
    }
}
