package dev.csms.device.handler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.device.alert.AlertRules;
import dev.csms.device.status.StatusReport;
import dev.csms.device.status.StatusTracker;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.StationCall;
import dev.csms.ocpp.canonical.ConnectorStatus;
import dev.csms.ocpp.canonical.StationEvent.RawStationMessage;
import dev.csms.runtime.inbound.StationCallHandler;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Takes the status out of a 2.x NotifyEvent (a raw message: it has no canonical form): every event data of the
 * variable {@code AvailabilityState} of a {@code Connector} (its EVSE and connector), an {@code EVSE} (connector 0)
 * or the {@code ChargingStation} (EVSE 0, connector 0) whose value is a connector status (Available, Occupied,
 * Reserved, Unavailable, Faulted) is recorded like a StatusNotification. Other event data are not this handler's.
 * The Faulted-connector alert rule applies in the same transaction. NotifyEventResponse is empty, so the gateway
 * answers the call.
 */
@ApplicationScoped
public class NotifyEventHandler implements StationCallHandler<RawStationMessage> {

    static final String ACTION = "NotifyEvent";
    private static final Logger LOG = Logger.getLogger(NotifyEventHandler.class);

    private final StatusTracker tracker;
    private final AlertRules rules;

    NotifyEventHandler(StatusTracker tracker, AlertRules rules) {
        this.tracker = tracker;
        this.rules = rules;
    }

    @Override
    public Class<RawStationMessage> eventClass() {
        return RawStationMessage.class;
    }

    @Override
    public Optional<String> rawAction() {
        return Optional.of(ACTION);
    }

    @Override
    public Uni<Void> handle(EventEnvelope<StationCall> envelope, RawStationMessage event) {
        List<StatusReport> reports = availability(event.payload());
        if (reports.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> tracker.record(envelope, ACTION, reports)
                .chain(rules::statusChanged));
    }

    /** The AvailabilityState reports of a NotifyEvent payload. */
    static List<StatusReport> availability(JsonNode payload) {
        List<StatusReport> reports = new ArrayList<>();
        for (JsonNode data : payload.path("eventData")) {
            if (!"AvailabilityState".equals(data.path("variable").path("name").asText(null))) {
                continue;
            }
            JsonNode component = data.path("component");
            String name = component.path("name").asText("");
            JsonNode evse = component.path("evse");
            int evseId;
            int connectorId;
            switch (name) {
                case "Connector" -> {
                    evseId = evse.path("id").asInt(0);
                    connectorId = evse.path("connectorId").asInt(1);
                }
                case "EVSE" -> {
                    evseId = evse.path("id").asInt(0);
                    connectorId = 0;
                }
                case "ChargingStation" -> {
                    evseId = 0;
                    connectorId = 0;
                }
                default -> {
                    continue;
                }
            }
            String value = data.path("actualValue").asText("");
            ConnectorStatus status;
            try {
                status = ConnectorStatus.valueOf(value);
            } catch (IllegalArgumentException e) {
                LOG.debugf("NotifyEvent AvailabilityState %s is not a connector status; ignored", value);
                continue;
            }
            reports.add(new StatusReport(evseId, connectorId, status, value, null, null, null, null,
                    timestamp(data.path("timestamp").asText(null))));
        }
        return reports;
    }

    private static Instant timestamp(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null; // schema-checked by the gateway; the receive time stands in
        }
    }
}
