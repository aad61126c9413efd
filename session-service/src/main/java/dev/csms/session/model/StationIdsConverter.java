package dev.csms.session.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** A set of station ids as one comma-separated column (station ids never contain a comma); null for none. */
@Converter
public class StationIdsConverter implements AttributeConverter<Set<String>, String> {

    @Override
    public String convertToDatabaseColumn(Set<String> ids) {
        return ids == null || ids.isEmpty() ? null : String.join(",", new TreeSet<>(ids));
    }

    @Override
    public Set<String> convertToEntityAttribute(String column) {
        if (column == null || column.isEmpty()) {
            return Collections.emptySet();
        }
        return Collections.unmodifiableSet(new TreeSet<>(Arrays.asList(column.split(","))));
    }
}
