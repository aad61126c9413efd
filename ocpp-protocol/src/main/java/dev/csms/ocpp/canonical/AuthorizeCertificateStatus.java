package dev.csms.ocpp.canonical;

/**
 * Result of validating a contract certificate in a 2.x Authorize (AuthorizeCertificateStatusEnumType).
 */
public enum AuthorizeCertificateStatus {
    /** Certificate valid. */
    Accepted,
    /** Signature invalid. */
    SignatureError,
    /** Certificate expired. */
    CertificateExpired,
    /** Certificate revoked. */
    CertificateRevoked,
    /** No certificate available. */
    NoCertificateAvailable,
    /** Certificate chain invalid. */
    CertChainError,
    /** The contract was cancelled. */
    ContractCancelled
}
