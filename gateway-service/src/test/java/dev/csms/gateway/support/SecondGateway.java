package dev.csms.gateway.support;

import dev.csms.events.Topics;
import dev.csms.gateway.Gateway;
import dev.csms.gateway.config.GatewayConfig;
import dev.csms.gateway.ws.StationIdentity;
import dev.csms.gateway.ws.WebSocketServerOptions;
import dev.csms.localstack.LocalStack;
import dev.csms.ocpp.schema.OcppSchemaValidator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A second gateway replica in the test JVM: the same {@link Gateway} class the application runs, on the same Vert.x
 * and the same Kafka broker, with its own id, meters and HTTP server on an ephemeral port. Its configuration is the
 * gateway's defaults plus the test timeouts plus the given overrides.
 */
public final class SecondGateway implements AutoCloseable {

    private final Gateway gateway;
    private final HttpServer server;
    private final GatewayConfig config;

    private SecondGateway(Gateway gateway, HttpServer server, GatewayConfig config) {
        this.gateway = gateway;
        this.server = server;
        this.config = config;
    }

    public static SecondGateway start(Vertx vertx, OcppSchemaValidator validator, Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>();
        properties.put("csms.gateway.id", "gw-test-b");
        properties.put("csms.gateway.connections.ping-interval", "1s");
        properties.put("csms.gateway.connections.ping-timeout", "1s");
        properties.put("csms.gateway.connections.sweep-interval", "100ms");
        properties.put("csms.gateway.inbound.decision-deadline", "2s");
        properties.put("csms.gateway.commands.offline-grace", "500ms");
        properties.put("csms.gateway.commands.queue-size", "2");
        properties.put("csms.gateway.kafka.probe-interval", "300ms");
        properties.put("csms.gateway.kafka.producer.\"request.timeout.ms\"", "1500");
        properties.put("csms.gateway.kafka.producer.\"delivery.timeout.ms\"", "3000");
        properties.put("csms.gateway.shutdown.drain-window", "1s");
        properties.put(GatewayTestResource.STATION_CA,
                ConfigProvider.getConfig().getValue(GatewayTestResource.STATION_CA, String.class));
        properties.putAll(overrides);
        SmallRyeConfig smallRye = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(GatewayConfig.class)
                .withSources(new PropertiesConfigSource(properties, "second-gateway", 500))
                .build();
        GatewayConfig config = smallRye.getConfigMapping(GatewayConfig.class);
        Gateway gateway = new Gateway(config, config.id(), vertx,
                Map.of("bootstrap.servers", LocalStack.get().kafka().bootstrapServers()), Topics.unprefixed(),
                Clock.systemUTC(), new SimpleMeterRegistry(), validator);
        gateway.start();
        HttpServerOptions options = WebSocketServerOptions.apply(new HttpServerOptions().setHost("127.0.0.1")
                .setPort(0), config.connections());
        HttpServer server = vertx.createHttpServer(options).requestHandler(request -> {
            if (request.path().startsWith(StationIdentity.PATH_PREFIX)) {
                gateway.endpoint().handle(request);
            } else {
                request.response().setStatusCode(404).end();
            }
        });
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            gateway.close();
            throw new IllegalStateException("the second gateway did not start", e);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.readiness().isReady());
        return new SecondGateway(gateway, server, config);
    }

    public Gateway gateway() {
        return gateway;
    }

    public URI uri(String stationId) {
        return URI.create("ws://127.0.0.1:" + server.actualPort() + "/ocpp/" + stationId);
    }

    /** Drains like a shutdown (closes connections over the drain window), then stops. */
    public void shutdown() {
        gateway.shutdown(config.shutdown().drainWindow());
        closeServer();
    }

    @Override
    public void close() {
        gateway.shutdown(Duration.ZERO);
        closeServer();
    }

    private void closeServer() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the test is over either way
        }
    }
}
