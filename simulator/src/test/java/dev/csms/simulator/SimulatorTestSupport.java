package dev.csms.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.rpc.CallResult;
import dev.csms.ocpp.rpc.RpcMessage;
import dev.csms.ocpp.schema.OcppSchemaValidator;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test CSMS, a manual clock and a simulator connected to it, fresh for every test; the schemas are compiled
 * once per JVM. Helpers wait with a deadline (never sleep).
 */
abstract class SimulatorTestSupport {

    static final Duration DEADLINE = Duration.ofSeconds(15);
    static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    /** No jitter, so that back-off times are exact. */
    static final RetryBackOff FAST_BACKOFF = new RetryBackOff(Duration.ofSeconds(10), Duration.ZERO, 3);

    private static OcppSchemaValidator validator;

    static {
        // conditions are mostly true at once or within milliseconds: check right away, then often
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(Duration.ofMillis(10));
    }

    TestCsms csms;
    ManualClock clock;
    Simulator simulator;
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<Duration> reconnectDelays = new CopyOnWriteArrayList<>();

    static synchronized OcppSchemaValidator validator() {
        if (validator == null) {
            validator = new OcppSchemaValidator();
        }
        return validator;
    }

    @BeforeEach
    void startCsmsAndSimulator() throws Exception {
        csms = TestCsms.start(validator());
        clock = new ManualClock(T0);
        simulator = Simulator.create(options(SimulatorOptions.builder(csms.url())).build(), validator());
    }

    /** Subclasses may change the fleet options. */
    SimulatorOptions.Builder options(SimulatorOptions.Builder builder) {
        return builder.clock(clock).seed(42).eventLoops(2).listener(new StationListener() {
            @Override
            public void connectFailed(SimulatedStation station, String reason) {
                events.add(station.id() + " connectFailed " + reason);
            }

            @Override
            public void reconnectScheduled(SimulatedStation station, int attempt, Duration delay) {
                reconnectDelays.add(delay);
            }

            @Override
            public void bootStateChanged(SimulatedStation station, BootState state) {
                events.add(station.id() + " " + state);
            }
        });
    }

    @AfterEach
    void stopEverything() throws Exception {
        simulator.close();
        csms.close();
    }

    StationBehaviour.Builder behaviour() {
        return StationBehaviour.builder().retryBackOff(FAST_BACKOFF).rebootDelay(Duration.ofSeconds(5));
    }

    SimulatedStation station(String id, OcppVersion version) {
        return station(StationConfig.builder(id, version).behaviour(behaviour().build()).recordTraffic(true).build());
    }

    SimulatedStation station(StationConfig config) {
        return simulator.add(config);
    }

    SimulatedStation started(String id, OcppVersion version) {
        SimulatedStation station = station(id, version);
        station.start();
        awaitAccepted(station);
        return station;
    }

    static void awaitAccepted(SimulatedStation station) {
        await().atMost(DEADLINE).until(() -> station.bootState() == BootState.ACCEPTED);
    }

    /** Waits until the CSMS has at least {@code count} CALLs of the action from the station. */
    List<TestCsms.Received> awaitCalls(String stationId, String action, int count) {
        await().atMost(DEADLINE).until(() -> csms.calls(stationId, action).size() >= count);
        return csms.calls(stationId, action);
    }

    /** Sends a command and waits for the answer. */
    RpcMessage command(String stationId, String action, ObjectNode payload) throws Exception {
        return csms.call(stationId, action, payload).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    /** Sends a command that must be answered with a CALLRESULT; returns its payload. */
    ObjectNode answered(String stationId, String action, ObjectNode payload) throws Exception {
        RpcMessage answer = command(stationId, action, payload);
        assertThat(answer).as(action + " answer").isInstanceOf(CallResult.class);
        return ((CallResult) answer).payload();
    }

    /**
     * Lets what the test asked stations to do happen now, moves the clock, and waits until what fell due went
     * out and was answered.
     */
    void tick(Duration step) throws InterruptedException {
        assertThat(simulator.awaitQuiet(DEADLINE)).as("simulator quiet before " + step).isTrue();
        clock.advance(step);
        assertThat(simulator.awaitQuiet(DEADLINE)).as("simulator quiet after " + step).isTrue();
    }

    /** Moves the clock in steps of at most {@code step}, settling after each. */
    void advance(Duration total, Duration step) throws InterruptedException {
        Duration left = total;
        while (!left.isZero()) {
            Duration next = left.compareTo(step) < 0 ? left : step;
            tick(next);
            left = left.minus(next);
        }
    }

    void assertNoViolations() {
        assertThat(csms.violations()).as("schema violations in what stations sent").isEmpty();
        assertThat(simulator.stats().snapshot().schemaViolations()).as("violations counted by the simulator")
                .isZero();
    }

    static ObjectNode json() {
        return Json.object();
    }
}
