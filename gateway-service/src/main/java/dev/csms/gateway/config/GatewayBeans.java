package dev.csms.gateway.config;

import dev.csms.events.Topics;
import dev.csms.gateway.Gateway;
import dev.csms.ocpp.schema.OcppSchemaValidator;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.vertx.core.Vertx;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Map;

/**
 * The gateway replica of this application. {@code Topics} (from {@code csms.kafka.topic-prefix}) and {@code Clock}
 * come from platform-runtime.
 */
@Singleton
public class GatewayBeans {

    /** Compiles every OCPP schema once (seconds on a cold JVM), at startup rather than on a first message. */
    @Produces
    @Singleton
    OcppSchemaValidator validator() {
        return new OcppSchemaValidator();
    }

    @Produces
    @Singleton
    Gateway gateway(GatewayConfig config, Vertx vertx, @Identifier("default-kafka-broker") Map<String, Object> kafka,
            Topics topics, Clock clock, MeterRegistry meters, OcppSchemaValidator validator) {
        return new Gateway(config, config.id(), vertx, kafka, topics, clock, meters, validator);
    }
}
