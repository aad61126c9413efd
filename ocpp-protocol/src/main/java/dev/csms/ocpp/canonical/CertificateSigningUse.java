package dev.csms.ocpp.canonical;

/**
 * What a certificate signing request is for (CertificateSigningUseEnumType). A 1.6
 * SignCertificate is always {@link #ChargingStationCertificate}.
 */
public enum CertificateSigningUse {
    /** The station's client certificate for the CSMS connection. */
    ChargingStationCertificate,
    /** ISO 15118-2 V2G certificate. */
    V2GCertificate,
    /** ISO 15118-20 V2G certificate (2.1). */
    V2G20Certificate
}
