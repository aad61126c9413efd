package dev.csms.session.service;

import dev.csms.ocpp.canonical.Location;
import dev.csms.ocpp.canonical.Measurand;
import dev.csms.ocpp.canonical.MeterValue;
import dev.csms.ocpp.canonical.SampledValue;
import dev.csms.session.model.MeterReading;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The meter series of sessions: stores readings once (by content) and computes the energy totals from them. */
@ApplicationScoped
public class MeterReadings {

    private static final String INSERT = "insert into meter_reading (session_id, sampled_at, measurand, phase, "
            + "location, context, unit, value, signed) values (:session, :at, :measurand, :phase, :location, "
            + ":context, :unit, :value, :signed) on conflict on constraint meter_reading_content do nothing";
    private static final String REGISTER = Measurand.ENERGY_ACTIVE_IMPORT_REGISTER.ocppName();

    /** Stores the readings of the session in the current transaction; a reading already stored is ignored. */
    public Uni<Void> insert(UUID sessionId, List<MeterValue> meterValues) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (MeterValue meterValue : meterValues) {
            for (SampledValue sample : meterValue.sampledValues()) {
                chain = chain.chain(() -> insert(sessionId, meterValue.timestamp(), sample));
            }
        }
        return chain;
    }

    private Uni<Void> insert(UUID sessionId, Instant at, SampledValue sample) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter("session", sessionId)
                .setParameter("at", at)
                .setParameter("measurand", sample.measurand().ocppName())
                .setParameter("phase", sample.phase() == null ? "" : sample.phase().ocppName())
                .setParameter("location", sample.location().name())
                .setParameter("context", sample.context().ocppName())
                .setParameter("unit", sample.unit())
                .setParameter("value", sample.value())
                .setParameter("signed", sample.signedMeterValue() != null)
                .executeUpdate()).replaceWithVoid();
    }

    /**
     * The energy totals of a session from its register readings. When the station measured the register at
     * several locations, the Outlet's readings count (the OCPP default location), else those of the location
     * with the most readings.
     */
    public Uni<EnergyTotals> totals(UUID sessionId) {
        return MeterReading.<MeterReading>list("sessionId = ?1 and measurand = ?2 and phase = '' and value is not null"
                + " order by sampledAt, id", sessionId, REGISTER).map(readings -> {
                    Map<String, List<MeterReading>> byLocation = readings.stream()
                            .collect(Collectors.groupingBy(r -> r.location));
                    List<MeterReading> chosen = byLocation.containsKey(Location.Outlet.name())
                            ? byLocation.get(Location.Outlet.name())
                            : byLocation.values().stream().max(Comparator.comparingInt(List::size)).orElse(List.of());
                    List<BigDecimal> values = new ArrayList<>();
                    chosen.forEach(r -> values.add(r.value));
                    return EnergyTotals.of(values);
                });
    }

    /** The whole series of a session, in sampling order. */
    public Uni<List<MeterReading>> series(UUID sessionId) {
        return MeterReading.list("sessionId = ?1 order by sampledAt, measurand, phase, id", sessionId);
    }
}
