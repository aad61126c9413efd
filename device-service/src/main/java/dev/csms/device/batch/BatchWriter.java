package dev.csms.device.batch;

import dev.csms.device.alert.AlertRules;
import dev.csms.device.alert.AlertType;
import dev.csms.device.alert.Alerts;
import dev.csms.device.config.DeviceConfig;
import dev.csms.device.handler.StatusNotificationHandler;
import dev.csms.device.model.OcppVersionsConverter;
import dev.csms.device.model.Station;
import dev.csms.device.service.BootPolicy;
import dev.csms.device.service.StationRecords;
import dev.csms.events.device.StationChanged.StationChange;
import dev.csms.events.ocpp.CallAnswer;
import dev.csms.events.ocpp.StationCall;
import dev.csms.events.ocpp.StationConnected;
import dev.csms.events.ocpp.StationDisconnected;
import dev.csms.ocpp.canonical.ConnectorStatus;
import dev.csms.ocpp.canonical.RegistrationStatus;
import dev.csms.ocpp.canonical.StationEvent.StatusNotification;
import dev.csms.runtime.outbox.Outbox;
import dev.csms.runtime.outbox.OutboxRecord;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Writes a batch of reconnect records (StationConnected, StationDisconnected, StatusNotification, BootNotification
 * of different stations) in the caller's transaction with set-based SQL: a few statements for the whole batch
 * instead of entity loads, dirty checks and flushes per record. The effects are those of the records' handlers
 * ({@code StationPresenceHandler}, {@code ConnectionAlertHandler}, {@code StatusNotificationHandler},
 * {@code BootNotificationHandler}, {@code BootLoopHandler}), including the count rules' alerts (a disconnect or boot
 * that reaches the repeated-disconnects or boot-loop count raises its alert in the batch, so that a fleet-wide boot
 * loop is written as fast as a storm); what a record would do beyond that (raise or clear another alert, register an
 * unknown station, a boot past its deadline) is not written here: such a record is returned, untouched, for the
 * per-record path. See docs/adr/0006.
 */
@ApplicationScoped
public class BatchWriter {

    static final String STATIONS = "select id, site_id, security_profile, enabled, registration_status, "
            + "expected_vendor, expected_model, allowed_versions, heartbeat_interval, provisioning "
            + "from station where id = any($1) order by id for update";
    static final String ACTIVE_ALERTS = "select station_id, type from alert where active and station_id = any($1)";
    static final String OTHER_DISCONNECTS = "select d.station_id, count(*) as n from station_disconnect d "
            + "join unnest($1::text[], $2::bigint[], $3::timestamptz[]) as i(station_id, epoch, cutoff) "
            + "on d.station_id = i.station_id where d.disconnected_at > i.cutoff and d.connection_epoch <> i.epoch "
            + "group by d.station_id";
    static final String OTHER_BOOTS = "select b.station_id, count(*) as n from station_boot b "
            + "join unnest($1::text[], $2::text[], $3::timestamptz[]) as i(station_id, call_id, cutoff) "
            + "on b.station_id = i.station_id where b.booted_at > i.cutoff and b.call_id <> i.call_id "
            + "group by b.station_id";
    static final String CONNECTED = "insert into station_presence (station_id, online, connection_epoch, gateway_id, "
            + "ocpp_version, remote_address, connected_at, disconnected_at, disconnect_reason, updated_at) "
            + "select station_id, true, epoch, gateway_id, version, remote_address, connected_at, null, null, "
            + "$7::timestamptz "
            + "from unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::timestamptz[]) "
            + "as u(station_id, epoch, gateway_id, version, remote_address, connected_at) "
            + "on conflict (station_id) do update set online = true, connection_epoch = excluded.connection_epoch, "
            + "gateway_id = excluded.gateway_id, ocpp_version = excluded.ocpp_version, "
            + "remote_address = excluded.remote_address, connected_at = excluded.connected_at, "
            + "disconnected_at = null, disconnect_reason = null, updated_at = excluded.updated_at "
            + "where station_presence.connection_epoch <= excluded.connection_epoch";
    static final String DISCONNECTED = "insert into station_presence (station_id, online, connection_epoch, "
            + "gateway_id, disconnected_at, disconnect_reason, updated_at) "
            + "select station_id, false, epoch, gateway_id, disconnected_at, reason, $6::timestamptz "
            + "from unnest($1::text[], $2::bigint[], $3::text[], $4::timestamptz[], $5::text[]) "
            + "as u(station_id, epoch, gateway_id, disconnected_at, reason) "
            + "on conflict (station_id) do update set online = false, connection_epoch = excluded.connection_epoch, "
            + "gateway_id = excluded.gateway_id, disconnected_at = excluded.disconnected_at, "
            + "disconnect_reason = excluded.disconnect_reason, updated_at = excluded.updated_at "
            + "where station_presence.connection_epoch <= excluded.connection_epoch";
    static final String DISCONNECTS = "insert into station_disconnect (station_id, connection_epoch, disconnected_at) "
            + "select * from unnest($1::text[], $2::bigint[], $3::timestamptz[]) on conflict do nothing";
    /**
     * History first; only the rows new to the history (not a redelivered call) may become the current status, and
     * only when no later report is current.
     */
    static final String STATUSES = "with h as (insert into connector_status_history (station_id, call_id, evse_id, "
            + "connector_id, status, original_status, error_code, info, vendor_id, vendor_error_code, source, "
            + "ocpp_version, reported_at, received_at) "
            + "select * from unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::text[], $6::text[], $7::text[], "
            + "$8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::timestamptz[], $14::timestamptz[]) "
            + "on conflict (station_id, call_id, evse_id, connector_id) do nothing "
            + "returning station_id, evse_id, connector_id, status, original_status, error_code, info, vendor_id, "
            + "vendor_error_code, source, ocpp_version, reported_at, received_at) "
            + "insert into connector_status (station_id, evse_id, connector_id, status, original_status, error_code, "
            + "info, vendor_id, vendor_error_code, source, ocpp_version, reported_at, received_at) "
            + "select * from h on conflict (station_id, evse_id, connector_id) do update set "
            + "status = excluded.status, original_status = excluded.original_status, "
            + "error_code = excluded.error_code, info = excluded.info, vendor_id = excluded.vendor_id, "
            + "vendor_error_code = excluded.vendor_error_code, source = excluded.source, "
            + "ocpp_version = excluded.ocpp_version, reported_at = excluded.reported_at, "
            + "received_at = excluded.received_at where connector_status.reported_at <= excluded.reported_at";
    static final String BOOTED = "update station s set reported_vendor = u.vendor, reported_model = u.model, "
            + "reported_serial = u.serial, reported_firmware = u.firmware, reported_iccid = u.iccid, "
            + "reported_imsi = u.imsi, last_boot_reason = u.reason, last_boot_at = u.boot_at, "
            + "updated_at = u.updated_at "
            + "from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], "
            + "$8::text[], $9::timestamptz[], $10::timestamptz[]) "
            + "as u(id, vendor, model, serial, firmware, iccid, imsi, reason, boot_at, updated_at) where s.id = u.id";
    static final String BOOTS = "insert into station_boot (station_id, call_id, booted_at) "
            + "select * from unnest($1::text[], $2::text[], $3::timestamptz[]) on conflict do nothing";

    private static final OcppVersionsConverter VERSIONS = new OcppVersionsConverter();

    private final Outbox outbox;
    private final StationRecords records;
    private final BootPolicy policy;
    private final DeviceConfig.Alerts alertConfig;
    private final AlertRules alertRules;
    private final Alerts alerts;
    private final Clock clock;

    BatchWriter(Outbox outbox, StationRecords records, BootPolicy policy, DeviceConfig config, AlertRules alertRules,
            Alerts alerts, Clock clock) {
        this.outbox = outbox;
        this.records = records;
        this.policy = policy;
        this.alertConfig = config.alerts();
        this.alertRules = alertRules;
        this.alerts = alerts;
        this.clock = clock;
    }

    /**
     * Writes what the common case of each record does, in the connection's transaction.
     *
     * @return the records not written, for the per-record path (after this transaction committed)
     */
    public Uni<List<BatchItem>> write(SqlConnection connection, List<BatchItem> batch) {
        List<BatchItem> perRecord = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<BatchItem.Connected> connected = new ArrayList<>();
        List<BatchItem.Disconnected> disconnected = new ArrayList<>();
        List<BatchItem.Status> statuses = new ArrayList<>();
        List<BatchItem.Boot> boots = new ArrayList<>();
        for (BatchItem item : sortedByStation(batch)) {
            if (!seen.add(item.stationId())) {
                perRecord.add(item); // a station's records are processed one at a time; never two in one batch
            } else if (item instanceof BatchItem.Connected c) {
                connected.add(c);
            } else if (item instanceof BatchItem.Disconnected d) {
                disconnected.add(d);
            } else if (item instanceof BatchItem.Status s) {
                statuses.add(s);
            } else if (item instanceof BatchItem.Boot b) {
                if (policy.pastDeadline(b.call().data())) {
                    perRecord.add(b); // the handler skips it and counts it for the boot-loop rule
                } else {
                    boots.add(b);
                }
            }
        }
        return Uni.combine().all().unis(stations(connection, boots), activeAlerts(connection, seen),
                otherDisconnects(connection, disconnected), otherBoots(connection, boots)).asTuple()
                .chain(found -> {
                    Map<String, Station> stationsById = found.getItem1();
                    Set<String> active = found.getItem2();
                    Map<String, Long> disconnects = found.getItem3();
                    Map<String, Long> bootCounts = found.getItem4();
                    List<BatchItem.Connected> simpleConnected = keep(connected, perRecord,
                            c -> !active.contains(key(c.stationId(), AlertType.StationOffline)));
                    List<Alerts.Raise> raises = new ArrayList<>();
                    for (BatchItem.Disconnected d : disconnected) {
                        alertRules.repeatedDisconnects(d.stationId(), disconnects.getOrDefault(d.stationId(), 0L) + 1)
                                .filter(r -> !active.contains(key(r.stationId(), r.type()))).ifPresent(raises::add);
                    }
                    List<BatchItem.Status> simpleStatuses = keep(statuses, perRecord,
                            s -> !alertConfig.connectorFaulted() || (s.status().status() != ConnectorStatus.Faulted
                                    && !active.contains(key(s.stationId(), AlertType.ConnectorFaulted))));
                    List<Booted> booted = new ArrayList<>();
                    for (BatchItem.Boot boot : boots) {
                        Station station = stationsById.get(boot.stationId());
                        if (station != null) {
                            policy.record(station, boot.boot(), boot.call().data());
                        }
                        if (station == null || !policy.vendorModelMismatch(station).isEmpty()
                                || active.contains(key(boot.stationId(), AlertType.VendorModelMismatch))) {
                            perRecord.add(boot);
                            continue;
                        }
                        booted.add(new Booted(boot, station));
                        alertRules.bootLoop(boot.stationId(), bootCounts.getOrDefault(boot.stationId(), 0L) + 1)
                                .filter(r -> !active.contains(key(r.stationId(), r.type()))).ifPresent(raises::add);
                    }
                    return Uni.combine().all().unis(connected(connection, simpleConnected),
                            disconnected(connection, disconnected), statuses(connection, simpleStatuses),
                            booted(connection, booted), alerts.raiseAll(connection, raises)).discardItems();
                })
                .replaceWith(perRecord);
    }

    private record Booted(BatchItem.Boot item, Station station) {
    }

    private Uni<Map<String, Station>> stations(SqlConnection connection, List<BatchItem.Boot> boots) {
        if (boots.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String[] ids = boots.stream().map(BatchItem::stationId).toArray(String[]::new);
        return connection.preparedQuery(STATIONS).execute(Tuple.of(ids)).map(rows -> {
            Map<String, Station> byId = new HashMap<>();
            for (Row row : rows) {
                Station station = new Station();
                station.id = row.getString("id");
                station.siteId = row.getString("site_id");
                station.securityProfile = row.getInteger("security_profile");
                station.enabled = row.getBoolean("enabled");
                station.registrationStatus = RegistrationStatus.valueOf(row.getString("registration_status"));
                station.expectedVendor = row.getString("expected_vendor");
                station.expectedModel = row.getString("expected_model");
                station.allowedVersions = VERSIONS.convertToEntityAttribute(row.getString("allowed_versions"));
                station.heartbeatInterval = row.getInteger("heartbeat_interval");
                station.provisioning = row.getBoolean("provisioning");
                byId.put(station.id, station);
            }
            return byId;
        });
    }

    /** The active alerts of the batch's stations, as station and type keys. */
    private static Uni<Set<String>> activeAlerts(SqlConnection connection, Set<String> stationIds) {
        if (stationIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return connection.preparedQuery(ACTIVE_ALERTS).execute(Tuple.of(stationIds.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> keys = new HashSet<>();
                    rows.forEach(row -> keys.add(row.getString("station_id") + "\n" + row.getString("type")));
                    return keys;
                });
    }

    private static String key(String stationId, AlertType type) {
        return stationId + "\n" + type.name();
    }

    /** Per station, its disconnects within the rule's window other than this one. */
    private Uni<Map<String, Long>> otherDisconnects(SqlConnection connection, List<BatchItem.Disconnected> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        int n = items.size();
        String[] ids = new String[n];
        Long[] epochs = new Long[n];
        OffsetDateTime[] cutoffs = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            StationDisconnected d = items.get(i).event();
            ids[i] = d.stationId();
            epochs[i] = d.connectionEpoch();
            cutoffs[i] = utc(d.disconnectedAt().minus(alertConfig.disconnects().window()));
        }
        return connection.preparedQuery(OTHER_DISCONNECTS).execute(Tuple.of(ids, epochs, cutoffs))
                .map(BatchWriter::counts);
    }

    /** Per station, its boots within the boot-loop window other than this call. */
    private Uni<Map<String, Long>> otherBoots(SqlConnection connection, List<BatchItem.Boot> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        int n = items.size();
        String[] ids = new String[n];
        String[] calls = new String[n];
        OffsetDateTime[] cutoffs = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            BatchItem.Boot boot = items.get(i);
            ids[i] = boot.stationId();
            calls[i] = boot.call().id();
            cutoffs[i] = utc(boot.call().data().receivedAt().minus(alertConfig.bootLoop().window()));
        }
        return connection.preparedQuery(OTHER_BOOTS).execute(Tuple.of(ids, calls, cutoffs)).map(BatchWriter::counts);
    }

    private static Map<String, Long> counts(RowSet<Row> rows) {
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(row -> counts.put(row.getString("station_id"), row.getLong("n")));
        return counts;
    }

    private Uni<Void> connected(SqlConnection connection, List<BatchItem.Connected> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = items.size();
        String[] ids = new String[n];
        Long[] epochs = new Long[n];
        String[] gateways = new String[n];
        String[] versions = new String[n];
        String[] addresses = new String[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            StationConnected c = items.get(i).event();
            ids[i] = c.stationId();
            epochs[i] = c.connectionEpoch();
            gateways[i] = c.gatewayId();
            versions[i] = c.ocppVersion().label();
            addresses[i] = c.remoteAddress();
            at[i] = utc(c.connectedAt());
        }
        return connection.preparedQuery(CONNECTED).execute(Tuple.from(Arrays.<Object>asList(ids, epochs, gateways,
                versions, addresses, at, utc(clock.instant())))).replaceWithVoid();
    }

    private Uni<Void> disconnected(SqlConnection connection, List<BatchItem.Disconnected> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = items.size();
        String[] ids = new String[n];
        Long[] epochs = new Long[n];
        String[] gateways = new String[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        String[] reasons = new String[n];
        for (int i = 0; i < n; i++) {
            StationDisconnected d = items.get(i).event();
            ids[i] = d.stationId();
            epochs[i] = d.connectionEpoch();
            gateways[i] = d.gatewayId();
            at[i] = utc(d.disconnectedAt());
            reasons[i] = d.reason().name();
        }
        return connection.preparedQuery(DISCONNECTED).execute(Tuple.from(Arrays.<Object>asList(ids, epochs, gateways,
                at, reasons, utc(clock.instant()))))
                .chain(() -> connection.preparedQuery(DISCONNECTS).execute(Tuple.of(ids, epochs, at)))
                .replaceWithVoid();
    }

    private Uni<Void> statuses(SqlConnection connection, List<BatchItem.Status> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = items.size();
        String[] ids = new String[n];
        String[] calls = new String[n];
        Integer[] evses = new Integer[n];
        Integer[] connectors = new Integer[n];
        String[] statuses = new String[n];
        String[] originals = new String[n];
        String[] errorCodes = new String[n];
        String[] infos = new String[n];
        String[] vendorIds = new String[n];
        String[] vendorErrors = new String[n];
        String[] sources = new String[n];
        String[] versions = new String[n];
        OffsetDateTime[] reported = new OffsetDateTime[n];
        OffsetDateTime[] received = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            BatchItem.Status item = items.get(i);
            StationCall call = item.call().data();
            StatusNotification s = item.status();
            ids[i] = call.stationId();
            calls[i] = item.call().id();
            evses[i] = s.evseId();
            connectors[i] = s.connectorId();
            statuses[i] = s.status().name();
            originals[i] = s.originalStatus();
            errorCodes[i] = s.errorCode();
            infos[i] = s.info();
            vendorIds[i] = s.vendorId();
            vendorErrors[i] = s.vendorErrorCode();
            sources[i] = StatusNotificationHandler.ACTION;
            versions[i] = call.ocppVersion().label();
            reported[i] = utc(s.timestamp() != null ? s.timestamp() : call.receivedAt());
            received[i] = utc(call.receivedAt());
        }
        return connection.preparedQuery(STATUSES).execute(Tuple.from(Arrays.<Object>asList(ids, calls, evses,
                connectors, statuses, originals, errorCodes, infos, vendorIds, vendorErrors, sources, versions,
                reported, received))).replaceWithVoid();
    }

    private Uni<Void> booted(SqlConnection connection, List<Booted> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = items.size();
        String[] ids = new String[n];
        String[] vendors = new String[n];
        String[] models = new String[n];
        String[] serials = new String[n];
        String[] firmwares = new String[n];
        String[] iccids = new String[n];
        String[] imsis = new String[n];
        String[] reasons = new String[n];
        OffsetDateTime[] bootAt = new OffsetDateTime[n];
        OffsetDateTime[] updatedAt = new OffsetDateTime[n];
        String[] calls = new String[n];
        List<OutboxRecord> outboxRecords = new ArrayList<>(2 * n);
        for (int i = 0; i < n; i++) {
            Station s = items.get(i).station();
            BatchItem.Boot boot = items.get(i).item();
            ids[i] = s.id;
            vendors[i] = s.reportedVendor;
            models[i] = s.reportedModel;
            serials[i] = s.reportedSerial;
            firmwares[i] = s.reportedFirmware;
            iccids[i] = s.reportedIccid;
            imsis[i] = s.reportedImsi;
            reasons[i] = s.lastBootReason;
            bootAt[i] = utc(s.lastBootAt);
            updatedAt[i] = utc(s.updatedAt);
            calls[i] = boot.call().id();
            outboxRecords.add(records.changed(s, StationChange.Booted));
            outboxRecords.add(records.answer(CallAnswer.of(boot.call().data(), boot.call().id(), policy.decide(s))));
        }
        return connection.preparedQuery(BOOTED).execute(Tuple.from(Arrays.<Object>asList(ids, vendors, models,
                serials, firmwares, iccids, imsis, reasons, bootAt, updatedAt)))
                .chain(() -> connection.preparedQuery(BOOTS).execute(Tuple.of(ids, calls, bootAt)))
                .chain(() -> outbox.enqueueAll(connection, outboxRecords));
    }

    /** The items that pass, in order; the others go to the per-record path. */
    private static <T extends BatchItem> List<T> keep(List<T> items, List<BatchItem> perRecord,
            Predicate<T> simple) {
        List<T> kept = new ArrayList<>(items.size());
        for (T item : items) {
            if (simple.test(item)) {
                kept.add(item);
            } else {
                perRecord.add(item);
            }
        }
        return kept;
    }

    /** In station order, so that concurrent transactions lock rows in one order. */
    private static List<BatchItem> sortedByStation(List<BatchItem> batch) {
        List<BatchItem> sorted = new ArrayList<>(batch);
        sorted.sort(Comparator.comparing(BatchItem::stationId));
        return sorted;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
