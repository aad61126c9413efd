package dev.csms.runtime.inbound;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service processes {@code ocpp.inbound} ({@link InboundLanes}). */
@ConfigMapping(prefix = "csms.inbound")
public interface InboundConfig {

    /**
     * Records processed at the same time by this replica, across stations; one station's records are always
     * processed one after the other, in their order on the topic. 1 processes one record at a time. Each record in
     * flight may hold a database connection, so keep this near the datasource's pool size
     * ({@code quarkus.datasource.reactive.max-size}); beyond it records queue for a connection.
     */
    @WithDefault("32")
    int maxInFlight();
}
