package dev.csms.ocpp.canonical;

/**
 * Answer status of a DataTransfer (same in every version).
 */
public enum DataTransferStatus {
    /** Accepted. */
    Accepted,
    /** Rejected. */
    Rejected,
    /** The messageId is unknown. */
    UnknownMessageId,
    /** The vendorId is unknown. */
    UnknownVendorId
}
