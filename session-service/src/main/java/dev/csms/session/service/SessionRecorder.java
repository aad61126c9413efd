package dev.csms.session.service;

import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.CallAnswer;
import dev.csms.events.ocpp.StationCall;
import dev.csms.events.sessions.MeterAnomaly;
import dev.csms.events.sessions.SessionEnd;
import dev.csms.events.sessions.SessionStatus;
import dev.csms.ocpp.canonical.CsmsAnswer.TransactionEventAnswer;
import dev.csms.ocpp.canonical.IdToken;
import dev.csms.ocpp.canonical.Location;
import dev.csms.ocpp.canonical.Measurand;
import dev.csms.ocpp.canonical.MeterValue;
import dev.csms.ocpp.canonical.ReadingContext;
import dev.csms.ocpp.canonical.SampledValue;
import dev.csms.ocpp.canonical.StationEvent;
import dev.csms.ocpp.canonical.StationEvent.TransactionEvent;
import dev.csms.ocpp.canonical.StoppedReason;
import dev.csms.ocpp.canonical.TransactionEventType;
import dev.csms.runtime.outbox.Outbox;
import dev.csms.session.authorization.AuthorizationRequest;
import dev.csms.session.authorization.Authorizer;
import dev.csms.session.authorization.Verdict;
import dev.csms.session.config.SessionConfig;
import dev.csms.session.model.ChargingSession;
import dev.csms.session.model.RegisteredToken;
import dev.csms.session.reservation.Reservations;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Turns transaction steps into sessions: one session per station transaction, whatever order its steps arrive in
 * and however often they are resent. Each step runs in one transaction that locks the session's row, stores what
 * is new, writes the session events and the answer to the outbox, and commits them together.
 *
 * <ul>
 * <li>A 1.6 StartTransaction (no transaction id yet) is identified by station, connector, timestamp, idTag and
 *     meterStart: a resend finds the session and gets the same transaction id; a new one gets the next number of
 *     the platform-wide sequence.</li>
 * <li>Every other step is identified by (station, transactionId, seqNo, eventType): a repeat changes nothing and is
 *     only answered again.</li>
 * <li>A step of an unknown transaction creates its session: Updated before Started gives a provisional start time
 *     that the Started corrects; an Ended before anything else is an orphan (accepted, recorded, never an error).</li>
 * <li>Readings are stored once by content and the energy recomputed from all of them (see {@link EnergyTotals}).</li>
 * </ul>
 */
@ApplicationScoped
public class SessionRecorder {

    private static final String REGISTER = Measurand.ENERGY_ACTIVE_IMPORT_REGISTER.ocppName();
    private static final String MARK_STEP = "insert into transaction_step (session_id, seq_no, event_type, received_at)"
            + " values (:session, :seq, :type, :at) on conflict do nothing";

    private final Authorizer authorizer;
    private final Reservations reservations;
    private final RemoteControl remote;
    private final MeterReadings meters;
    private final SessionRecords records;
    private final Outbox outbox;
    private final SessionConfig config;
    private final Clock clock;

    SessionRecorder(Authorizer authorizer, Reservations reservations, RemoteControl remote, MeterReadings meters,
            SessionRecords records, Outbox outbox, SessionConfig config, Clock clock) {
        this.authorizer = authorizer;
        this.reservations = reservations;
        this.remote = remote;
        this.meters = meters;
        this.records = records;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    private record Located(ChargingSession session, boolean created) {
    }

    /** What consumers of the events see of a session, to tell whether a change must be published again. */
    private record Snapshot(SessionStatus status, Instant startedAt, Instant endedAt, SessionEnd endedBy,
            StoppedReason stoppedReason, BigDecimal energyWh, BigDecimal meterStartWh, BigDecimal meterLastWh,
            Set<MeterAnomaly> anomalies, String idToken, Integer evseId, boolean orphan) {

        static Snapshot of(ChargingSession s) {
            return new Snapshot(s.status, s.startedAt, s.endedAt, s.endedBy, s.stoppedReason, exact(s.energyWh),
                    exact(s.meterStartWh), exact(s.meterLastWh), EnumSet.copyOf(withNone(s.meterAnomalies)),
                    s.idTokenKey, s.evseId, s.orphan);
        }

        private static BigDecimal exact(BigDecimal value) {
            return value == null ? null : value.stripTrailingZeros();
        }

        private static Set<MeterAnomaly> withNone(Set<MeterAnomaly> anomalies) {
            return anomalies.isEmpty() ? EnumSet.noneOf(MeterAnomaly.class) : anomalies;
        }
    }

    /** Records one transaction step and answers it when the station awaits an answer. */
    public Uni<Void> record(EventEnvelope<StationCall> envelope, TransactionEvent step) {
        StationCall call = envelope.data();
        return Panache.withTransaction(() -> locate(call, step).chain(located -> markStep(located.session(), step)
                .chain(fresh -> fresh ? apply(located, step)
                        : verdictOn(step, located.session()).invoke(v -> keepVerdict(located.session(), step, v)))
                .chain(verdict -> answer(envelope, step, located.session(), verdict))));
    }

    /**
     * Links readings sent outside a transaction (MeterValues without a transaction) to the session that ran on the
     * EVSE at their time, if any; they count for its energy like the transaction's own readings.
     */
    public Uni<Void> link(StationCall call, StationEvent.MeterValues values) {
        if (values.evseId() == 0) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (MeterValue meterValue : values.meterValues()) {
            chain = chain.chain(() -> Panache.withTransaction(() -> ChargingSession.<ChargingSession>find(
                    "stationId = ?1 and evseId = ?2 and startedAt <= ?3 and (endedAt is null or endedAt >= ?3)"
                            + " order by startedAt desc", call.stationId(), values.evseId(), meterValue.timestamp())
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult().chain(session -> {
                        if (session == null) {
                            return Uni.createFrom().voidItem();
                        }
                        Snapshot before = Snapshot.of(session);
                        SessionStatus wasStatus = session.status;
                        if (session.status == SessionStatus.Stale) {
                            session.status = SessionStatus.Active;
                        }
                        session.lastSeenAt = clock.instant();
                        return meters.insert(session.id, List.of(meterValue))
                                .chain(() -> meters.totals(session.id)).invoke(t -> applyTotals(session, t))
                                .chain(() -> publish(session, false, wasStatus, session.startSeen, before));
                    })));
        }
        return chain;
    }

    private Uni<Located> locate(StationCall call, TransactionEvent step) {
        if (step.transactionId() == null) {
            String startKey = startKey(step);
            return ChargingSession.<ChargingSession>find("stationId = ?1 and startKey = ?2", call.stationId(), startKey)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                    .chain(found -> found != null ? Uni.createFrom().item(new Located(found, false))
                            : nextTransactionNumber().chain(number -> create(call, step, String.valueOf(number),
                                    startKey)));
        }
        return ChargingSession.<ChargingSession>find("stationId = ?1 and transactionId = ?2", call.stationId(),
                step.transactionId()).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(found -> found != null ? Uni.createFrom().item(new Located(found, false))
                        : create(call, step, step.transactionId(), null));
    }

    /** 1.6: what identifies a StartTransaction that a station may resend with a new message id. */
    private static String startKey(TransactionEvent step) {
        return step.evseId() + "|" + step.timestamp() + "|"
                + (step.idToken() == null ? "" : RegisteredToken.keyOf(step.idToken().value())) + "|"
                + step.meterStartWh();
    }

    private static Uni<Integer> nextTransactionNumber() {
        return Panache.getSession().chain(session -> session.createNativeQuery("select nextval('transaction_number')")
                .getSingleResult()).map(number -> ((Number) number).intValue());
    }

    private Uni<Located> create(StationCall call, TransactionEvent step, String transactionId, String startKey) {
        Instant now = clock.instant();
        ChargingSession session = new ChargingSession();
        session.id = UUID.randomUUID();
        session.stationId = call.stationId();
        session.transactionId = transactionId;
        session.ocppVersion = call.ocppVersion();
        session.startKey = startKey;
        session.status = SessionStatus.Active;
        session.energyWh = BigDecimal.ZERO;
        session.lastEventAt = step.timestamp();
        session.lastSeenAt = now;
        session.createdAt = now;
        // flushed now: the steps and readings that reference it are written with native statements
        return session.persistAndFlush().replaceWith(new Located(session, true));
    }

    /** True when the step is new; false for a repeat of one already recorded. */
    private static Uni<Boolean> markStep(ChargingSession session, TransactionEvent step) {
        return Panache.getSession().chain(db -> db.createNativeQuery(MARK_STEP)
                .setParameter("session", session.id)
                .setParameter("seq", step.seqNo())
                .setParameter("type", step.eventType().name())
                .setParameter("at", step.timestamp())
                .executeUpdate()).map(rows -> rows > 0);
    }

    private Uni<Verdict> apply(Located located, TransactionEvent step) {
        ChargingSession s = located.session();
        Snapshot before = located.created() ? null : Snapshot.of(s);
        SessionStatus wasStatus = located.created() ? null : s.status;
        boolean wasStartSeen = s.startSeen;
        switch (step.eventType()) {
            case Started -> {
                s.startSeen = true;
                s.startedAt = step.timestamp();
            }
            case Updated -> {
                // nothing of its own: its readings, token and state are taken below
            }
            case Ended -> {
                if (s.status != SessionStatus.Ended || s.endedBy != SessionEnd.Station) {
                    s.status = SessionStatus.Ended;
                    s.endedAt = step.timestamp();
                    s.endedBy = SessionEnd.Station;
                }
                if (step.stoppedReason() != null) {
                    s.stoppedReason = step.stoppedReason();
                }
            }
        }
        if (!s.startSeen && step.eventType() != TransactionEventType.Ended
                && (s.startedAt == null || step.timestamp().isBefore(s.startedAt))) {
            s.startedAt = step.timestamp();
        }
        if (s.status == SessionStatus.Stale) {
            s.status = SessionStatus.Active;
        }
        s.orphan = s.status == SessionStatus.Ended && !s.startSeen;
        if (step.evseId() != null && s.evseId == null) {
            s.evseId = step.evseId();
            s.connectorId = step.connectorId();
        }
        if (step.chargingState() != null && !step.timestamp().isBefore(s.lastEventAt)) {
            s.chargingState = step.chargingState();
        }
        if (step.remoteStartId() != null && s.remoteStartId == null) {
            s.remoteStartId = step.remoteStartId();
        }
        if (step.reservationId() != null && s.reservationId == null) {
            s.reservationId = step.reservationId();
        }
        if (step.idToken() != null && s.idTokenValue == null) {
            IdToken token = step.idToken();
            s.idTokenValue = token.value();
            s.idTokenType = token.type();
            s.idTokenOtherType = token.otherType();
            s.idTokenKey = RegisteredToken.keyOf(token.value());
        }
        if (step.timestamp().isAfter(s.lastEventAt)) {
            s.lastEventAt = step.timestamp();
        }
        s.lastSeenAt = clock.instant();
        return meters.insert(s.id, readingsOf(step))
                .chain(() -> meters.totals(s.id)).invoke(totals -> applyTotals(s, totals))
                .chain(() -> verdictOn(step, s)).invoke(verdict -> keepVerdict(s, step, verdict))
                .call(verdict -> useReservation(s, step, verdict))
                .call(() -> step.eventType() == TransactionEventType.Started ? remote.link16(s)
                        : Uni.createFrom().voidItem())
                .call(() -> publish(s, located.created(), wasStatus, wasStartSeen, before));
    }

    /**
     * A running transaction that names a reservation, or whose accepted token holds one on its EVSE, uses it. Looked
     * for only while the session has no reservation yet (or the step names one), so most steps cost no query.
     */
    private Uni<Void> useReservation(ChargingSession s, TransactionEvent step, Verdict verdict) {
        if (step.eventType() == TransactionEventType.Ended || s.status == SessionStatus.Ended) {
            return Uni.createFrom().voidItem();
        }
        boolean accepted = verdict != null && verdict.accepted();
        if (step.reservationId() != null) {
            return reservations.use(s, step.reservationId(), accepted);
        }
        return s.reservationId == null && accepted ? reservations.use(s, null, true) : Uni.createFrom().voidItem();
    }

    private static List<MeterValue> readingsOf(TransactionEvent step) {
        List<MeterValue> readings = new ArrayList<>(step.meterValues());
        if (step.meterStartWh() != null) {
            readings.add(register(step.timestamp(), step.meterStartWh(), ReadingContext.TRANSACTION_BEGIN));
        }
        if (step.meterStopWh() != null) {
            readings.add(register(step.timestamp(), step.meterStopWh(), ReadingContext.TRANSACTION_END));
        }
        return readings;
    }

    private static MeterValue register(Instant at, long wh, ReadingContext context) {
        return new MeterValue(at, List.of(new SampledValue(BigDecimal.valueOf(wh),
                Measurand.ENERGY_ACTIVE_IMPORT_REGISTER, "Wh", null, Location.Outlet, context, null)));
    }

    private static void applyTotals(ChargingSession s, EnergyTotals totals) {
        s.meterStartWh = totals.meterStartWh();
        s.meterLastWh = totals.meterLastWh();
        s.energyWh = totals.energyWh();
        s.meterAnomalies = totals.anomalies();
    }

    /** The verdict on the step's token: to start (or continue) charging, or, for an Ended step, to stop. */
    private Uni<Verdict> verdictOn(TransactionEvent step, ChargingSession s) {
        if (step.idToken() == null) {
            return Uni.createFrom().nullItem();
        }
        AuthorizationRequest request = step.eventType() == TransactionEventType.Ended
                ? AuthorizationRequest.toStop(s.stationId, step.idToken())
                : AuthorizationRequest.toStart(s.stationId, s.evseId, step.idToken(), s.id,
                        s.reservationId);
        return authorizer.decide(request);
    }

    /** The session keeps the verdict on its own token (and the token's group), which decides whether it counts. */
    private static void keepVerdict(ChargingSession s, TransactionEvent step, Verdict verdict) {
        if (verdict == null || step.eventType() == TransactionEventType.Ended
                || !Objects.equals(s.idTokenKey, RegisteredToken.keyOf(step.idToken().value()))) {
            return;
        }
        s.authStatus = verdict.status();
        RegisteredToken token = verdict.token();
        if (token != null && token.groupValue != null) {
            s.groupValue = token.groupValue;
            s.groupType = token.groupType;
            s.groupKey = token.groupKey;
        }
    }

    /**
     * Writes the session's event for a change: SessionStarted for a new running session, SessionEnded when it
     * ended (again when a late message changed what an ended session says), else a SessionUpdated when the status
     * or the start changed or the update interval has passed since the last one.
     */
    Uni<Void> publish(ChargingSession s, boolean created, SessionStatus wasStatus, boolean wasStartSeen,
            Snapshot before) {
        Instant now = clock.instant();
        s.version++;
        if (s.status == SessionStatus.Ended) {
            if (created || wasStatus != SessionStatus.Ended || !before.equals(Snapshot.of(s))) {
                return outbox.enqueue(records.ended(s));
            }
            return Uni.createFrom().voidItem();
        }
        if (created) {
            s.updatePublishedAt = now;
            return outbox.enqueue(records.started(s));
        }
        boolean mustPublish = wasStatus != s.status || (!wasStartSeen && s.startSeen);
        if (mustPublish || s.updatePublishedAt == null
                || !now.isBefore(s.updatePublishedAt.plus(config.updateInterval()))) {
            s.updatePublishedAt = now;
            return outbox.enqueue(records.updated(s));
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> answer(EventEnvelope<StationCall> envelope, TransactionEvent step, ChargingSession s,
            Verdict verdict) {
        StationCall call = envelope.data();
        if (call.answerDeadline() == null) {
            return Uni.createFrom().voidItem();
        }
        Integer assigned = step.transactionId() == null ? Integer.valueOf(s.transactionId) : null;
        TransactionEventAnswer answer = new TransactionEventAnswer(assigned, verdict == null ? null : verdict.info(),
                null, null, null);
        return outbox.enqueue(records.answer(CallAnswer.of(call, envelope.id(), answer)));
    }
}
