package dev.csms.device.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** device-service settings ({@code csms.device.*}). */
@ConfigMapping(prefix = "csms.device")
public interface DeviceConfig {

    /** CloudEvents source of the events this replica publishes. */
    @WithDefault("/csms/${quarkus.application.name}/${HOSTNAME:local}")
    String eventSource();

    /** The BootNotification policy. */
    Boot boot();

    interface Boot {
        /** Whether an unknown station that boots is registered as pending (answered Pending) instead of Rejected. */
        @WithDefault("false")
        boolean autoRegistration();

        /** Heartbeat interval sent to accepted stations without one of their own. */
        @WithDefault("300s")
        Duration heartbeatInterval();

        /** How long a pending station waits before it boots again (BootNotification interval when Pending). */
        @WithDefault("60s")
        Duration pendingRetryInterval();

        /** How long a rejected station waits before it boots again. */
        @WithDefault("600s")
        Duration rejectedRetryInterval();

        /** Security profile given to an auto-registered station until the operator changes it. */
        @WithDefault("1")
        @Min(1)
        @Max(3)
        int autoRegistrationSecurityProfile();

        /** Deadline of the TriggerMessage(BootNotification) sent after an operator accepts a pending station. */
        @WithDefault("30s")
        Duration triggerDeadline();
    }

    /** Remote operations sent by operators ({@code csms.device.operations.*}). */
    Operations operations();

    interface Operations {
        /** How long a station has to answer an operator's command (its deadline is now + this). */
        @WithDefault("60s")
        Duration timeout();

        /** Most commands {@code GET /api/v1/stations/{id}/commands} returns. */
        @WithDefault("500")
        @Min(1)
        int maxListed();
    }

    /** DataTransfer from stations ({@code csms.device.data-transfer.*}). */
    DataTransfer dataTransfer();

    interface DataTransfer {
        /**
         * Vendor ids whose DataTransfer calls are Accepted and published ({@code DataTransferReceived}); a call with
         * any other vendor id is answered UnknownVendorId. Empty by default: no vendor is known.
         */
        Optional<Set<String>> vendorIds();
    }

    /** Station certificates ({@code csms.device.certificates.*}). */
    Certificates certificates();

    interface Certificates {
        /**
         * PEM file of the CA certificate that signs stations' CSRs. With {@code ca-key}; when both are absent a local
         * CA is generated at startup (embedded default only: its key is lost on restart).
         */
        Optional<Path> caCert();

        /** PEM file of the CA's private key (PKCS#8 or PKCS#1/SEC1), with {@code ca-cert}. */
        Optional<Path> caKey();

        /** Validity of a signed station certificate, in days. */
        @WithDefault("365")
        @Min(1)
        int validityDays();

        /** Deadline of the CertificateSigned command that delivers a signed chain. */
        @WithDefault("60s")
        Duration commandTimeout();
    }

    /** The batched path of the records of a reconnect ({@code csms.device.inbound-batch.*}; docs/adr/0006). */
    InboundBatch inboundBatch();

    interface InboundBatch {
        /**
         * Whether StationConnected, StationDisconnected, BootNotification and StatusNotification records are
         * written together, several stations' records in one transaction with set-based SQL; off, every record runs
         * through its handlers in a transaction of its own.
         */
        @WithDefault("true")
        boolean enabled();

        /** The most records written in one transaction. */
        @WithDefault("256")
        @Min(1)
        int maxRecords();
    }

    /** Connector status and last seen ({@code csms.device.status.*}). */
    Status status();

    interface Status {
        /**
         * Last seen is written at most once per station per this interval (by each replica), so that a busy station
         * costs no write per message; last seen is accurate to this interval.
         */
        @WithDefault("60s")
        Duration lastSeenInterval();

        /**
         * How often the last seen times noted since the previous write are written, all in one statement: a message
         * costs no database round trip of its own.
         */
        @WithDefault("1s")
        Duration lastSeenFlushInterval();
    }

    /** Firmware campaigns ({@code csms.device.campaigns.*}). */
    Campaigns campaigns();

    interface Campaigns {
        /** How often the leader moves running campaigns on (sends the next stations, times out silent ones). */
        @WithDefault("5s")
        Duration tickInterval();

        /**
         * How long a station of a campaign may go without reporting firmware progress before it counts as Failed
         * (a campaign may set its own).
         */
        @WithDefault("1h")
        Duration progressTimeout();
    }

    /** The configuration API ({@code csms.device.configuration.*}). */
    Configuration configuration();

    interface Configuration {
        /** Most stations one configuration request may name. */
        @WithDefault("1000")
        @Min(1)
        int maxStations();
    }

    /** Alert rules ({@code csms.device.alerts.*}); see {@code alert.AlertRules}. */
    Alerts alerts();

    interface Alerts {
        /** How often the leader sweeps: offline alerts, quiet-period clearing, forgetting old disconnects/boots. */
        @WithDefault("30s")
        Duration sweepInterval();

        /** A station offline (presence) for longer than this raises StationOffline. */
        @WithDefault("15m")
        Duration offlineAfter();

        /** Whether a Faulted connector raises ConnectorFaulted. */
        @WithDefault("true")
        boolean connectorFaulted();

        /** The repeated-disconnects rule ({@code csms.device.alerts.disconnects.*}). */
        Disconnects disconnects();

        interface Disconnects {
            /** At least this many disconnects ... */
            @WithDefault("5")
            @Min(1)
            int count();

            /** ... within this window raise RepeatedDisconnects. */
            @WithDefault("15m")
            Duration window();

            /** The alert is cleared after this long without a disconnect. */
            @WithDefault("30m")
            Duration quietPeriod();
        }

        /** The boot-loop rule ({@code csms.device.alerts.boot-loop.*}). */
        BootLoop bootLoop();

        interface BootLoop {
            /** At least this many boots ... */
            @WithDefault("3")
            @Min(1)
            int count();

            /** ... within this window raise BootLoop. */
            @WithDefault("15m")
            Duration window();

            /** The alert is cleared after this long without a boot. */
            @WithDefault("30m")
            Duration quietPeriod();
        }
    }

    /** Security events from stations ({@code csms.device.security-events.*}). */
    SecurityEvents securityEvents();

    interface SecurityEvents {
        /**
         * Security event types that raise a SecurityEvent alert. The default: the OCPP 2.0.1 security events that
         * signal tampering or an attack (routine ones such as StartupOfTheDevice or ResetOrReboot do not alert).
         */
        @WithDefault("FirmwareTampered,InvalidFirmwareSignature,InvalidFirmwareSigningCertificate,"
                + "TamperDetectionActivated,InvalidCsmsCertificate,InvalidChargingStationCertificate,"
                + "AttemptedReplayAttacks,SecurityLogWasCleared,MemoryExhaustion,MaintenanceLoginFailed,"
                + "InvalidTLSVersion,InvalidTLSCipherSuite")
        Set<String> criticalTypes();
    }
}
