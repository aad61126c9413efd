package dev.csms.device.alert;

import dev.csms.runtime.persistence.Counts;
import dev.csms.device.config.DeviceConfig;
import dev.csms.device.status.StatusChange;
import dev.csms.ocpp.canonical.ConnectorStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The alert rules ({@code csms.device.alerts.*}): what raises an alert and what clears it.
 *
 * <ul>
 * <li>{@link AlertType#ConnectorFaulted}: a status report that becomes a connector's current status raises it when
 * Faulted and clears it otherwise ({@link #statusChanged}, in the status handler's transaction).</li>
 * <li>{@link AlertType#RepeatedDisconnects}: every disconnect is kept (once per connection epoch); at least
 * {@code disconnects.count} within {@code disconnects.window} raise it; the sweep clears it after
 * {@code disconnects.quiet-period} without a disconnect.</li>
 * <li>{@link AlertType#BootLoop}: the same with boots (once per BootNotification call) and {@code boot-loop.*}.</li>
 * <li>{@link AlertType#StationOffline}: the sweep raises it for a station offline (presence) for longer than
 * {@code offline-after}; a connection clears it (and the sweep, for a station it sees online).</li>
 * </ul>
 */
@ApplicationScoped
public class AlertRules {

    static final String STATION = "station";
    static final String CONNECTION = "connection";
    private static final int SWEEP_BATCH = 500;

    private final Alerts alerts;
    private final DeviceConfig.Alerts config;
    private final Clock clock;

    AlertRules(Alerts alerts, DeviceConfig config, Clock clock) {
        this.alerts = alerts;
        this.config = config.alerts();
        this.clock = clock;
    }

    /** Faulted connectors raise, others clear; in the caller's transaction. */
    public Uni<Void> statusChanged(List<StatusChange> changes) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (!config.connectorFaulted()) {
            return chain;
        }
        for (StatusChange change : changes) {
            chain = chain.chain(() -> change.current() == ConnectorStatus.Faulted
                    ? alerts.raise(change.stationId(), AlertType.ConnectorFaulted, change.subject(),
                            "EVSE " + change.evseId() + " connector " + change.connectorId() + " is Faulted"
                                    + (change.errorCode() == null ? "" : " (" + change.errorCode() + ")"))
                            .replaceWithVoid()
                    : alerts.clear(change.stationId(), AlertType.ConnectorFaulted, change.subject(),
                            "now " + change.current()).replaceWithVoid());
        }
        return chain;
    }

    /** The station connected: its offline alert ends. */
    public Uni<Void> connected(String stationId) {
        return Panache.withTransaction(() -> alerts.clear(stationId, AlertType.StationOffline, STATION,
                "the station connected")).replaceWithVoid();
    }

    /** A connection of the station ended: counted for the repeated-disconnects rule. */
    public Uni<Void> disconnected(String stationId, long epoch, Instant at) {
        DeviceConfig.Alerts.Disconnects rule = config.disconnects();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                "insert into station_disconnect (station_id, connection_epoch, disconnected_at) values (:station, "
                        + ":epoch, cast(cast(:at as text) as timestamptz)) on conflict do nothing")
                .setParameter("station", stationId).setParameter("epoch", epoch).setParameter("at", at.toString())
                .executeUpdate()
                .chain(() -> Counts.count(StationDisconnect.class, "stationId = ?1 and disconnectedAt > ?2", stationId,
                        at.minus(rule.window())))
                .chain(count -> raise(repeatedDisconnects(stationId, count)))));
    }

    /** The station booted (a BootNotification call, once per call): counted for the boot-loop rule. */
    public Uni<Void> booted(String stationId, String callId, Instant at) {
        DeviceConfig.Alerts.BootLoop rule = config.bootLoop();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                "insert into station_boot (station_id, call_id, booted_at) values (:station, :call, "
                        + "cast(cast(:at as text) as timestamptz)) on conflict do nothing")
                .setParameter("station", stationId).setParameter("call", callId).setParameter("at", at.toString())
                .executeUpdate()
                .chain(() -> Counts.count(StationBoot.class, "stationId = ?1 and bootedAt > ?2", stationId, at.minus(rule.window())))
                .chain(count -> raise(bootLoop(stationId, count)))));
    }

    /**
     * The RepeatedDisconnects alert of a station with this many disconnects within the rule's window, if they reach
     * the rule's count (the per-record path and the batch decide by this one rule).
     */
    public Optional<Alerts.Raise> repeatedDisconnects(String stationId, long disconnects) {
        DeviceConfig.Alerts.Disconnects rule = config.disconnects();
        return disconnects < rule.count() ? Optional.empty() : Optional.of(new Alerts.Raise(stationId,
                AlertType.RepeatedDisconnects, CONNECTION, disconnects + " disconnects within " + rule.window()));
    }

    /** The BootLoop alert of a station with this many boots within the rule's window, if they reach its count. */
    public Optional<Alerts.Raise> bootLoop(String stationId, long boots) {
        DeviceConfig.Alerts.BootLoop rule = config.bootLoop();
        return boots < rule.count() ? Optional.empty() : Optional.of(new Alerts.Raise(stationId, AlertType.BootLoop,
                STATION, boots + " boots within " + rule.window()));
    }

    private Uni<Void> raise(Optional<Alerts.Raise> raise) {
        return raise.map(r -> alerts.raise(r).replaceWithVoid()).orElseGet(() -> Uni.createFrom().voidItem());
    }

    /**
     * The leader's periodic work: raise offline alerts, clear those of stations online again, clear disconnect and
     * boot-loop alerts after their quiet period, forget disconnects and boots older than every window.
     */
    public Uni<Void> sweep() {
        Instant now = clock.instant();
        return raiseOffline(now)
                .chain(() -> clearOnline())
                .chain(() -> clearQuiet(AlertType.RepeatedDisconnects, "station_disconnect", "disconnected_at",
                        now.minus(config.disconnects().quietPeriod()), config.disconnects().quietPeriod()))
                .chain(() -> clearQuiet(AlertType.BootLoop, "station_boot", "booted_at",
                        now.minus(config.bootLoop().quietPeriod()), config.bootLoop().quietPeriod()))
                .chain(() -> forget("station_disconnect", "disconnected_at",
                        now.minus(longest(config.disconnects().window(), config.disconnects().quietPeriod()))))
                .chain(() -> forget("station_boot", "booted_at",
                        now.minus(longest(config.bootLoop().window(), config.bootLoop().quietPeriod()))));
    }

    private Uni<Void> raiseOffline(Instant now) {
        Duration after = config.offlineAfter();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                "select p.station_id from station_presence p where p.online = false and p.disconnected_at < "
                        + "cast(cast(:cutoff as text) as timestamptz) and not exists (select 1 from alert a where "
                        + "a.station_id = p.station_id and a.type = 'StationOffline' and a.active) "
                        + "order by p.disconnected_at limit " + SWEEP_BATCH, String.class)
                .setParameter("cutoff", now.minus(after).toString()).getResultList()
                .chain(ids -> each(ids, id -> alerts.raise(id, AlertType.StationOffline, STATION,
                        "offline for longer than " + after).replaceWithVoid()))));
    }

    private Uni<Void> clearOnline() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                "select a.id from alert a join station_presence p on p.station_id = a.station_id where "
                        + "a.type = 'StationOffline' and a.active and p.online limit " + SWEEP_BATCH, String.class)
                .getResultList()
                .chain(ids -> each(ids, id -> clearIfActive(id, "the station is online")))));
    }

    private Uni<Void> clearQuiet(AlertType type, String table, String column, Instant cutoff, Duration quiet) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                "select a.id from alert a where a.type = :type and a.active and not exists (select 1 from " + table
                        + " t where t.station_id = a.station_id and t." + column
                        + " >= cast(cast(:cutoff as text) as timestamptz)) limit " + SWEEP_BATCH, String.class)
                .setParameter("type", type.name()).setParameter("cutoff", cutoff.toString()).getResultList()
                .chain(ids -> each(ids, id -> clearIfActive(id, "quiet for " + quiet)))));
    }

    /** Locks the alert and clears it unless a concurrent transaction (a connection event) was first. */
    private Uni<Void> clearIfActive(String id, String reason) {
        return Alert.<Alert>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .chain(alert -> alert != null && alert.active ? alerts.clear(alert, reason)
                        : Uni.createFrom().voidItem());
    }

    private static Uni<Void> forget(String table, String column, Instant cutoff) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                "delete from " + table + " where " + column + " < cast(cast(:cutoff as text) as timestamptz)")
                .setParameter("cutoff", cutoff.toString()).executeUpdate())).replaceWithVoid();
    }

    private static <T> Uni<Void> each(List<T> items, Function<T, Uni<Void>> work) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.chain(() -> work.apply(item));
        }
        return chain;
    }

    private static Duration longest(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
