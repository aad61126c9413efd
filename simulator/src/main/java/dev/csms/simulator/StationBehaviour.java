package dev.csms.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a simulated station behaves beyond answering the CSMS: how often drivers arrive, how long and how fast
 * they charge, how often meter values go out, which failures to simulate and how it reconnects. Immutable;
 * build with {@link #builder()}, change one thing with {@link #toBuilder()}.
 */
public final class StationBehaviour {

    /** The defaults: no automatic sessions, 60 s meter values, 11 kW, heartbeat as the CSMS says. */
    public static final StationBehaviour DEFAULT = builder().build();

    private final Duration heartbeatInterval;
    private final Duration meterValueInterval;
    private final double sessionsPerHour;
    private final Duration sessionDuration;
    private final double chargingPowerKw;
    private final List<String> idTags;
    private final boolean authorizeBeforeStart;
    private final boolean bootOnReconnect;
    private final FirmwareFailure firmwareFailure;
    private final boolean logUploadFails;
    private final Duration firmwareStepDuration;
    private final Duration rebootDelay;
    private final double disconnectsPerHour;
    private final Duration callTimeout;
    private final RetryBackOff retryBackOff;
    private final int offlineQueueLimit;

    private StationBehaviour(Builder b) {
        this.heartbeatInterval = b.heartbeatInterval;
        this.meterValueInterval = positive(b.meterValueInterval, "meterValueInterval");
        this.sessionsPerHour = notNegative(b.sessionsPerHour, "sessionsPerHour");
        this.sessionDuration = positive(b.sessionDuration, "sessionDuration");
        this.chargingPowerKw = notNegative(b.chargingPowerKw, "chargingPowerKw");
        this.idTags = List.copyOf(b.idTags);
        if (idTags.isEmpty()) {
            throw new IllegalArgumentException("idTags must not be empty");
        }
        this.authorizeBeforeStart = b.authorizeBeforeStart;
        this.bootOnReconnect = b.bootOnReconnect;
        this.firmwareFailure = Objects.requireNonNull(b.firmwareFailure, "firmwareFailure");
        this.logUploadFails = b.logUploadFails;
        this.firmwareStepDuration = Objects.requireNonNull(b.firmwareStepDuration, "firmwareStepDuration");
        this.rebootDelay = Objects.requireNonNull(b.rebootDelay, "rebootDelay");
        this.disconnectsPerHour = notNegative(b.disconnectsPerHour, "disconnectsPerHour");
        this.callTimeout = positive(b.callTimeout, "callTimeout");
        this.retryBackOff = Objects.requireNonNull(b.retryBackOff, "retryBackOff");
        if (b.offlineQueueLimit < 1) {
            throw new IllegalArgumentException("offlineQueueLimit must be at least 1: " + b.offlineQueueLimit);
        }
        this.offlineQueueLimit = b.offlineQueueLimit;
        if (heartbeatInterval != null) {
            positive(heartbeatInterval, "heartbeatInterval");
        }
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this behaviour's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The heartbeat interval to use instead of the one the CSMS gives at boot, if any. */
    public Optional<Duration> heartbeatInterval() {
        return Optional.ofNullable(heartbeatInterval);
    }

    /** How often a running transaction reports meter values (1.6 MeterValueSampleInterval, 2.x TxUpdatedInterval). */
    public Duration meterValueInterval() {
        return meterValueInterval;
    }

    /** Automatic sessions per station and hour (Poisson arrivals), 0 for none. */
    public double sessionsPerHour() {
        return sessionsPerHour;
    }

    /** The mean length of an automatic session (each lasts 50 % to 150 % of it). */
    public Duration sessionDuration() {
        return sessionDuration;
    }

    /** The power an EV draws when nothing limits it, in kW. */
    public double chargingPowerKw() {
        return chargingPowerKw;
    }

    /** The id tags drivers present, one picked at random per automatic session. */
    public List<String> idTags() {
        return idTags;
    }

    /** Whether a locally started session is authorized (Authorize) before its transaction starts. */
    public boolean authorizeBeforeStart() {
        return authorizeBeforeStart;
    }

    /** Whether the station sends BootNotification again after every reconnection, not only after a reboot. */
    public boolean bootOnReconnect() {
        return bootOnReconnect;
    }

    /** Where firmware updates fail, if anywhere. */
    public FirmwareFailure firmwareFailure() {
        return firmwareFailure;
    }

    /** Whether diagnostics and log uploads fail. */
    public boolean logUploadFails() {
        return logUploadFails;
    }

    /** How long each firmware step (download, verification, installation) and each log upload takes. */
    public Duration firmwareStepDuration() {
        return firmwareStepDuration;
    }

    /** How long a reboot (reset, firmware installation) keeps the station off line. */
    public Duration rebootDelay() {
        return rebootDelay;
    }

    /** Random connection losses per station and hour, 0 for none. */
    public double disconnectsPerHour() {
        return disconnectsPerHour;
    }

    /** How long the station waits for the answer to one of its CALLs. */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** The reconnect back-off. */
    public RetryBackOff retryBackOff() {
        return retryBackOff;
    }

    /** How many transaction messages the station keeps while off line; the oldest meter values go first. */
    public int offlineQueueLimit() {
        return offlineQueueLimit;
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
        return d;
    }

    private static double notNegative(double value, String name) {
        if (value < 0 || Double.isNaN(value)) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return value;
    }

    /** Builds a {@link StationBehaviour}. */
    public static final class Builder {
        private Duration heartbeatInterval;
        private Duration meterValueInterval = Duration.ofSeconds(60);
        private double sessionsPerHour;
        private Duration sessionDuration = Duration.ofMinutes(30);
        private double chargingPowerKw = 11;
        private List<String> idTags = List.of("SIMTAG0001");
        private boolean authorizeBeforeStart = true;
        private boolean bootOnReconnect = true;
        private FirmwareFailure firmwareFailure = FirmwareFailure.NONE;
        private boolean logUploadFails;
        private Duration firmwareStepDuration = Duration.ofSeconds(5);
        private Duration rebootDelay = Duration.ofSeconds(2);
        private double disconnectsPerHour;
        private Duration callTimeout = Duration.ofSeconds(30);
        private RetryBackOff retryBackOff = RetryBackOff.DEFAULT;
        private int offlineQueueLimit = 1000;

        private Builder() {
        }

        private Builder(StationBehaviour b) {
            heartbeatInterval = b.heartbeatInterval;
            meterValueInterval = b.meterValueInterval;
            sessionsPerHour = b.sessionsPerHour;
            sessionDuration = b.sessionDuration;
            chargingPowerKw = b.chargingPowerKw;
            idTags = b.idTags;
            authorizeBeforeStart = b.authorizeBeforeStart;
            bootOnReconnect = b.bootOnReconnect;
            firmwareFailure = b.firmwareFailure;
            logUploadFails = b.logUploadFails;
            firmwareStepDuration = b.firmwareStepDuration;
            rebootDelay = b.rebootDelay;
            disconnectsPerHour = b.disconnectsPerHour;
            callTimeout = b.callTimeout;
            retryBackOff = b.retryBackOff;
            offlineQueueLimit = b.offlineQueueLimit;
        }

        /** Heartbeat interval to use instead of the CSMS's; null to follow the CSMS. */
        public Builder heartbeatInterval(Duration interval) {
            this.heartbeatInterval = interval;
            return this;
        }

        /** Meter value interval of running transactions. */
        public Builder meterValueInterval(Duration interval) {
            this.meterValueInterval = interval;
            return this;
        }

        /** Automatic sessions per hour (0 for none). */
        public Builder sessionsPerHour(double rate) {
            this.sessionsPerHour = rate;
            return this;
        }

        /** Mean length of an automatic session. */
        public Builder sessionDuration(Duration duration) {
            this.sessionDuration = duration;
            return this;
        }

        /** Unlimited charging power in kW. */
        public Builder chargingPowerKw(double kw) {
            this.chargingPowerKw = kw;
            return this;
        }

        /** Id tags of automatic sessions. */
        public Builder idTags(List<String> tags) {
            this.idTags = Objects.requireNonNull(tags, "idTags");
            return this;
        }

        /** Whether to Authorize before a local start. */
        public Builder authorizeBeforeStart(boolean authorize) {
            this.authorizeBeforeStart = authorize;
            return this;
        }

        /** Whether to boot again after every reconnection. */
        public Builder bootOnReconnect(boolean boot) {
            this.bootOnReconnect = boot;
            return this;
        }

        /** Firmware failure mode. */
        public Builder firmwareFailure(FirmwareFailure failure) {
            this.firmwareFailure = failure;
            return this;
        }

        /** Whether log and diagnostics uploads fail. */
        public Builder logUploadFails(boolean fails) {
            this.logUploadFails = fails;
            return this;
        }

        /** Duration of each firmware step and of an upload. */
        public Builder firmwareStepDuration(Duration duration) {
            this.firmwareStepDuration = duration;
            return this;
        }

        /** How long a reboot takes. */
        public Builder rebootDelay(Duration delay) {
            this.rebootDelay = delay;
            return this;
        }

        /** Random connection losses per hour. */
        public Builder disconnectsPerHour(double rate) {
            this.disconnectsPerHour = rate;
            return this;
        }

        /** Time to wait for the answer to a CALL. */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = timeout;
            return this;
        }

        /** Reconnect back-off. */
        public Builder retryBackOff(RetryBackOff backOff) {
            this.retryBackOff = backOff;
            return this;
        }

        /** Transaction messages kept while off line. */
        public Builder offlineQueueLimit(int limit) {
            this.offlineQueueLimit = limit;
            return this;
        }

        /** The behaviour. */
        public StationBehaviour build() {
            return new StationBehaviour(this);
        }
    }
}
