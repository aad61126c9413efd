package dev.csms.device.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the last known configuration of each station: its 1.6 keys and its 2.x device model. Every method runs in
 * the caller's transaction (current Panache session). Calls for one station come from its partition of
 * {@code ocpp.inbound} one after the other, so two writers of the same rows do not meet.
 */
@ApplicationScoped
public class DeviceModel {

    private final Clock clock;

    DeviceModel(Clock clock) {
        this.clock = clock;
    }

    /** Replaces the station's 1.6 keys with a whole GetConfiguration answer ({@code configurationKey}). */
    public Uni<Void> replaceKeys(String stationId, JsonNode configurationKeys) {
        Instant now = clock.instant();
        return StationConfigurationKey.delete("id.stationId", stationId).chain(() -> {
            Map<String, StationConfigurationKey> keys = new HashMap<>();
            for (JsonNode node : configurationKeys) {
                String name = node.path("key").asText();
                StationConfigurationKey key = new StationConfigurationKey();
                key.id = new StationConfigurationKey.Id(stationId, name);
                key.value = text(node.get("value"));
                key.readonly = node.path("readonly").asBoolean(false);
                key.updatedAt = now;
                keys.putIfAbsent(name, key); // a station that lists a key twice: the first counts
            }
            return StationConfigurationKey.persist(keys.values().stream());
        });
    }

    /**
     * Records one 1.6 key's value (read or set).
     *
     * @param readonly null when the answer did not say
     */
    public Uni<Void> putKey(String stationId, String name, String value, Boolean readonly) {
        StationConfigurationKey.Id id = new StationConfigurationKey.Id(stationId, name);
        return StationConfigurationKey.<StationConfigurationKey>findById(id).chain(found -> {
            StationConfigurationKey key = found;
            if (key == null) {
                key = new StationConfigurationKey();
                key.id = id;
            }
            key.value = value;
            if (readonly != null) {
                key.readonly = readonly;
            }
            key.updatedAt = clock.instant();
            return found == null ? key.persist().replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }

    /** Records one 2.x variable's Actual value (read or set). */
    public Uni<Void> putVariable(String stationId, VariableAddress address, String value) {
        return variables(stationId).chain(rows -> {
            StationVariable row = row(rows, stationId, address, "Actual");
            row.value = value;
            row.updatedAt = clock.instant();
            return row.id == null ? row.persist().replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }

    /**
     * Stores the {@code reportData} of a NotifyReport part: every variable attribute with its value, mutability and
     * the variable's characteristics.
     */
    public Uni<Void> putReport(String stationId, JsonNode reportData) {
        if (!reportData.isArray() || reportData.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        return variables(stationId).chain(rows -> {
            List<StationVariable> created = new java.util.ArrayList<>();
            for (JsonNode data : reportData) {
                VariableAddress address = VariableAddress.from(data.path("component"), data.path("variable"));
                JsonNode characteristics = data.path("variableCharacteristics");
                for (JsonNode attribute : data.path("variableAttribute")) {
                    String type = attribute.path("type").asText("Actual");
                    StationVariable row = row(rows, stationId, address, type);
                    row.value = text(attribute.get("value"));
                    row.mutability = attribute.path("mutability").asText("ReadWrite");
                    row.persistent = attribute.path("persistent").asBoolean(false);
                    row.constant = attribute.path("constant").asBoolean(false);
                    if (characteristics.isObject()) {
                        row.dataType = text(characteristics.get("dataType"));
                        row.unit = text(characteristics.get("unit"));
                        row.minLimit = decimal(characteristics.get("minLimit"));
                        row.maxLimit = decimal(characteristics.get("maxLimit"));
                        row.valuesList = text(characteristics.get("valuesList"));
                    }
                    row.updatedAt = now;
                    if (row.id == null && !created.contains(row)) {
                        created.add(row);
                    }
                }
            }
            return created.isEmpty() ? Uni.createFrom().voidItem() : StationVariable.persist(created.stream());
        });
    }

    private static Uni<List<StationVariable>> variables(String stationId) {
        return StationVariable.<StationVariable>list("stationId", stationId).map(java.util.ArrayList::new);
    }

    /** The row of the attribute, or a new one (added to rows, not yet persisted). */
    private static StationVariable row(List<StationVariable> rows, String stationId, VariableAddress address,
            String attributeType) {
        for (StationVariable row : rows) {
            if (row.is(address, attributeType)) {
                return row;
            }
        }
        StationVariable row = new StationVariable();
        row.stationId = stationId;
        row.component = address.component();
        row.componentInstance = address.componentInstanceOrEmpty();
        row.evseId = address.evseId();
        row.connectorId = address.connectorId();
        row.variable = address.variable();
        row.variableInstance = address.variableInstanceOrEmpty();
        row.attributeType = attributeType;
        rows.add(row);
        return row;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static BigDecimal decimal(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return null;
        }
        return node.decimalValue();
    }
}
