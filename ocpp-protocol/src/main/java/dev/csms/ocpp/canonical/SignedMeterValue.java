package dev.csms.ocpp.canonical;

import java.util.Objects;

/**
 * A signed meter reading (2.x SignedMeterValueType; a 1.6 sampled value with {@code format} SignedData carries
 * only {@code signedMeterData}).
 *
 * @param signedMeterData the signed data, as the station sent it
 * @param signingMethod   signing method; null when not given (always for 1.6)
 * @param encodingMethod  encoding method (e.g. OCMF); null when not given (always for 1.6)
 * @param publicKey       the meter's public key; null when not given
 */
public record SignedMeterValue(String signedMeterData, String signingMethod, String encodingMethod,
        String publicKey) {
    public SignedMeterValue {
        Objects.requireNonNull(signedMeterData, "signedMeterData");
    }
}
