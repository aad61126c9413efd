package dev.csms.device.status;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The current status of one connector, EVSE or station (table {@code connector_status}): the newest report. */
@Entity
@Table(name = "connector_status")
public class ConnectorState extends ConnectorReportFields {
}
