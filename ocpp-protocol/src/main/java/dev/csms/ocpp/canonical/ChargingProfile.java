package dev.csms.ocpp.canonical;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A charging profile, version-independent (2.x ChargingProfileType; 1.6 ChargingProfile with
 * {@code chargingProfileId}, an integer {@code transactionId} and exactly one schedule).
 *
 * @param id             the profile id (1.6 {@code chargingProfileId})
 * @param stackLevel     precedence; higher wins
 * @param purpose        what the profile is for
 * @param kind           how the schedule is anchored in time
 * @param recurrencyKind recurrence of a Recurring profile; null otherwise
 * @param validFrom      start of validity; null for now
 * @param validTo        end of validity; null for unlimited
 * @param transactionId  the transaction of a TxProfile (a decimal integer for 1.6); null otherwise
 * @param schedules      the schedules: exactly one for 1.6, one to three for 2.x
 */
public record ChargingProfile(int id, int stackLevel, ChargingProfilePurpose purpose, ChargingProfileKind kind,
        RecurrencyKind recurrencyKind, Instant validFrom, Instant validTo, String transactionId,
        List<ChargingSchedule> schedules) {
    public ChargingProfile {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(kind, "kind");
        schedules = List.copyOf(schedules);
    }
}
