package dev.csms.simulator.station;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The charging profiles installed on a station (SetChargingProfile, ClearChargingProfile) and what they mean:
 * the power limit of an EVSE at a given time, which the energy meter follows, and the composite schedule
 * (GetCompositeSchedule). Profiles of 1.6 and 2.x are read into one form; the original JSON is kept for
 * GetChargingProfiles.
 *
 * <p>Composition (simplified from OCPP 1.6 section 3.13.1 / 2.0.1 K08): at any instant the highest stack level
 * valid profile of each purpose applies; the limit is the smaller of the station maximum and the transaction
 * profile (TxProfile of the running transaction, else the EVSE's TxDefaultProfile, else the station-wide one).
 * Amperes become watts at 230 V per phase (3 phases unless the period says otherwise).
 */
public final class ChargingProfiles {

    /** The most profiles a station holds (MaxChargingProfilesInstalled). */
    public static final int MAX_PROFILES = 20;
    /** The highest stack level accepted (ChargeProfileMaxStackLevel). */
    public static final int MAX_STACK_LEVEL = 10;
    static final double VOLTS = 230;

    /** What a profile is for, across versions. */
    public enum Purpose {
        /** 1.6 ChargePointMaxProfile, 2.x ChargingStationMaxProfile. */
        STATION_MAX,
        /** TxDefaultProfile. */
        TX_DEFAULT,
        /** TxProfile. */
        TX,
        /** Any other 2.x purpose (external constraints, priority charging, local generation). */
        OTHER;

        /** Reads a purpose of either version. */
        public static Purpose of(String ocpp) {
            return switch (ocpp) {
                case "ChargePointMaxProfile", "ChargingStationMaxProfile" -> STATION_MAX;
                case "TxDefaultProfile" -> TX_DEFAULT;
                case "TxProfile" -> TX;
                default -> OTHER;
            };
        }
    }

    /**
     * One schedule period.
     *
     * @param startPeriod seconds from the schedule start
     * @param limit       the limit in the schedule's unit (null: no limit, 2.1 setpoint-only periods)
     * @param phases      phases in use
     */
    public record Period(int startPeriod, Double limit, int phases) {
    }

    /**
     * An installed profile.
     *
     * @param id            the profile id
     * @param evseId        the EVSE (connector) it is installed on, 0 for the station
     * @param stackLevel    its stack level
     * @param purpose       its purpose
     * @param purposeName   its purpose as the CSMS wrote it
     * @param kind          Absolute, Recurring, Relative (2.1 also Dynamic)
     * @param recurrency    Daily or Weekly for Recurring
     * @param validFrom     not before (null: always)
     * @param validTo       not after (null: always)
     * @param transactionId the transaction a TxProfile is for, if given
     * @param start         the schedule start (null: relative to the transaction start, or now)
     * @param duration      the schedule duration in seconds (null: open-ended)
     * @param unit          A or W
     * @param periods       the periods, by start
     * @param json          the profile as received
     */
    public record Profile(int id, int evseId, int stackLevel, Purpose purpose, String purposeName, String kind,
            String recurrency, Instant validFrom, Instant validTo, String transactionId, Instant start,
            Integer duration, String unit, List<Period> periods, ObjectNode json) {

        /** The limit this profile sets at {@code t}, in W; empty when it does not apply then. */
        Optional<Double> limitWatts(Instant t, Instant transactionStart, Instant installedAt) {
            if ((validFrom != null && t.isBefore(validFrom)) || (validTo != null && t.isAfter(validTo))) {
                return Optional.empty();
            }
            long offset = offsetSeconds(t, transactionStart, installedAt);
            if (offset < 0 || (duration != null && offset >= duration)) {
                return Optional.empty();
            }
            Period current = null;
            for (Period p : periods) {
                if (p.startPeriod() <= offset) {
                    current = p;
                }
            }
            if (current == null || current.limit() == null) {
                return Optional.empty();
            }
            double watts = "A".equals(unit) ? current.limit() * VOLTS * current.phases() : current.limit();
            return Optional.of(watts);
        }

        long offsetSeconds(Instant t, Instant transactionStart, Instant installedAt) {
            Instant base = start != null ? start
                    : "Relative".equals(kind) && transactionStart != null ? transactionStart : installedAt;
            long offset = Duration.between(base, t).toSeconds();
            if ("Recurring".equals(kind) && offset >= 0) {
                long cycle = "Weekly".equals(recurrency) ? 7 * 86_400 : 86_400;
                offset %= cycle;
            }
            return offset;
        }

        /** The absolute instants at which this profile's limit may change, within a window. */
        void changePoints(Instant from, Instant to, Instant transactionStart, Instant installedAt, TreeSet<Instant> out) {
            Instant base = start != null ? start
                    : "Relative".equals(kind) && transactionStart != null ? transactionStart : installedAt;
            long cycle = "Recurring".equals(kind) ? ("Weekly".equals(recurrency) ? 7 * 86_400 : 86_400) : 0;
            List<Long> offsets = new ArrayList<>();
            periods.forEach(p -> offsets.add((long) p.startPeriod()));
            if (duration != null) {
                offsets.add((long) duration);
            }
            for (int round = 0; round < 16; round++) {
                Instant roundBase = base.plusSeconds(cycle * round);
                for (long offset : offsets) {
                    Instant point = roundBase.plusSeconds(offset);
                    if (point.isAfter(from) && point.isBefore(to)) {
                        out.add(point);
                    }
                }
                if (cycle == 0 || roundBase.isAfter(to)) {
                    break;
                }
            }
            if (validFrom != null && validFrom.isAfter(from) && validFrom.isBefore(to)) {
                out.add(validFrom);
            }
            if (validTo != null && validTo.isAfter(from) && validTo.isBefore(to)) {
                out.add(validTo);
            }
        }
    }

    private record Installed(Profile profile, Instant installedAt) {
    }

    private List<Installed> installed;

    /** The outcome of installing a profile. */
    public enum SetResult {
        /** Installed. */
        ACCEPTED,
        /** Not installed (wrong EVSE for the purpose, no transaction, too many, stack level too high). */
        REJECTED
    }

    /**
     * Installs a profile (replacing one with the same id, or the same purpose and stack level on the same EVSE).
     *
     * @param profile        the profile
     * @param transactionId  the transaction running on the EVSE, if any
     * @param now            the time it is installed
     */
    public SetResult set(Profile profile, String transactionId, Instant now) {
        if (profile.stackLevel() < 0 || profile.stackLevel() > MAX_STACK_LEVEL || profile.periods().isEmpty()
                || profile.purpose() == Purpose.OTHER) {
            return SetResult.REJECTED;
        }
        switch (profile.purpose()) {
            case STATION_MAX -> {
                if (profile.evseId() != 0) {
                    return SetResult.REJECTED;
                }
            }
            case TX -> {
                if (profile.evseId() == 0 || transactionId == null
                        || (profile.transactionId() != null && !profile.transactionId().equals(transactionId))) {
                    return SetResult.REJECTED;
                }
            }
            default -> {
            }
        }
        List<Installed> list = installed == null ? new ArrayList<>() : installed;
        list.removeIf(i -> i.profile.id() == profile.id()
                || (i.profile.evseId() == profile.evseId() && i.profile.purpose() == profile.purpose()
                        && i.profile.stackLevel() == profile.stackLevel()));
        if (list.size() >= MAX_PROFILES) {
            return SetResult.REJECTED;
        }
        list.add(new Installed(profile, now));
        installed = list;
        return SetResult.ACCEPTED;
    }

    /** Removes the profiles that match; true if any did. */
    public boolean clear(Predicate<Profile> matching) {
        if (installed == null) {
            return false;
        }
        boolean removed = installed.removeIf(i -> matching.test(i.profile));
        if (installed.isEmpty()) {
            installed = null;
        }
        return removed;
    }

    /** TxProfiles end with their transaction. */
    void transactionEnded(int evseId) {
        clear(p -> p.purpose() == Purpose.TX && p.evseId() == evseId);
    }

    /** Every installed profile. */
    public List<Profile> all() {
        return installed == null ? List.of() : installed.stream().map(Installed::profile).toList();
    }

    /** The power limit of an EVSE at {@code t} in W, empty if no profile limits it. */
    public Optional<Double> limitWatts(int evseId, Instant t, Instant transactionStart, boolean inTransaction) {
        if (installed == null) {
            return Optional.empty();
        }
        Optional<Double> max = top(i -> i.profile.purpose() == Purpose.STATION_MAX, t, transactionStart);
        Optional<Double> tx = inTransaction
                ? top(i -> i.profile.purpose() == Purpose.TX && i.profile.evseId() == evseId, t, transactionStart)
                : Optional.empty();
        if (tx.isEmpty()) {
            tx = top(i -> i.profile.purpose() == Purpose.TX_DEFAULT && i.profile.evseId() == evseId, t,
                    transactionStart);
        }
        if (tx.isEmpty()) {
            tx = top(i -> i.profile.purpose() == Purpose.TX_DEFAULT && i.profile.evseId() == 0, t, transactionStart);
        }
        if (max.isPresent() && tx.isPresent()) {
            return Optional.of(Math.min(max.get(), tx.get()));
        }
        return max.isPresent() ? max : tx;
    }

    private Optional<Double> top(Predicate<Installed> filter, Instant t, Instant transactionStart) {
        return installed.stream()
                .filter(filter)
                .sorted(Comparator.comparingInt((Installed i) -> i.profile.stackLevel()).reversed())
                .map(i -> i.profile.limitWatts(t, transactionStart, i.installedAt))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /**
     * The composite schedule of an EVSE from {@code now} for {@code durationSeconds}: periods (start offset in
     * seconds, limit in the requested unit), merged where the limit does not change. Where no profile limits,
     * the EVSE's own maximum applies.
     */
    public List<Period> composite(int evseId, Instant now, int durationSeconds, Instant transactionStart,
            boolean inTransaction, double maxWatts, String unit) {
        Instant end = now.plusSeconds(durationSeconds);
        TreeSet<Instant> points = new TreeSet<>();
        points.add(now);
        if (installed != null) {
            installed.forEach(i -> i.profile.changePoints(now, end, transactionStart, i.installedAt, points));
        }
        List<Period> periods = new ArrayList<>();
        Double last = null;
        for (Instant point : points) {
            double watts = Math.min(maxWatts, limitWatts(evseId, point, transactionStart, inTransaction)
                    .orElse(maxWatts));
            double value = "A".equals(unit) ? round1(watts / (VOLTS * 3)) : round1(watts);
            if (last == null || value != last) {
                periods.add(new Period((int) Duration.between(now, point).toSeconds(), value, 3));
                last = value;
            }
        }
        return periods;
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /**
     * Reads a profile of either version.
     *
     * @param json   the chargingProfile object (1.6 csChargingProfiles, 2.x chargingProfile)
     * @param evseId the connector (1.6) or EVSE (2.x) it is set for
     */
    public static Profile read(ObjectNode json, int evseId) {
        boolean v16 = json.has("chargingProfileId");
        JsonNode scheduleNode = json.path("chargingSchedule");
        JsonNode schedule = scheduleNode.isArray() ? scheduleNode.path(0) : scheduleNode;
        List<Period> periods = new ArrayList<>();
        for (JsonNode p : schedule.path("chargingSchedulePeriod")) {
            Double limit = p.hasNonNull("limit") ? p.get("limit").asDouble() : null;
            periods.add(new Period(p.path("startPeriod").asInt(), limit, p.path("numberPhases").asInt(3)));
        }
        periods.sort(Comparator.comparingInt(Period::startPeriod));
        String purposeName = json.path("chargingProfilePurpose").asText();
        return new Profile(v16 ? json.path("chargingProfileId").asInt() : json.path("id").asInt(), evseId,
                json.path("stackLevel").asInt(), Purpose.of(purposeName), purposeName,
                json.path("chargingProfileKind").asText("Absolute"),
                json.hasNonNull("recurrencyKind") ? json.get("recurrencyKind").asText() : null,
                instant(json.path("validFrom")), instant(json.path("validTo")),
                json.hasNonNull("transactionId") ? json.get("transactionId").asText() : null,
                instant(schedule.path("startSchedule")),
                schedule.hasNonNull("duration") ? schedule.get("duration").asInt() : null,
                schedule.path("chargingRateUnit").asText("W"), List.copyOf(periods), json.deepCopy());
    }

    private static Instant instant(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
