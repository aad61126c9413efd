package dev.csms.session.model;

import dev.csms.events.sessions.MeterAnomaly;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A set of meter anomalies as one comma-separated column; null for none. */
@Converter
public class MeterAnomaliesConverter implements AttributeConverter<Set<MeterAnomaly>, String> {

    @Override
    public String convertToDatabaseColumn(Set<MeterAnomaly> anomalies) {
        return anomalies == null || anomalies.isEmpty() ? null
                : anomalies.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<MeterAnomaly> convertToEntityAttribute(String column) {
        if (column == null || column.isEmpty()) {
            return EnumSet.noneOf(MeterAnomaly.class);
        }
        return Arrays.stream(column.split(",")).map(MeterAnomaly::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(MeterAnomaly.class)));
    }
}
