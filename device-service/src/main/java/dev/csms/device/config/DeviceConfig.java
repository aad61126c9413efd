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

    /** Connector status and last seen ({@code csms.device.status.*}). */
    Status status();

    interface Status {
        /**
         * Last seen is written at most once per station per this interval (by each replica), so that a busy station
         * costs no write per message; last seen is accurate to this interval.
         */
        @WithDefault("60s")
        Duration lastSeenInterval();
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
}
