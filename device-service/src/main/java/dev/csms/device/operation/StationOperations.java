package dev.csms.device.operation;

import dev.csms.device.config.DeviceConfig;
import dev.csms.device.model.Station;
import dev.csms.events.ocpp.Presence;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.runtime.command.CommandLedger;
import dev.csms.runtime.command.CommandRecord;
import dev.csms.runtime.command.CommandRequest;
import dev.csms.runtime.presence.PresenceView;
import dev.csms.runtime.problem.ProblemException;
import dev.csms.runtime.problem.ProblemTypes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Sends operators' commands to stations through the durable {@link CommandLedger}: the station must be registered
 * (404) and connected (409, from the presence view, which also names its OCPP version), and the command must exist
 * in that version and be schema-valid there (400, {@link CommandChecks}). The result is the ledger's record.
 */
@ApplicationScoped
public class StationOperations {

    private final CommandLedger ledger;
    private final PresenceView presence;
    private final CommandChecks checks;
    private final DeviceConfig.Operations config;

    StationOperations(CommandLedger ledger, PresenceView presence, CommandChecks checks, DeviceConfig config) {
        this.ledger = ledger;
        this.presence = presence;
        this.checks = checks;
        this.config = config.operations();
    }

    /**
     * Records and sends a command in a transaction of its own.
     *
     * @param kind        the ledger kind, e.g. {@code reset}
     * @param command     builds the command for the station's connected version (may throw a 400 ProblemException)
     * @param requestedBy the operator
     */
    public Uni<CommandRecord> send(String stationId, String kind, Function<OcppVersion, StationCommand> command,
            String requestedBy) {
        return Panache.withTransaction(() -> requireStation(stationId)
                .chain(() -> submit(stationId, kind, null, command, requestedBy)));
    }

    /**
     * Records and sends a command that carries a request id (UpdateFirmware, GetLog), in a transaction of its own.
     * The id is the next value of the {@code device_request_id} sequence and is the command's ledger reference, so
     * the station's status notifications (which echo it) can be matched to the command.
     *
     * @param command builds the command for the station's connected version and the request id
     */
    public Uni<CommandRecord> sendWithRequestId(String stationId, String kind,
            BiFunction<OcppVersion, Integer, StationCommand> command, String requestedBy) {
        return Panache.withTransaction(() -> requireStation(stationId)
                .chain(() -> submitWithRequestId(stationId, kind, command, requestedBy)));
    }

    /**
     * {@link #sendWithRequestId} in the caller's transaction, for a station known to exist (a firmware campaign's).
     */
    public Uni<CommandRecord> submitWithRequestId(String stationId, String kind,
            BiFunction<OcppVersion, Integer, StationCommand> command, String requestedBy) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select nextval('device_request_id')", Long.class).getSingleResult())
                .chain(next -> {
                    int requestId = next.intValue();
                    return submit(stationId, kind, String.valueOf(requestId),
                            version -> command.apply(version, requestId), requestedBy);
                });
    }

    /**
     * Records and sends a command in the caller's transaction, for a station known to exist.
     *
     * @param reference what the command belongs to (a configuration request, ...); null for none
     */
    public Uni<CommandRecord> submit(String stationId, String kind, String reference,
            Function<OcppVersion, StationCommand> command, String requestedBy) {
        return Uni.createFrom().item(() -> {
            OcppVersion version = connectedVersion(stationId);
            StationCommand built = command.apply(version);
            checks.check(version, built);
            return new CommandRequest(stationId, built, kind, reference, requestedBy, config.timeout());
        }).chain(ledger::submit);
    }

    /** The station's most recent commands, newest first; 404 for an unknown station. */
    public Uni<List<CommandRecord>> recent(String stationId, int limit) {
        return Panache.withSession(() -> requireStation(stationId))
                .chain(() -> ledger.forStation(stationId, Math.min(limit, config.maxListed())));
    }

    /** The OCPP version of the station's current connection; 409 when no gateway holds one. */
    public OcppVersion connectedVersion(String stationId) {
        return presence.get(stationId).map(Presence::ocppVersion)
                .orElseThrow(() -> new ProblemException(ProblemTypes.STATION_OFFLINE, 409, "Station offline",
                        "Station " + stationId + " is not connected"));
    }

    /** The version the station is connected with, if it is. */
    public java.util.Optional<OcppVersion> versionIfConnected(String stationId) {
        return presence.get(stationId).map(Presence::ocppVersion);
    }

    private static Uni<Station> requireStation(String stationId) {
        return Station.<Station>findById(stationId).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("No station " + stationId));
    }
}
