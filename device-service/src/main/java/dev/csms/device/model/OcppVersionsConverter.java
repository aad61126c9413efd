package dev.csms.device.model;

import dev.csms.ocpp.OcppVersion;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores a set of OCPP versions as their labels, comma separated in a stable order ({@code 1.6,2.0.1}). */
@Converter
public class OcppVersionsConverter implements AttributeConverter<Set<OcppVersion>, String> {

    @Override
    public String convertToDatabaseColumn(Set<OcppVersion> versions) {
        return versions == null ? null
                : EnumSet.copyOf(versions).stream().map(OcppVersion::label).collect(Collectors.joining(","));
    }

    @Override
    public Set<OcppVersion> convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return EnumSet.noneOf(OcppVersion.class);
        }
        return Arrays.stream(column.split(",")).map(label -> OcppVersion.fromLabel(label).orElseThrow(
                () -> new IllegalStateException("unknown OCPP version in the database: " + label)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(OcppVersion.class)));
    }
}
