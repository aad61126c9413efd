package dev.csms.ocpp;

import java.util.Arrays;
import java.util.Optional;

/**
 * The OCPP versions the platform speaks, each with the WebSocket subprotocol that selects it and the
 * folder of its official schemas.
 */
public enum OcppVersion {
    /** OCPP 1.6 (JSON), including the "Improved security for OCPP 1.6-J" extension. */
    V1_6("ocpp1.6", "1.6", "v16"),
    /** OCPP 2.0.1. */
    V2_0_1("ocpp2.0.1", "2.0.1", "v201"),
    /** OCPP 2.1 (Edition 1). */
    V2_1("ocpp2.1", "2.1", "v21");

    private final String subprotocol;
    private final String label;
    private final String schemaFolder;

    OcppVersion(String subprotocol, String label, String schemaFolder) {
        this.subprotocol = subprotocol;
        this.label = label;
        this.schemaFolder = schemaFolder;
    }

    /** The WebSocket subprotocol token, e.g. {@code ocpp2.0.1}. */
    public String subprotocol() {
        return subprotocol;
    }

    /** The version as people write it, e.g. {@code 2.0.1}; used in events and metrics. */
    public String label() {
        return label;
    }

    /** The folder of this version's schemas under {@code ocpp-schemas/}. */
    public String schemaFolder() {
        return schemaFolder;
    }

    /** True for 2.0.1 and 2.1, which share the 2.x RPC error codes and message model. */
    public boolean isTwoX() {
        return this != V1_6;
    }

    /** The version for a WebSocket subprotocol token (case-sensitive, as the spec requires). */
    public static Optional<OcppVersion> fromSubprotocol(String subprotocol) {
        return Arrays.stream(values()).filter(v -> v.subprotocol.equals(subprotocol)).findFirst();
    }

    /** The version for its label ({@code 1.6}, {@code 2.0.1}, {@code 2.1}). */
    public static Optional<OcppVersion> fromLabel(String label) {
        return Arrays.stream(values()).filter(v -> v.label.equals(label)).findFirst();
    }
}
