package dev.csms.localstack;

import dev.csms.localstack.jwt.LocalJwtIssuer;
import dev.csms.localstack.kafka.KafkaBroker;
import dev.csms.localstack.launcher.ServiceSpec;
import dev.csms.localstack.postgres.PostgresServer;
import dev.csms.localstack.support.Ports;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration a service needs to run on the local stack: the same keys for a {@code @QuarkusTest}
 * (returned by {@link LocalStackTestResource}) and for a service process (passed as {@code -D} by the
 * {@link Launcher}).
 */
public final class ServiceConfig {

    public static final String HTTP_HOST = "quarkus.http.host";
    public static final String HTTP_PORT = "quarkus.http.port";
    public static final String KAFKA_BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
    public static final String DB_KIND = "quarkus.datasource.db-kind";
    public static final String DB_USERNAME = "quarkus.datasource.username";
    public static final String DB_PASSWORD = "quarkus.datasource.password";
    public static final String DB_REACTIVE_URL = "quarkus.datasource.reactive.url";
    public static final String DB_JDBC_URL = "quarkus.datasource.jdbc.url";
    public static final String JWT_PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    public static final String JWT_ISSUER = "mp.jwt.verify.issuer";

    private ServiceConfig() {
    }

    /**
     * Kafka, JWT verification and, when the service has a database, the datasource (reactive URL for
     * Hibernate Reactive, JDBC URL for Flyway). The database must exist: see
     * {@link PostgresServer#createDatabase(String)}.
     */
    public static Map<String, String> of(KafkaBroker kafka, PostgresServer postgres, Optional<String> database,
            LocalJwtIssuer jwt) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        database.ifPresent(name -> {
            config.put(DB_KIND, "postgresql");
            config.put(DB_USERNAME, postgres.username());
            config.put(DB_PASSWORD, postgres.password());
            config.put(DB_REACTIVE_URL, postgres.reactiveUrl(name));
            config.put(DB_JDBC_URL, postgres.jdbcUrl(name));
        });
        config.putAll(jwt.verificationConfig());
        return Collections.unmodifiableMap(config);
    }

    /**
     * Everything a service process gets as {@code -D} options: HTTP on 127.0.0.1 at the spec's port, then
     * {@link #of}. Used by the {@link Launcher} and by the e2e tests, which run the same processes.
     */
    public static Map<String, String> forProcess(ServiceSpec service, KafkaBroker kafka, PostgresServer postgres,
            LocalJwtIssuer jwt) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(HTTP_HOST, Ports.LOOPBACK);
        config.put(HTTP_PORT, String.valueOf(service.port()));
        config.putAll(of(kafka, postgres, service.database(), jwt));
        return Collections.unmodifiableMap(config);
    }
}
