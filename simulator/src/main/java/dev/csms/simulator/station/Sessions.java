package dev.csms.simulator.station;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.simulator.SessionView;
import dev.csms.simulator.StationBehaviour;
import dev.csms.simulator.connection.CallFailure;
import dev.csms.simulator.connection.CallKind;
import dev.csms.simulator.connection.OutgoingCall;
import dev.csms.simulator.time.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Charging sessions on a station's connectors: plug-in, authorization (online with Authorize, off line from the
 * local list and cache), the transaction with its energy register rising with the charging power, periodic
 * meter values, the end, and unplugging; also reservations, and automatic sessions arriving at random
 * (a Poisson process at {@link StationBehaviour#sessionsPerHour()}).
 *
 * <p>The charging power is the behaviour's power, capped by the charging profiles in force, tapering above 80 %
 * state of charge, with a little noise; the energy register integrates it over the station's clock.
 */
public final class Sessions {

    private final StationRuntime station;
    private SimClock.Timer arrivalTimer;
    private int active;

    Sessions(StationRuntime station) {
        this.station = station;
    }

    /** Transactions running now. */
    public int active() {
        return active;
    }

    // ------------------------------------------------------------------ starting

    /**
     * A driver plugs in and presents an id tag (library API and automatic sessions): Authorize (if configured),
     * then the transaction. The future completes when the CSMS accepted the transaction.
     */
    public CompletableFuture<SessionView> startLocal(int connectorId, String idTag) {
        if (!station.hasConnector(connectorId)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no connector " + connectorId));
        }
        Connector connector = station.connector(connectorId);
        if (!connector.freeFor(idTag)) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "connector " + connectorId + " is not free (" + connector.computeStatus().v16() + ")"));
        }
        ChargingSession session = begin(connector, idTag, "ISO14443", SessionOrigin.LOCAL, null);
        authorizeThenStart(session, station.behaviour().authorizeBeforeStart(), "Authorized");
        return session.started;
    }

    /**
     * The CSMS asks for a session (RemoteStartTransaction / RequestStartTransaction): accepted when the given
     * connector (or, without one, any connector) is free for the id tag. The transaction starts after the answer.
     *
     * @return the session that will start, or empty (Rejected)
     */
    public Optional<ChargingSession> remoteStart(Integer connectorId, String idTag, String idTokenType,
            Integer remoteStartId, ObjectNode chargingProfile) {
        Connector connector = null;
        if (connectorId != null && connectorId > 0) {
            if (station.hasConnector(connectorId) && station.connector(connectorId).freeFor(idTag)) {
                connector = station.connector(connectorId);
            }
        } else {
            connector = station.connectors().stream().filter(c -> c.freeFor(idTag)).findFirst().orElse(null);
        }
        if (connector == null) {
            return Optional.empty();
        }
        ChargingSession session = begin(connector, idTag, idTokenType, SessionOrigin.REMOTE, remoteStartId);
        session.pendingProfile = chargingProfile;
        return Optional.of(session);
    }

    /** Starts what {@link #remoteStart} accepted, once the answer is out. */
    public void continueRemoteStart(ChargingSession session) {
        authorizeThenStart(session, station.settings().boolValue(Settings.AUTHORIZE_REMOTE_START), "RemoteStart");
    }

    private ChargingSession begin(Connector connector, String idTag, String idTokenType, SessionOrigin origin,
            Integer remoteStartId) {
        double startSoc = 15 + station.random().nextDouble() * 45;
        ChargingSession session = new ChargingSession(connector, idTag, idTokenType, origin, remoteStartId, startSoc);
        if (connector.reservation != null && connector.reservation.idTag().equals(idTag)) {
            session.reservationId = connector.reservation.id();
            connector.reservation.timer().cancel();
            connector.reservation = null;
        }
        connector.session = session;
        connector.plugged = true;
        station.refreshStatus(connector);
        publish(session);
        return session;
    }

    private void authorizeThenStart(ChargingSession session, boolean authorize, String trigger) {
        if (!authorize) {
            startTransaction(session, trigger);
            return;
        }
        if (station.isOnline() && station.accepted()) {
            station.send(OutgoingCall.of("Authorize", station.messages().authorize(session.idTag(),
                    session.idTokenType() == null ? "ISO14443" : session.idTokenType()), CallKind.NORMAL).then(
                    result -> {
                        String status = station.messages().authorizationStatus(result);
                        station.remember(session.idTag(), status);
                        if ("Accepted".equals(status)) {
                            startTransaction(session, trigger);
                        } else {
                            abort(session, "Authorize: " + status);
                        }
                    },
                    failure -> authorizeOffline(session, trigger)));
        } else {
            authorizeOffline(session, trigger);
        }
    }

    /** Off line: the local list or cache decides; an unknown tag is accepted if AllowOfflineTxForUnknownId. */
    private void authorizeOffline(ChargingSession session, String trigger) {
        Optional<String> known = station.localAuth().lookup(session.idTag());
        boolean allowed = known.map("Accepted"::equals)
                .orElseGet(() -> station.settings().boolValue(Settings.OFFLINE_UNKNOWN_ID));
        if (allowed && station.settings().boolValue(Settings.LOCAL_AUTHORIZE_OFFLINE)) {
            startTransaction(session, trigger);
        } else {
            abort(session, "not authorized off line");
        }
    }

    private void startTransaction(ChargingSession session, String trigger) {
        if (session.ended || session.connector().session != session) {
            return;
        }
        Connector connector = session.connector();
        Instant now = station.now();
        connector.advance(now);
        session.meterStartWh = Math.round(Math.floor(connector.registerWh()));
        session.startedAt = now;
        session.transactionStarted = true;
        session.offlineStart = !station.isOnline();
        if (station.version().isTwoX()) {
            session.transactionId = new UUID(station.random().nextLong(), station.random().nextLong()).toString();
        }
        active++;
        station.env().stats().sessionStarted();
        updatePower(session, false);
        station.transactions().started(station, session, trigger);
        station.refreshStatus(connector);
        if (session.pendingProfile != null) {
            station.profiles().set(ChargingProfiles.read(session.pendingProfile, connector.id()),
                    session.transactionId, now);
            session.pendingProfile = null;
            updatePower(session, true);
        }
        scheduleMeterValues(session);
        if (session.autoLength != null) {
            session.endTimer = station.schedule(session.autoLength, () -> stop(session, StopReason.LOCAL));
        }
        publish(session);
    }

    private void abort(ChargingSession session, String why) {
        Connector connector = session.connector();
        if (connector.session == session) {
            connector.session = null;
            connector.plugged = false;
            station.refreshStatus(connector);
        }
        session.ended = true;
        publish(session);
        session.started.completeExceptionally(new IllegalStateException(why));
    }

    /** The CSMS answered the transaction start with this authorization status. */
    void answered(ChargingSession session, String status) {
        publish(session);
        station.remember(session.idTag(), status);
        if ("Accepted".equals(status)) {
            session.started.complete(session.view());
            return;
        }
        session.started.completeExceptionally(new IllegalStateException("transaction not authorized: " + status));
        if (!session.ended && station.settings().boolValue(Settings.STOP_ON_INVALID_ID)) {
            stop(session, StopReason.DEAUTHORIZED);
        }
    }

    /** The transaction start could not be delivered (dropped after every attempt). */
    void startFailed(ChargingSession session, CallFailure failure) {
        session.started.completeExceptionally(new IllegalStateException("transaction start not delivered: "
                + failure));
    }

    // ------------------------------------------------------------------ running

    private void scheduleMeterValues(ChargingSession session) {
        int seconds = station.settings().intValue(Settings.METER_INTERVAL);
        if (seconds <= 0) {
            return;
        }
        session.meterTimer = station.schedule(Duration.ofSeconds(seconds), () -> {
            if (session.ended) {
                return;
            }
            updatePower(session, true);
            station.transactions().meterSample(station, session);
            publish(session);
            scheduleMeterValues(session);
        });
    }

    /**
     * Sets the power the session draws from now on; when {@code report} and the charging state changes
     * (full EV, limit 0), says so.
     */
    void updatePower(ChargingSession session, boolean report) {
        Connector connector = session.connector();
        Instant now = station.now();
        connector.advance(now);
        double watts = station.behaviour().chargingPowerKw() * 1000;
        Optional<Double> limit = station.profiles().limitWatts(connector.id(), now, session.startedAt, true);
        if (limit.isPresent()) {
            watts = Math.min(watts, limit.get());
        }
        double soc = session.soc();
        if (soc > 80) {
            watts *= Math.max(0.0, (100 - soc) / 20);
        }
        ChargingSession.ChargingState state = limit.isPresent() && limit.get() <= 0
                ? ChargingSession.ChargingState.SUSPENDED_EVSE
                : soc >= 99.9 ? ChargingSession.ChargingState.SUSPENDED_EV : ChargingSession.ChargingState.CHARGING;
        // a real EV never draws exactly the limit
        connector.setPower(now, state == ChargingSession.ChargingState.CHARGING
                ? watts * (0.97 + 0.03 * station.random().nextDouble()) : 0);
        if (state != session.chargingState) {
            session.chargingState = state;
            if (report) {
                station.transactions().chargingStateChanged(station, session);
                station.refreshStatus(connector);
            }
        }
    }

    /** Charging profiles changed: every running session takes its new power now. */
    public void profilesChanged() {
        for (Connector connector : station.connectors()) {
            if (connector.hasActiveTransaction()) {
                updatePower(connector.session, true);
                publish(connector.session);
            }
        }
    }

    // ------------------------------------------------------------------ stopping

    /** Ends the transaction (and unplugs the EV); false if it is not running. */
    public boolean stop(ChargingSession session, StopReason reason) {
        if (session.ended) {
            return false;
        }
        Connector connector = session.connector();
        if (!session.transactionStarted) {
            abort(session, "stopped before the transaction started: " + reason);
            return true;
        }
        cancel(session.meterTimer);
        cancel(session.endTimer);
        connector.setPower(station.now(), 0);
        session.ended = true;
        session.stopReason = reason;
        station.transactions().ended(station, session);
        active--;
        station.env().stats().sessionEnded();
        station.profiles().transactionEnded(connector.id());
        connector.session = null;
        publish(session);
        station.refreshStatus(connector);
        unplug(connector);
        station.transactionEnded();
        return true;
    }

    /** The EV leaves the connector. */
    public void unplug(Connector connector) {
        if (connector.session != null && !connector.session.ended) {
            return;
        }
        connector.plugged = false;
        station.applyScheduledAvailability(connector);
        station.refreshStatus(connector);
    }

    /** Ends every running transaction. */
    public void stopAll(StopReason reason) {
        for (Connector connector : station.connectors()) {
            if (connector.session != null) {
                stop(connector.session, reason);
            }
        }
    }

    /** The running session with this transaction id. */
    public Optional<ChargingSession> byTransactionId(String transactionId) {
        return station.connectors().stream()
                .map(Connector::session)
                .filter(s -> s != null && !s.ended && transactionId.equals(s.transactionId()))
                .findFirst();
    }

    /** The running sessions. */
    public List<ChargingSession> running() {
        return station.connectors().stream()
                .filter(Connector::hasActiveTransaction)
                .map(Connector::session)
                .toList();
    }

    // ------------------------------------------------------------------ reservations

    /** The outcome of ReserveNow, as both versions spell it. */
    public enum ReserveResult {
        /** Reserved. */
        Accepted,
        /** The connector is faulted. */
        Faulted,
        /** The connector is in use or reserved. */
        Occupied,
        /** Reservations are not possible here (1.6 connector 0). */
        Rejected,
        /** The connector is Inoperative. */
        Unavailable
    }

    /**
     * Reserves a connector (null or 0: any free one, 2.x only) for an id tag until {@code expiry}. A reservation
     * with the same id is replaced.
     */
    public ReserveResult reserve(Integer connectorId, int reservationId, String idTag, Instant expiry) {
        cancelReservation(reservationId, false);
        Connector connector;
        if (connectorId == null || connectorId == 0) {
            if (!station.version().isTwoX()) {
                return ReserveResult.Rejected;
            }
            connector = station.connectors().stream().filter(c -> c.freeFor(idTag) && c.reservation == null)
                    .findFirst().orElse(null);
            if (connector == null) {
                return station.connectors().stream().noneMatch(Connector::operative) ? ReserveResult.Unavailable
                        : ReserveResult.Occupied;
            }
        } else {
            if (!station.hasConnector(connectorId)) {
                return ReserveResult.Rejected;
            }
            connector = station.connector(connectorId);
            if (!connector.operative) {
                return ReserveResult.Unavailable;
            }
            if (connector.plugged || connector.session != null || connector.reservation != null) {
                return ReserveResult.Occupied;
            }
        }
        Duration wait = Duration.between(station.now(), expiry);
        Connector reserved = connector;
        SimClock.Timer timer = station.schedule(wait.isNegative() ? Duration.ZERO : wait,
                () -> expire(reserved, reservationId));
        connector.reservation = new Reservation(reservationId, idTag, expiry, timer);
        station.refreshStatus(connector);
        return ReserveResult.Accepted;
    }

    /** Cancels a reservation (CancelReservation); false if there is none with that id. */
    public boolean cancelReservation(int reservationId) {
        return cancelReservation(reservationId, true);
    }

    private boolean cancelReservation(int reservationId, boolean report) {
        for (Connector connector : station.connectors()) {
            if (connector.reservation != null && connector.reservation.id() == reservationId) {
                connector.reservation.timer().cancel();
                connector.reservation = null;
                if (report) {
                    station.refreshStatus(connector);
                }
                return true;
            }
        }
        return false;
    }

    private void expire(Connector connector, int reservationId) {
        if (connector.reservation == null || connector.reservation.id() != reservationId) {
            return;
        }
        connector.reservation = null;
        station.refreshStatus(connector);
        if (station.version().isTwoX()) {
            station.send(OutgoingCall.of("ReservationStatusUpdate", Json.object()
                    .put("reservationId", reservationId)
                    .put("reservationUpdateStatus", "Expired"), CallKind.NORMAL));
        }
    }

    // ------------------------------------------------------------------ automatic sessions

    /** Starts the arrivals of automatic sessions (if the behaviour has any). */
    void scheduleArrival() {
        double perHour = station.behaviour().sessionsPerHour();
        if (perHour <= 0 || arrivalTimer != null) {
            return;
        }
        arrivalTimer = station.schedule(station.exponential(perHour), () -> {
            arrivalTimer = null;
            arrive();
            scheduleArrival();
        });
    }

    /** Stops the arrivals. */
    void cancelArrivals() {
        cancel(arrivalTimer);
        arrivalTimer = null;
    }

    private void arrive() {
        if (!station.everAccepted()) {
            return;
        }
        List<String> tags = station.behaviour().idTags();
        String idTag = tags.get(station.random().nextInt(tags.size()));
        List<Connector> free = station.connectors().stream().filter(c -> c.freeFor(idTag)).toList();
        if (free.isEmpty()) {
            return;
        }
        Connector connector = free.get(station.random().nextInt(free.size()));
        long meanMillis = station.behaviour().sessionDuration().toMillis();
        Duration length = Duration.ofMillis((long) (meanMillis * (0.5 + station.random().nextDouble())));
        ChargingSession session = begin(connector, idTag, "ISO14443", SessionOrigin.LOCAL, null);
        session.autoLength = length;
        authorizeThenStart(session, station.behaviour().authorizeBeforeStart(), "Authorized");
    }

    private void publish(ChargingSession session) {
        session.connector().publishSession(session.view());
    }

    private static void cancel(SimClock.Timer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }
}
