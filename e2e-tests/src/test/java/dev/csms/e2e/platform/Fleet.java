package dev.csms.e2e.platform;

import dev.csms.ocpp.schema.OcppSchemaValidator;
import dev.csms.simulator.SimulatedStation;
import dev.csms.simulator.Simulator;
import dev.csms.simulator.SimulatorOptions;
import dev.csms.simulator.StationConfig;
import dev.csms.simulator.StationListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Simulated stations of one test (the simulator library: real WebSocket connections) with the reasons their
 * connection attempts failed, e.g. {@code HTTP 401}. Closing powers every station off.
 */
public final class Fleet implements AutoCloseable {

    /** Compiling every OCPP schema takes seconds; one validator serves every fleet of the JVM. */
    private static OcppSchemaValidator validator;

    private final Simulator simulator;
    private final Map<String, List<String>> connectFailures = new ConcurrentHashMap<>();

    private Fleet(String url) {
        StationListener listener = new StationListener() {
            @Override
            public void connectFailed(SimulatedStation station, String reason) {
                connectFailures.computeIfAbsent(station.id(), id -> new CopyOnWriteArrayList<>()).add(reason);
            }
        };
        this.simulator = Simulator.create(SimulatorOptions.builder(url).listener(listener).build(), validator());
    }

    /** A fleet whose stations connect to {@code url} ({@code ws://host:port/ocpp}). */
    public static Fleet connectingTo(String url) {
        return new Fleet(url);
    }

    private static synchronized OcppSchemaValidator validator() {
        if (validator == null) {
            validator = new OcppSchemaValidator();
        }
        return validator;
    }

    /** Adds a powered-off station; {@link SimulatedStation#start()} starts it. */
    public SimulatedStation add(StationConfig config) {
        return simulator.add(config);
    }

    /** Why the station's connection attempts failed so far, oldest first. */
    public List<String> connectFailures(String stationId) {
        return List.copyOf(connectFailures.getOrDefault(stationId, List.of()));
    }

    public Simulator simulator() {
        return simulator;
    }

    @Override
    public void close() {
        simulator.close();
    }
}
