package dev.csms.device.firmware;

import java.time.Instant;

/**
 * One reported firmware status as the operator API shows it.
 *
 * @param status      the FirmwareStatus name
 * @param requestId   the UpdateFirmware request it reports on; null for 1.6 core
 * @param ocppVersion the OCPP version the station spoke
 * @param receivedAt  when the gateway received the notification
 */
public record FirmwareStatusView(String status, Integer requestId, String ocppVersion, Instant receivedAt) {

    static FirmwareStatusView of(FirmwareStatusReport report) {
        return new FirmwareStatusView(report.status.name(), report.requestId, report.ocppVersion, report.receivedAt);
    }
}
