package dev.csms.ocpp.canonical;

/**
 * Data to check a certificate's revocation status by OCSP (2.x OCSPRequestDataType), sent in Authorize.
 *
 * @param hashAlgorithm  SHA256, SHA384 or SHA512
 * @param issuerNameHash hash of the issuer's distinguished name
 * @param issuerKeyHash  hash of the issuer's public key
 * @param serialNumber   the certificate's serial number
 * @param responderUrl   the OCSP responder's URL
 */
public record OcspRequestData(String hashAlgorithm, String issuerNameHash, String issuerKeyHash, String serialNumber,
        String responderUrl) {
}
