package dev.csms.localstack.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

/**
 * A test-only stand-in for a Quarkus service, run by the launcher as {@code java -jar}: the real services are
 * built after local-stack in the reactor, so this module cannot start them. It serves
 * {@code /q/health/ready} like SmallRye Health and {@code /system-properties} so a test can check what the
 * launcher passed, and starts a child process so a test can check that stopping reaches descendants too.
 * The full-platform check lives in the e2e tests.
 */
public final class StandInService {

    private StandInService() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getProperty("quarkus.http.port"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
        server.createContext("/q/health/ready", exchange -> respond(exchange, "{\"status\":\"UP\",\"checks\":[]}"));
        server.createContext("/system-properties", exchange -> {
            StringBuilder body = new StringBuilder();
            new TreeMap<>(System.getProperties()).forEach((key, value) -> body.append(key).append('=').append(value).append('\n'));
            respond(exchange, body.toString());
        });
        server.start();
        // a grandchild of the launcher, as a service that shells out would have
        Process child = new ProcessBuilder("sleep", "600").start();
        System.out.println("stand-in listening on 127.0.0.1:" + port + ", child pid " + child.pid());
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
