package dev.csms.session.service;

import dev.csms.events.EventType;
import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.CallAnswer;
import dev.csms.events.sessions.ReservationChanged;
import dev.csms.events.sessions.SessionEnded;
import dev.csms.events.sessions.SessionStarted;
import dev.csms.events.sessions.SessionUpdated;
import dev.csms.runtime.outbox.OutboxRecord;
import dev.csms.session.config.SessionConfig;
import dev.csms.session.model.ChargingSession;
import dev.csms.session.reservation.Reservation;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/** Builds the Kafka records session-service writes to its outbox: call answers, session and reservation events. */
@ApplicationScoped
public class SessionRecords {

    private final EventCodec codec = new EventCodec();
    private final Topics topics;
    private final Clock clock;
    private final String source;

    SessionRecords(Topics topics, Clock clock, SessionConfig config) {
        this.topics = topics;
        this.clock = clock;
        this.source = config.eventSource();
    }

    /** The answer to a StationCall on {@code ocpp.outbound}, correlated with the call's event id. */
    public OutboxRecord answer(CallAnswer answer) {
        EventEnvelope<CallAnswer> envelope = EventEnvelope.create(EventTypes.CALL_ANSWER, source, answer.stationId(),
                answer, clock).withExtension(CloudEventHeaders.CORRELATION_ID, answer.callEventId());
        return OutboxRecord.from(codec.toRecord(topics.outbound(), envelope));
    }

    public OutboxRecord started(ChargingSession s) {
        return event(EventTypes.SESSION_STARTED, s.stationId, new SessionStarted(s.id.toString(), s.stationId,
                s.transactionId, s.ocppVersion, s.evseId, s.connectorId, s.idToken(), s.groupIdToken(), s.authStatus,
                s.startedAt, s.meterStartWh, s.remoteStartId, s.reservationId, s.version));
    }

    public OutboxRecord updated(ChargingSession s) {
        return event(EventTypes.SESSION_UPDATED, s.stationId, new SessionUpdated(s.id.toString(), s.stationId,
                s.transactionId, s.status, s.evseId, s.connectorId, s.idToken(), s.startedAt, s.chargingState,
                s.energyWh, s.meterStartWh, s.meterLastWh, List.copyOf(s.meterAnomalies), s.lastEventAt, s.version));
    }

    public OutboxRecord ended(ChargingSession s) {
        return event(EventTypes.SESSION_ENDED, s.stationId, new SessionEnded(s.id.toString(), s.stationId,
                s.transactionId, s.evseId, s.connectorId, s.idToken(), s.groupIdToken(), s.startedAt, s.endedAt,
                s.endedBy, s.stoppedReason, s.energyWh, s.meterStartWh, s.meterLastWh, List.copyOf(s.meterAnomalies),
                s.orphan, s.version));
    }

    public OutboxRecord reservationChanged(Reservation r) {
        return event(EventTypes.RESERVATION_CHANGED, r.stationId, new ReservationChanged(r.id, r.stationId, r.evseId,
                r.idToken(), r.groupIdToken(), r.expiresAt, r.status, r.reason,
                r.sessionId == null ? null : r.sessionId.toString(), r.updatedAt, r.version));
    }

    private <T> OutboxRecord event(EventType<T> type, String stationId, T data) {
        return OutboxRecord.from(codec.toRecord(topics.name(type.topic()),
                EventEnvelope.create(type, source, stationId, data, clock)));
    }
}
