package dev.csms.gateway.health;

import dev.csms.gateway.Gateway;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the gateway can admit stations and keep its promises to them: the credentials and presence views are
 * complete, the outbound follower is positioned, and Kafka takes writes. DOWN while shutting down.
 */
@Readiness
@ApplicationScoped
public class GatewayReadinessCheck implements HealthCheck {

    private final Gateway gateway;

    GatewayReadinessCheck(Gateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public HealthCheckResponse call() {
        Gateway.Readiness readiness = gateway.readiness();
        return HealthCheckResponse.named("gateway")
                .status(readiness.isReady())
                .withData("credentials", readiness.credentials() ? "loaded" : "loading")
                .withData("presence", readiness.presence() ? "loaded" : "loading")
                .withData("outbound", readiness.outbound() ? "following" : "starting")
                .withData("topicMetadata", readiness.metadata() ? "known" : "unknown")
                .withData("kafka", readiness.kafkaWritable() ? "writable" : "unavailable")
                .withData("draining", readiness.draining())
                .withData("connections", gateway.connections().size())
                .build();
    }
}
