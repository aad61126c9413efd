package dev.csms.runtime.presence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The in-memory view of {@code ocpp.presence}. */
@ConfigMapping(prefix = "csms.presence")
public interface PresenceConfig {

    /**
     * Whether this service keeps the view. Off by default: the view reads the whole topic into memory and holds
     * readiness until it caught up, which only services that ask about presence should pay for.
     */
    @WithDefault("false")
    boolean enabled();
}
