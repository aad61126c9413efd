package dev.csms.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.events.EventTypes;
import dev.csms.events.sessions.SessionEnded;
import dev.csms.events.sessions.SessionStarted;
import dev.csms.localstack.LocalStack;
import dev.csms.localstack.jwt.LocalJwtIssuer;
import dev.csms.localstack.launcher.ServiceProcess;
import dev.csms.localstack.launcher.ServiceSpec;
import dev.csms.localstack.support.Ports;
import dev.csms.ocpp.OcppVersion;
import dev.csms.session.testing.Gateway;
import dev.csms.session.testing.SessionEvents;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The restart test: the packaged service ({@code target/quarkus-app}) runs as its own process on the local stack;
 * it is killed (SIGKILL, no shutdown) in the middle of a 1.6 and a 2.0.1 session, the stations' input is replayed
 * (every call sent again with new message ids, as stations do when they got no answer), the rest of the sessions
 * arrives, and the service is started again. No session may be lost or duplicated: one session per transaction in
 * the database, one SessionStarted per session on sessions.events, the same 1.6 transaction id for the resent start,
 * and the right energy.
 *
 * <p>Runs in the integration-test phase (a surefire execution of {@code *IT} classes), after the package phase
 * built the application.
 */
class SessionRestartIT {

    private final List<ServiceProcess> processes = new ArrayList<>();
    private Gateway gateway;
    private SessionEvents events;
    private int port;

    @BeforeEach
    void open() {
        gateway = new Gateway();
        events = new SessionEvents();
        port = Ports.freePort();
        RestAssured.baseURI = "http://" + Ports.LOOPBACK;
        RestAssured.port = port;
    }

    @AfterEach
    void close() {
        processes.forEach(process -> process.stop(Duration.ofSeconds(10)));
        events.close();
        gateway.close();
    }

    private ServiceProcess startService(Path log) {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertThat(jar).as("the packaged application").exists();
        Map<String, String> config = new HashMap<>(LocalStack.get().serviceConfig(Optional.of("session")));
        config.put("quarkus.http.port", String.valueOf(port));
        config.put("quarkus.log.console.json", "false");
        ServiceProcess process = ServiceProcess.start(new ServiceSpec("session-service", port, jar,
                Optional.of("session")), Path.of(System.getProperty("java.home"), "bin", "java"),
                List.of("-Xmx256m"), config, log);
        processes.add(process);
        Optional<String> problem = process.awaitReady(HttpClient.newHttpClient(),
                System.nanoTime() + Duration.ofMinutes(3).toNanos());
        assertThat(problem).as("%s; log tail: %s", problem, process.logTail(40)).isEmpty();
        return process;
    }

    private static String token() {
        return LocalStack.get().jwt().token("alice", Set.of(LocalJwtIssuer.OPERATOR));
    }

    @Test
    void killedInTheMiddleOfTwoSessionsAndReplayedNothingIsLostOrDuplicated() throws Exception {
        // under target/, unique per run: the two processes' logs, kept for a failure's post-mortem
        Path logs = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "session-restart-");
        String station16 = "CS-R16-" + UUID.randomUUID().toString().substring(0, 6);
        String station201 = "CS-R2-" + UUID.randomUUID().toString().substring(0, 6);
        String tag = "RESTART" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String transaction201 = "tx-" + station201;
        Instant t0 = Instant.now().minusSeconds(900).truncatedTo(ChronoUnit.MILLIS);

        ServiceProcess first = startService(logs.resolve("first.log"));
        given().auth().oauth2(token()).contentType(ContentType.JSON)
                .body(Map.of("value", tag, "type", "ISO14443", "status", "Accepted", "maxConcurrentSessions", 2))
                .when().post("/api/v1/tokens").then().statusCode(201);

        List<String[]> input = new ArrayList<>();
        input.add(new String[] { station16, "1.6", "StartTransaction",
                "{\"connectorId\":1,\"idTag\":\"" + tag + "\",\"meterStart\":1000,\"timestamp\":\"" + t0 + "\"}" });
        input.add(new String[] { station201, "2.0.1", "TransactionEvent", tx201(transaction201, "Started", 0, t0, tag, "500") });
        input.add(new String[] { station201, "2.0.1", "TransactionEvent",
                tx201(transaction201, "Updated", 1, t0.plusSeconds(300), null, "800") });
        List<JsonNode> firstAnswers = new ArrayList<>();
        for (String[] call : input) {
            var sent = send(call);
            if (!call[2].equals("TransactionEvent") || call[3].contains("idToken")) {
                firstAnswers.add(gateway.response(sent));
            }
        }
        int transactionId = firstAnswers.get(0).get("transactionId").asInt();
        input.add(new String[] { station16, "1.6", "MeterValues", meter16(transactionId, t0.plusSeconds(300), "1400") });
        send(input.get(3));
        assertThat(events.started(station16, 1)).hasSize(1);
        assertThat(events.started(station201, 1)).hasSize(1);

        // crash: no shutdown hook, nothing flushed, offsets of the last records possibly not committed
        first.handle().destroyForcibly();
        first.onExit().get();

        // the stations did not hear back and resend everything with new message ids, then carry on
        List<Gateway.Sent> replayed = new ArrayList<>();
        for (String[] call : input) {
            replayed.add(send(call));
        }
        send(new String[] { station16, "1.6", "StopTransaction", "{\"transactionId\":" + transactionId
                + ",\"meterStop\":2000,\"timestamp\":\"" + t0.plusSeconds(600) + "\"}" });
        send(new String[] { station201, "2.0.1", "TransactionEvent",
                tx201(transaction201, "Ended", 2, t0.plusSeconds(600), null, "1700") });

        startService(logs.resolve("second.log"));
        assertThat(gateway.response(replayed.get(0)).get("transactionId").asInt()).isEqualTo(transactionId);
        SessionEnded ended16 = events.ended(station16, 1).get(0);
        SessionEnded ended201 = events.ended(station201, 1).get(0);
        assertThat(ended16.transactionId()).isEqualTo(String.valueOf(transactionId));
        assertThat(ended16.energyWh()).isEqualByComparingTo("1000");
        assertThat(ended201.energyWh()).isEqualByComparingTo("1200");

        List<SessionStarted> started16 = events.during(EventTypes.SESSION_STARTED, station16, Duration.ofSeconds(2));
        List<SessionStarted> started201 = events.during(EventTypes.SESSION_STARTED, station201, Duration.ofSeconds(1));
        assertThat(started16).extracting(SessionStarted::sessionId).containsOnly(ended16.sessionId());
        assertThat(started201).extracting(SessionStarted::sessionId).containsOnly(ended201.sessionId());
        for (String station : List.of(station16, station201)) {
            given().auth().oauth2(token()).queryParam("stationId", station).when().get("/api/v1/sessions")
                    .then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(1))
                    .body("items[0].status", org.hamcrest.Matchers.equalTo("Ended"));
        }
        given().auth().oauth2(token()).when().get("/api/v1/sessions/" + ended16.sessionId())
                .then().statusCode(200).body("meterValues", org.hamcrest.Matchers.hasSize(3));
    }

    private Gateway.Sent send(String[] call) {
        return gateway.call(call[0], OcppVersion.fromLabel(call[1]).orElseThrow(), call[2], call[3]);
    }

    private static String tx201(String transactionId, String type, int seqNo, Instant at, String idToken, String wh) {
        return "{\"eventType\":\"" + type + "\",\"timestamp\":\"" + at + "\",\"triggerReason\":\"Authorized\","
                + "\"seqNo\":" + seqNo + ",\"transactionInfo\":{\"transactionId\":\"" + transactionId + "\"}"
                + (idToken == null ? "" : ",\"idToken\":{\"idToken\":\"" + idToken + "\",\"type\":\"ISO14443\"}")
                + ",\"evse\":{\"id\":1,\"connectorId\":1}"
                + ",\"meterValue\":[{\"timestamp\":\"" + at + "\",\"sampledValue\":[{\"value\":" + wh + "}]}]}";
    }

    private static String meter16(int transactionId, Instant at, String wh) {
        return "{\"connectorId\":1,\"transactionId\":" + transactionId + ",\"meterValue\":[{\"timestamp\":\"" + at
                + "\",\"sampledValue\":[{\"value\":\"" + wh + "\"}]}]}";
    }
}
