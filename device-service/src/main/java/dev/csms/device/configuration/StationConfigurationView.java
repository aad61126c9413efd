package dev.csms.device.configuration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What device-service last learnt of a station's configuration.
 *
 * @param stationId the station
 * @param keys      OCPP 1.6 configuration keys, by key
 * @param variables OCPP 2.x device model: variable attributes, by component and variable
 * @param reports   the newest device model reports (NotifyReport) the station sent, newest first
 */
public record StationConfigurationView(String stationId, List<Key> keys, List<Variable> variables,
        List<Report> reports) {

    /** A 1.6 key. */
    public record Key(String key, String value, Boolean readonly, Instant updatedAt) {

        static Key of(StationConfigurationKey row) {
            return new Key(row.id.key(), row.value, row.readonly, row.updatedAt);
        }
    }

    /** A variable attribute of the 2.x device model; {@code key} is {@code component[.instance].variable}. */
    public record Variable(String key, String component, String componentInstance, Integer evseId,
            Integer connectorId, String variable, String variableInstance, String attributeType, String value,
            String mutability, Boolean persistent, Boolean constant, String dataType, String unit,
            BigDecimal minLimit, BigDecimal maxLimit, String valuesList, Instant updatedAt) {

        static Variable of(StationVariable row) {
            String componentInstance = row.componentInstance.isEmpty() ? null : row.componentInstance;
            String variableInstance = row.variableInstance.isEmpty() ? null : row.variableInstance;
            VariableAddress address = new VariableAddress(row.component, componentInstance, row.evseId,
                    row.connectorId, row.variable, variableInstance);
            return new Variable(address.key(), row.component, componentInstance, row.evseId, row.connectorId,
                    row.variable, variableInstance, row.attributeType, row.value, row.mutability, row.persistent,
                    row.constant, row.dataType, row.unit, row.minLimit, row.maxLimit, row.valuesList, row.updatedAt);
        }
    }

    /**
     * A device model report.
     *
     * @param requestId   the GetBaseReport's requestId
     * @param parts       how many parts arrived
     * @param complete    whether every part up to the last one ({@code tbc} false) arrived
     * @param generatedAt when the station generated its first part
     * @param receivedAt  when the newest part arrived
     */
    public record Report(int requestId, int parts, boolean complete, Instant generatedAt, Instant receivedAt) {
    }
}
