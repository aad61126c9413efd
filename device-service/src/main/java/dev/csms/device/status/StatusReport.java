package dev.csms.device.status;

import dev.csms.ocpp.canonical.ConnectorStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * One status a station reported, whatever the message that carried it.
 *
 * @param evseId      the EVSE; 0 for the station as a whole
 * @param connectorId the connector within the EVSE; 0 for the EVSE as a whole
 * @param reportedAt  the station's timestamp; null when it gave none (the receive time is used)
 */
public record StatusReport(int evseId, int connectorId, ConnectorStatus status, String originalStatus,
        String errorCode, String info, String vendorId, String vendorErrorCode, Instant reportedAt) {

    public StatusReport {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(originalStatus, "originalStatus");
    }
}
