package dev.csms.simulator;

import dev.csms.ocpp.OcppVersion;
import java.util.Objects;

/**
 * Who a simulated station is: identity, OCPP version, credentials, hardware (connectors, vendor, model,
 * firmware) and {@link StationBehaviour}. Immutable; build with {@link #builder(String, OcppVersion)}.
 *
 * <p>Each connector is its own EVSE: 1.6 connector {@code n} is 2.x EVSE {@code n} with connector 1.
 */
public final class StationConfig {

    /** The longest station identity OCPP 2.x allows (and what 1.6 CSMSs commonly accept). */
    public static final int MAX_ID_LENGTH = 48;

    private final String stationId;
    private final OcppVersion version;
    private final Credentials credentials;
    private final int connectors;
    private final String vendor;
    private final String model;
    private final String serialNumber;
    private final String firmwareVersion;
    private final StationBehaviour behaviour;
    private final boolean recordTraffic;

    private StationConfig(Builder b) {
        this.stationId = b.stationId;
        if (stationId.isEmpty() || stationId.length() > MAX_ID_LENGTH || stationId.contains("/")) {
            throw new IllegalArgumentException("station id must have 1 to " + MAX_ID_LENGTH
                    + " characters and no '/': '" + stationId + "'");
        }
        this.version = b.version;
        this.credentials = Objects.requireNonNull(b.credentials, "credentials");
        if (b.connectors < 1 || b.connectors > 32) {
            throw new IllegalArgumentException("connectors must be 1 to 32: " + b.connectors);
        }
        this.connectors = b.connectors;
        this.vendor = limit(b.vendor, 20, "vendor");
        this.model = limit(b.model, 20, "model");
        this.serialNumber = limit(b.serialNumber, 25, "serialNumber");
        this.firmwareVersion = limit(b.firmwareVersion, 50, "firmwareVersion");
        this.behaviour = Objects.requireNonNull(b.behaviour, "behaviour");
        this.recordTraffic = b.recordTraffic;
    }

    /** A builder for a station with this identity and version, and the defaults for everything else. */
    public static Builder builder(String stationId, OcppVersion version) {
        return new Builder(stationId, version);
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The identity: the last path segment of the URL, and the Basic auth user name. */
    public String stationId() {
        return stationId;
    }

    /** The OCPP version, offered as the only WebSocket subprotocol. */
    public OcppVersion version() {
        return version;
    }

    /** How the station authenticates. */
    public Credentials credentials() {
        return credentials;
    }

    /** Number of connectors (each its own EVSE). */
    public int connectors() {
        return connectors;
    }

    /** Vendor name in BootNotification. */
    public String vendor() {
        return vendor;
    }

    /** Model in BootNotification. */
    public String model() {
        return model;
    }

    /** Serial number in BootNotification. */
    public String serialNumber() {
        return serialNumber;
    }

    /** Firmware version at power-up (a firmware update changes it). */
    public String firmwareVersion() {
        return firmwareVersion;
    }

    /** The behaviour. */
    public StationBehaviour behaviour() {
        return behaviour;
    }

    /** Whether the station keeps every frame it sends and receives (for tests; costs memory). */
    public boolean recordTraffic() {
        return recordTraffic;
    }

    @Override
    public String toString() {
        return "StationConfig[" + stationId + ", OCPP " + version.label() + ", " + connectors + " connector(s), "
                + credentials + "]";
    }

    private static String limit(String value, int max, String name) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty() || value.length() > max) {
            throw new IllegalArgumentException(name + " must have 1 to " + max + " characters: '" + value + "'");
        }
        return value;
    }

    /** Builds a {@link StationConfig}. */
    public static final class Builder {
        private final String stationId;
        private final OcppVersion version;
        private Credentials credentials = Credentials.none();
        private int connectors = 1;
        private String vendor = "CSMS-Sim";
        private String model = "VirtualCharger";
        private String serialNumber;
        private String firmwareVersion = "1.0.0";
        private StationBehaviour behaviour = StationBehaviour.DEFAULT;
        private boolean recordTraffic;

        private Builder(String stationId, OcppVersion version) {
            this.stationId = Objects.requireNonNull(stationId, "stationId");
            this.version = Objects.requireNonNull(version, "version");
            String tail = stationId.length() > 20 ? stationId.substring(stationId.length() - 20) : stationId;
            this.serialNumber = "SN-" + tail;
        }

        private Builder(StationConfig c) {
            stationId = c.stationId;
            version = c.version;
            credentials = c.credentials;
            connectors = c.connectors;
            vendor = c.vendor;
            model = c.model;
            serialNumber = c.serialNumber;
            firmwareVersion = c.firmwareVersion;
            behaviour = c.behaviour;
            recordTraffic = c.recordTraffic;
        }

        /** Credentials (default none). */
        public Builder credentials(Credentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /** HTTP Basic credentials with the station id as user name. */
        public Builder password(String password) {
            return credentials(Credentials.basic(password));
        }

        /** Number of connectors (default 1). */
        public Builder connectors(int connectors) {
            this.connectors = connectors;
            return this;
        }

        /** Vendor name (at most 20 characters). */
        public Builder vendor(String vendor) {
            this.vendor = vendor;
            return this;
        }

        /** Model (at most 20 characters). */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /** Serial number (at most 25 characters). */
        public Builder serialNumber(String serialNumber) {
            this.serialNumber = serialNumber;
            return this;
        }

        /** Firmware version at power-up (at most 50 characters). */
        public Builder firmwareVersion(String firmwareVersion) {
            this.firmwareVersion = firmwareVersion;
            return this;
        }

        /** Behaviour (default {@link StationBehaviour#DEFAULT}). */
        public Builder behaviour(StationBehaviour behaviour) {
            this.behaviour = behaviour;
            return this;
        }

        /** Keep every frame (see {@link SimulatedStation#traffic()}). */
        public Builder recordTraffic(boolean record) {
            this.recordTraffic = record;
            return this;
        }

        /** The configuration. */
        public StationConfig build() {
            return new StationConfig(this);
        }
    }
}
