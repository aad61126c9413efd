package dev.csms.session.model;

import dev.csms.ocpp.OcppVersion;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** An OCPP version as its label ({@code 1.6}, {@code 2.0.1}, {@code 2.1}). */
@Converter
public class OcppVersionConverter implements AttributeConverter<OcppVersion, String> {

    @Override
    public String convertToDatabaseColumn(OcppVersion version) {
        return version == null ? null : version.label();
    }

    @Override
    public OcppVersion convertToEntityAttribute(String label) {
        return label == null ? null : OcppVersion.fromLabel(label).orElseThrow(
                () -> new IllegalStateException("unknown OCPP version in the database: " + label));
    }
}
