package dev.csms.ocpp.adapter;

/**
 * A payload could not be translated: an inbound payload that cannot be read, or a canonical value that the
 * target version cannot express (the adapter refuses rather than send a payload that violates the schema).
 */
public class OcppMappingException extends RuntimeException {

    public OcppMappingException(String message) {
        super(message);
    }

    public OcppMappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
