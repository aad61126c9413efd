package dev.csms.device.status;

import dev.csms.ocpp.canonical.ConnectorStatus;
import java.time.Instant;

/** A connector's (EVSE's, station's) status as the operator API shows it, current or from the history. */
public record ConnectorStatusView(int evseId, int connectorId, ConnectorStatus status, String originalStatus,
        String errorCode, String info, String vendorId, String vendorErrorCode, String source, String ocppVersion,
        Instant reportedAt, Instant receivedAt) {

    static ConnectorStatusView of(ConnectorReportFields r) {
        return new ConnectorStatusView(r.evseId, r.connectorId, r.status, r.originalStatus, r.errorCode, r.info,
                r.vendorId, r.vendorErrorCode, r.source, r.ocppVersion, r.reportedAt, r.receivedAt);
    }
}
