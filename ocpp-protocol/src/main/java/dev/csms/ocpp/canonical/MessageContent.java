package dev.csms.ocpp.canonical;

import java.util.Objects;

/**
 * A message for the EV driver (2.x MessageContentType).
 *
 * @param format   how {@code content} is encoded
 * @param language ISO 639-1 language code; null for none
 * @param content   the message
 */
public record MessageContent(MessageFormat format, String language, String content) {
    public MessageContent {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(content, "content");
    }
}
