package dev.csms.ocpp.canonical;

/**
 * Log (diagnostics) upload progress (2.x UploadLogStatusEnumType). The 1.6
 * DiagnosticsStatusNotification maps onto it: Idle, Uploaded, Uploading as is, UploadFailed as {@link #UploadFailure}.
 */
public enum UploadLogStatus {
    /** The remote location could not be parsed. */
    BadMessage,
    /** No upload in progress. */
    Idle,
    /** The protocol of the remote location is not supported. */
    NotSupportedOperation,
    /** Upload refused by the remote location. */
    PermissionDenied,
    /** Uploaded. */
    Uploaded,
    /** Upload failed (1.6: UploadFailed). */
    UploadFailure,
    /** Uploading. */
    Uploading,
    /** A new request canceled the previous upload (2.x). */
    AcceptedCanceled
}
