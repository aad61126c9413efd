package dev.csms.device.logs;

import java.time.Instant;

/**
 * One reported log upload status as the operator API shows it.
 *
 * @param status      the UploadLogStatus name (1.6 UploadFailed is UploadFailure)
 * @param requestId   the GetLog request it reports on; null for 1.6 diagnostics
 * @param action      DiagnosticsStatusNotification or LogStatusNotification
 * @param ocppVersion the OCPP version the station spoke
 * @param receivedAt  when the gateway received the notification
 */
public record LogStatusView(String status, Integer requestId, String action, String ocppVersion,
        Instant receivedAt) {

    static LogStatusView of(LogStatusReport report) {
        return new LogStatusView(report.status.name(), report.requestId, report.action, report.ocppVersion,
                report.receivedAt);
    }
}
