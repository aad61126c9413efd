package dev.csms.gateway;

import dev.csms.gateway.config.GatewayConfig;
import dev.csms.gateway.ws.StationIdentity;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Puts the gateway replica into the Quarkus application: the station endpoint on the application's HTTP server
 * (plain and TLS ports), Kafka reading from startup, the drain at shutdown (ShutdownEvent observers run while the
 * HTTP server still holds the connections).
 */
@ApplicationScoped
class GatewayLifecycle {

    void routes(@Observes Router router, Gateway gateway) {
        router.route(StationIdentity.PATH_PREFIX + "*").handler(context -> gateway.endpoint().handle(context.request()));
    }

    void start(@Observes StartupEvent event, Gateway gateway) {
        gateway.start();
    }

    void stop(@Observes ShutdownEvent event, Gateway gateway, GatewayConfig config) {
        gateway.shutdown(config.shutdown().drainWindow());
    }
}
