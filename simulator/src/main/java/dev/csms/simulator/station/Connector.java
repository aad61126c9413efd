package dev.csms.simulator.station;

import dev.csms.simulator.SessionView;
import java.time.Instant;

/**
 * One connector (= one EVSE in 2.x) with its energy meter, availability, reservation and session. The energy
 * register only ever rises: it integrates the charging power over time (on the station's clock).
 * Mutable, confined to the station's event loop; {@link #status()} and {@link #sessionView()} are published for
 * other threads.
 */
public final class Connector {

    private final int id;
    private double registerWh;
    private double powerW;
    private long meterMillis;
    boolean plugged;
    boolean operative = true;
    Boolean scheduledOperative;
    ChargingSession session;
    Reservation reservation;
    String lastStatusSent;
    private volatile ConnectorStatus status = ConnectorStatus.AVAILABLE;
    private volatile SessionView sessionView;

    Connector(int id, double registerWh, Instant now) {
        this.id = id;
        this.registerWh = registerWh;
        this.meterMillis = now.toEpochMilli();
    }

    /** The connector id (1.6) = EVSE id (2.x). */
    public int id() {
        return id;
    }

    /** The energy register, Wh (as of the last {@link #advance}). */
    public double registerWh() {
        return registerWh;
    }

    /** The power now, W. */
    public double powerW() {
        return powerW;
    }

    /** Adds the energy the current power delivered since the last call. */
    void advance(Instant now) {
        long millis = now.toEpochMilli();
        if (millis > meterMillis) {
            registerWh += powerW * (millis - meterMillis) / 3_600_000.0;
        }
        meterMillis = Math.max(meterMillis, millis);
    }

    /** Sets the power from now on (after accounting for the energy up to now). */
    void setPower(Instant now, double watts) {
        advance(now);
        powerW = Math.max(0, watts);
    }

    /** The session on this connector, if any (also after its transaction ended, until unplugged). */
    public ChargingSession session() {
        return session;
    }

    /** Whether a transaction runs on it. */
    public boolean hasActiveTransaction() {
        return session != null && session.transactionStarted && !session.ended;
    }

    /** Whether it is Operative (as the CSMS last set it). */
    public boolean operative() {
        return operative;
    }

    /** The reservation id on it, if any. */
    public Integer reservationId() {
        return reservation == null ? null : reservation.id();
    }

    /** The id tag of its reservation, if any. */
    public String reservedFor() {
        return reservation == null ? null : reservation.idTag();
    }

    /** Whether a new session may start on it now for this id tag. */
    public boolean freeFor(String idTag) {
        return operative && !plugged && session == null
                && (reservation == null || reservation.idTag().equals(idTag));
    }

    /** The status that follows from its state. */
    ConnectorStatus computeStatus() {
        if (session != null && !session.ended) {
            return session.transactionStarted ? session.chargingState.status() : ConnectorStatus.PREPARING;
        }
        if (plugged) {
            return ConnectorStatus.FINISHING;
        }
        if (!operative) {
            return ConnectorStatus.UNAVAILABLE;
        }
        if (reservation != null) {
            return ConnectorStatus.RESERVED;
        }
        return ConnectorStatus.AVAILABLE;
    }

    /** The status as last computed (readable from any thread). */
    public ConnectorStatus status() {
        return status;
    }

    void publishStatus(ConnectorStatus status) {
        this.status = status;
    }

    /** The session as last published (readable from any thread). */
    public SessionView sessionView() {
        return sessionView;
    }

    void publishSession(SessionView view) {
        this.sessionView = view;
    }
}
