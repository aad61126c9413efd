package dev.csms.session.rest;

import dev.csms.session.model.MeterReading;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One session with its meter series.
 *
 * @param session     the session
 * @param meterValues every reading linked to it, in sampling order
 */
public record SessionDetail(SessionView session, List<Reading> meterValues) {

    /** One sampled value, units normalized to SI base units (Wh, W, A, V, ...). */
    public record Reading(Instant timestamp, String measurand, String phase, String location, String context,
            String unit, BigDecimal value, boolean signed) {

        public static Reading of(MeterReading r) {
            return new Reading(r.sampledAt, r.measurand, r.phase.isEmpty() ? null : r.phase, r.location, r.context,
                    r.unit, r.value, r.signed);
        }
    }
}
