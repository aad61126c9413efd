package dev.csms.simulator.station;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.simulator.SessionView;
import dev.csms.simulator.time.SimClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * One charging session on one connector, from plug-in (or remote start) to the end of its transaction.
 * Mutable, confined to the station's event loop.
 */
public final class ChargingSession {

    /** The EV's battery, for a plausible state of charge (and the taper above 80 %). */
    static final double BATTERY_WH = 60_000;

    private final Connector connector;
    private final String idTag;
    private final String idTokenType;
    private final SessionOrigin origin;
    private final Integer remoteStartId;
    private final double startSoc;
    final CompletableFuture<SessionView> started = new CompletableFuture<>();

    String transactionId;
    Integer reservationId;
    Instant startedAt;
    long meterStartWh;
    int nextSeqNo;
    boolean transactionStarted;
    boolean ended;
    boolean offlineStart;
    StopReason stopReason;
    ChargingState chargingState = ChargingState.CHARGING;
    SimClock.Timer meterTimer;
    SimClock.Timer endTimer;
    BigDecimal totalCost;
    ObjectNode pendingProfile;
    Duration autoLength;

    /** What the EV and station do with energy during the transaction. */
    public enum ChargingState {
        /** Energy flows. */
        CHARGING("Charging", ConnectorStatus.CHARGING),
        /** The EV is full. */
        SUSPENDED_EV("SuspendedEV", ConnectorStatus.SUSPENDED_EV),
        /** A charging limit of 0. */
        SUSPENDED_EVSE("SuspendedEVSE", ConnectorStatus.SUSPENDED_EVSE);

        private final String v2;
        private final ConnectorStatus status;

        ChargingState(String v2, ConnectorStatus status) {
            this.v2 = v2;
            this.status = status;
        }

        /** The 2.x ChargingStateEnumType. */
        public String v2() {
            return v2;
        }

        /** The connector status it shows. */
        public ConnectorStatus status() {
            return status;
        }
    }

    ChargingSession(Connector connector, String idTag, String idTokenType, SessionOrigin origin,
            Integer remoteStartId, double startSoc) {
        this.connector = connector;
        this.idTag = idTag;
        this.idTokenType = idTokenType;
        this.origin = origin;
        this.remoteStartId = remoteStartId;
        this.startSoc = startSoc;
    }

    /** The connector. */
    public Connector connector() {
        return connector;
    }

    /** The id tag (1.6 idTag, 2.x idToken.idToken). */
    public String idTag() {
        return idTag;
    }

    /** The 2.x idToken type (ISO14443, Central, ...). */
    public String idTokenType() {
        return idTokenType;
    }

    /** Who started it. */
    public SessionOrigin origin() {
        return origin;
    }

    /** The remoteStartId of a 2.x RequestStartTransaction, if any. */
    public Integer remoteStartId() {
        return remoteStartId;
    }

    /** The transaction id (1.6: from the CSMS, null until known; 2.x: the station's). */
    public String transactionId() {
        return transactionId;
    }

    /** Records the transaction id the CSMS gave (1.6 StartTransaction answer). */
    public void assignTransactionId(String id) {
        this.transactionId = id;
    }

    /** The reservation it uses, if any. */
    public Integer reservationId() {
        return reservationId;
    }

    /** When the transaction started. */
    public Instant startedAt() {
        return startedAt;
    }

    /** The energy register at the start, Wh. */
    public long meterStartWh() {
        return meterStartWh;
    }

    /** Whether the transaction started. */
    public boolean transactionStarted() {
        return transactionStarted;
    }

    /** Whether the transaction started while the station was off line (2.x offline flag of Started). */
    public boolean offlineStart() {
        return offlineStart;
    }

    /** Whether the transaction ended. */
    public boolean ended() {
        return ended;
    }

    /** Why it ended. */
    public StopReason stopReason() {
        return stopReason;
    }

    /** The current charging state. */
    public ChargingState chargingState() {
        return chargingState;
    }

    /** The next 2.x seqNo, then counts up. */
    public int takeSeqNo() {
        return nextSeqNo++;
    }

    /** The state of charge now, percent. */
    public double soc() {
        double delivered = connector.registerWh() - meterStartWh;
        return Math.min(100.0, startSoc + delivered / BATTERY_WH * 100.0);
    }

    /** Records the total cost the CSMS sent (CostUpdated). */
    public void costUpdated(BigDecimal total) {
        this.totalCost = total;
    }

    /** The CostUpdated total the CSMS sent last, if any. */
    public BigDecimal totalCost() {
        return totalCost;
    }

    /** A copy for the library API. */
    public SessionView view() {
        return new SessionView(connector.id(), transactionId, idTag, startedAt, meterStartWh,
                Math.round(Math.floor(connector.registerWh())), Math.round(connector.powerW()), nextSeqNo - 1, !ended,
                stopReason == null ? null : stopReason.v16());
    }
}
