package dev.csms.device.status;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One reported status, kept as history (table {@code connector_status_history}). */
@Entity
@Table(name = "connector_status_history")
public class ConnectorStatusEntry extends ConnectorReportFields {

    /** The StationCall's event id: a redelivered call is recognised and not recorded twice. */
    @Column(name = "call_id")
    public String callId;
}
