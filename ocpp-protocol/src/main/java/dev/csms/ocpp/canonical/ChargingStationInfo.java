package dev.csms.ocpp.canonical;

import java.util.Objects;

/**
 * What a station tells about itself when it boots (2.x ChargingStationType; the fields of the 1.6
 * BootNotification.req).
 *
 * @param vendorName        vendor (1.6 {@code chargePointVendor})
 * @param model             model (1.6 {@code chargePointModel})
 * @param serialNumber      serial number (1.6 {@code chargePointSerialNumber}, else the deprecated
 *                          {@code chargeBoxSerialNumber}); null when not given
 * @param firmwareVersion   firmware version; null when not given
 * @param modem             the wireless modem; null when not given
 * @param meterType         type of the main electrical meter (1.6 only); null when not given
 * @param meterSerialNumber serial number of the main electrical meter (1.6 only); null when not given
 */
public record ChargingStationInfo(String vendorName, String model, String serialNumber, String firmwareVersion,
        Modem modem, String meterType, String meterSerialNumber) {

    /**
     * The station's wireless modem (2.x ModemType; 1.6 {@code iccid} and {@code imsi}).
     *
     * @param iccid the SIM card's ICCID; null when not given
     * @param imsi  the SIM card's IMSI; null when not given
     */
    public record Modem(String iccid, String imsi) {
    }

    public ChargingStationInfo {
        Objects.requireNonNull(vendorName, "vendorName");
        Objects.requireNonNull(model, "model");
    }
}
