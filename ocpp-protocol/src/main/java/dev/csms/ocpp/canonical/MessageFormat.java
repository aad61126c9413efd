package dev.csms.ocpp.canonical;

/**
 * Format of a message shown to the EV driver (MessageFormatEnumType).
 */
public enum MessageFormat {
    /** Plain ASCII. */
    ASCII,
    /** HTML. */
    HTML,
    /** A URI. */
    URI,
    /** UTF-8 text. */
    UTF8,
    /** Content to show as a QR code (2.1). */
    QRCODE
}
