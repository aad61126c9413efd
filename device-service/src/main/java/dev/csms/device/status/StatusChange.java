package dev.csms.device.status;

import dev.csms.ocpp.canonical.ConnectorStatus;

/**
 * A report that became a connector's current status.
 *
 * @param previous the status before; null when the connector had none
 */
public record StatusChange(String stationId, int evseId, int connectorId, ConnectorStatus previous,
        ConnectorStatus current, String errorCode) {

    /** The alert subject of the connector, e.g. {@code evse/1/connector/1}. */
    public String subject() {
        return "evse/" + evseId + "/connector/" + connectorId;
    }
}
