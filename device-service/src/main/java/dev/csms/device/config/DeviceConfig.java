package dev.csms.device.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

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
}
