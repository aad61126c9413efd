package dev.csms.gateway.support;

import dev.csms.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The local stack (Kafka, JWT keys) plus a PKI generated for this run: the gateway's TLS port serves a server
 * certificate for 127.0.0.1, requests (but does not require) client certificates, and trusts the station CA.
 * Every gateway test class uses this one resource, so they share one application start.
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

    /** Config key the tests read to find the PKI directory (it is the station CA's parent). */
    public static final String STATION_CA = "csms.gateway.auth.station-ca";

    private final LocalStackTestResource localStack = new LocalStackTestResource();
    private Path directory;

    @Override
    public Map<String, String> start() {
        localStack.init(Map.of());
        Map<String, String> config = new HashMap<>(localStack.start());
        try {
            directory = Files.createTempDirectory("csms-gateway-pki-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestPki.create(directory);
        config.put(STATION_CA, directory.resolve(TestPki.STATION_CA).toString());
        config.put("quarkus.tls.key-store.pem.0.cert", directory.resolve(TestPki.SERVER_CERT).toString());
        config.put("quarkus.tls.key-store.pem.0.key", directory.resolve(TestPki.SERVER_KEY).toString());
        config.put("quarkus.tls.trust-store.pem.certs", directory.resolve(TestPki.STATION_CA).toString());
        config.put("quarkus.http.insecure-requests", "enabled");
        return config;
    }

    @Override
    public void stop() {
        localStack.stop();
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException ignored) {
                // a temp directory left behind is harmless
            }
        }
    }
}
