package dev.csms.gateway.config;

import dev.csms.events.Topics;
import dev.csms.gateway.Gateway;
import dev.csms.ocpp.schema.OcppSchemaValidator;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.DefaultBean;
import io.smallrye.common.annotation.Identifier;
import io.vertx.core.Vertx;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Map;

/** The gateway replica of this application and what it is built from. */
@Singleton
public class GatewayBeans {

    /** Compiles every OCPP schema once (seconds on a cold JVM), at startup rather than on a first message. */
    @Produces
    @Singleton
    OcppSchemaValidator validator() {
        return new OcppSchemaValidator();
    }

    /** The UTC system clock; a test may produce its own. */
    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The platform topics without prefix. */
    @Produces
    @Singleton
    @DefaultBean
    Topics topics() {
        return Topics.unprefixed();
    }

    @Produces
    @Singleton
    Gateway gateway(GatewayConfig config, Vertx vertx, @Identifier("default-kafka-broker") Map<String, Object> kafka,
            Topics topics, Clock clock, MeterRegistry meters, OcppSchemaValidator validator) {
        return new Gateway(config, config.id(), vertx, kafka, topics, clock, meters, validator);
    }
}
