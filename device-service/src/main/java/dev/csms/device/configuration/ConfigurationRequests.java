package dev.csms.device.configuration;

import dev.csms.device.config.DeviceConfig;
import dev.csms.device.configuration.ConfigurationRequest.Operation;
import dev.csms.device.configuration.SettingCatalogue.Setting;
import dev.csms.device.configuration.SettingCatalogue.Target;
import dev.csms.device.model.Station;
import dev.csms.device.operation.StationOperations;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.runtime.problem.ProblemException;
import dev.csms.runtime.problem.ProblemTypes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads or sets one setting on one or many stations: the request and a row per station are recorded, and every
 * connected station gets its version's command through the ledger (kind {@link #KIND}, reference = the request id)
 * in the same transaction; {@link ConfigurationCompletion} fills in the results.
 */
@ApplicationScoped
public class ConfigurationRequests {

    /** The ledger kind of the commands of configuration requests. */
    public static final String KIND = "configuration";

    private final StationOperations operations;
    private final DeviceConfig.Configuration config;
    private final Clock clock;

    ConfigurationRequests(StationOperations operations, DeviceConfig config, Clock clock) {
        this.operations = operations;
        this.config = config.configuration();
        this.clock = clock;
    }

    /**
     * Records the request and sends the commands.
     *
     * @throws ProblemException 400 unknown setting, bad value, too many stations; 404 unknown stations
     */
    public Uni<ConfigurationRequestView> create(ConfigurationRequestBody body, String requestedBy) {
        Setting setting = SettingCatalogue.resolve(body.setting().trim());
        Operation operation = body.value() == null ? Operation.Read : Operation.Set;
        String value = operation == Operation.Set ? setting.normalize(body.value()) : null;
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(body.stations()));
        if (ids.size() > config.maxStations()) {
            throw new ProblemException(ProblemTypes.VALIDATION, 400, "Bad Request", "At most "
                    + config.maxStations() + " stations per request, not " + ids.size());
        }
        ConfigurationRequest request = new ConfigurationRequest();
        request.id = UUID.randomUUID().toString();
        request.operation = operation;
        request.setting = setting.name();
        request.value = value;
        request.requestedBy = requestedBy;
        request.createdAt = clock.instant();
        return Panache.withTransaction(() -> Station.<Station>list("id in ?1", ids).chain(found -> {
            Set<String> known = new java.util.HashSet<>();
            found.forEach(station -> known.add(station.id));
            List<String> missing = ids.stream().filter(id -> !known.contains(id)).toList();
            if (!missing.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.notFound("No station " + String.join(", ",
                        missing.subList(0, Math.min(20, missing.size())))
                        + (missing.size() > 20 ? " (and " + (missing.size() - 20) + " more)" : "")));
            }
            return request.persist().chain(() -> Multi.createFrom().iterable(ids)
                    .onItem().transformToUniAndConcatenate(id -> send(request, setting, id))
                    .collect().asList());
        })).map(rows -> ConfigurationRequestView.of(request, rows));
    }

    /** The request with its results; 404 when there is none. */
    public Uni<ConfigurationRequestView> find(String requestId) {
        return Panache.withSession(() -> ConfigurationRequest.<ConfigurationRequest>findById(requestId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No configuration request " + requestId))
                .chain(request -> ConfigurationRequestStation.<ConfigurationRequestStation>list("id.requestId",
                        requestId).map(rows -> ConfigurationRequestView.of(request, rows))));
    }

    private Uni<ConfigurationRequestStation> send(ConfigurationRequest request, Setting setting, String stationId) {
        ConfigurationRequestStation row = new ConfigurationRequestStation();
        row.id = new ConfigurationRequestStation.Id(request.id, stationId);
        Optional<OcppVersion> version = operations.versionIfConnected(stationId);
        if (version.isEmpty()) {
            return done(row, ConfigurationStatus.Offline, "not connected");
        }
        row.ocppVersion = version.get().label();
        Optional<Target> target = setting.target(version.get());
        if (target.isEmpty()) {
            return done(row, ConfigurationStatus.NotSupported, "'" + setting.name() + "' is not "
                    + (version.get().isTwoX() ? "a component[.instance].variable" : "a 1.6 key (at most 50 characters)"));
        }
        row.target = target.get().display();
        StationCommand command = ConfigurationCommands.of(request.operation, target.get(), request.value);
        return operations.submit(stationId, KIND, request.id, connected -> command, request.requestedBy)
                .chain(record -> {
                    row.commandId = record.commandId();
                    row.status = ConfigurationStatus.Pending;
                    return row.persist();
                });
    }

    private Uni<ConfigurationRequestStation> done(ConfigurationRequestStation row, ConfigurationStatus status,
            String detail) {
        row.status = status;
        row.detail = detail;
        row.completedAt = clock.instant();
        return row.persist();
    }
}
