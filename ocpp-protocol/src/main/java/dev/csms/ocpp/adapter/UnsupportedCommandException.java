package dev.csms.ocpp.adapter;

import dev.csms.ocpp.OcppVersion;

/**
 * A command (or one of its values) has no equivalent in the station's OCPP version, e.g. a Reset OnIdle for
 * OCPP 1.6. The command is not sent; the caller gets this as the command's outcome.
 */
public class UnsupportedCommandException extends OcppMappingException {

    private final OcppVersion version;

    public UnsupportedCommandException(OcppVersion version, String message) {
        super("OCPP " + version.label() + ": " + message);
        this.version = version;
    }

    /** The version that cannot express the command. */
    public OcppVersion version() {
        return version;
    }
}
