package dev.csms.events.cloudevents;

/**
 * A Kafka record is not a readable event of this platform: a CloudEvents header is missing or malformed, or the
 * value does not parse as the type's data. Consumers log it and skip the record (it would never decode).
 */
public class EventDecodingException extends RuntimeException {

    public EventDecodingException(String message) {
        super(message);
    }

    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
