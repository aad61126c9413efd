package dev.csms.device.configuration;

import dev.csms.runtime.persistence.Counts;
import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.device.configuration.ConfigurationCommands.Outcome;
import dev.csms.device.configuration.ConfigurationRequest.Operation;
import dev.csms.device.configuration.SettingCatalogue.Target;
import dev.csms.device.model.Station;
import dev.csms.ocpp.OcppVersion;
import dev.csms.runtime.command.CommandCompletionListener;
import dev.csms.runtime.command.CommandRecord;
import dev.csms.runtime.command.CommandStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Completes configuration work when its command completes, in the ledger's transaction: the station's row of a
 * configuration request gets its result, and what the station said its configuration is goes to the
 * {@link DeviceModel} (a value read or applied; the whole 1.6 key list of a report).
 */
@ApplicationScoped
public class ConfigurationCompletion implements CommandCompletionListener {

    private final DeviceModel model;
    private final Clock clock;

    ConfigurationCompletion(DeviceModel model, Clock clock) {
        this.model = model;
        this.clock = clock;
    }

    @Override
    public Uni<Void> completed(CommandRecord record) {
        if (ConfigurationRequests.KIND.equals(record.kind())) {
            return request(record);
        }
        if (StationConfiguration.REPORT_KIND.equals(record.kind()) && record.status() == CommandStatus.Answered
                && "GetConfiguration".equals(record.action())) {
            JsonNode keys = record.response().path("rawResponse").path("configurationKey");
            return ifStationExists(record.stationId(), () -> model.replaceKeys(record.stationId(), keys));
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> request(CommandRecord record) {
        return ConfigurationRequestStation.<ConfigurationRequestStation>find("commandId", record.commandId())
                .firstResult().chain(row -> {
                    if (row == null || row.status.done()) {
                        return Uni.createFrom().voidItem();
                    }
                    return ConfigurationRequest.<ConfigurationRequest>findById(row.id.requestId())
                            .chain(request -> complete(record, row, request));
                });
    }

    private Uni<Void> complete(CommandRecord record, ConfigurationRequestStation row, ConfigurationRequest request) {
        OcppVersion version = OcppVersion.fromLabel(row.ocppVersion).orElseThrow();
        Target target = SettingCatalogue.resolve(request.setting).target(version).orElseThrow();
        Outcome outcome = ConfigurationCommands.outcome(record, target, request.value);
        row.status = outcome.status();
        row.value = outcome.value();
        row.detail = outcome.detail();
        row.completedAt = clock.instant();
        boolean learnt = request.operation == Operation.Set ? ConfigurationCommands.applied(outcome.status())
                : outcome.status() == ConfigurationStatus.Accepted;
        if (!learnt) {
            return Uni.createFrom().voidItem();
        }
        return ifStationExists(record.stationId(), () -> target.v16Key() != null
                ? model.putKey(record.stationId(), target.v16Key(), outcome.value(), null)
                : model.putVariable(record.stationId(), target.address(), outcome.value()));
    }

    /** Stores nothing for a station deleted meanwhile (its rows went with it). */
    private static Uni<Void> ifStationExists(String stationId, java.util.function.Supplier<Uni<Void>> store) {
        return Counts.count(Station.class, "id = ?1", stationId).chain(count -> count == 0 ? Uni.createFrom().voidItem() : store.get());
    }
}
