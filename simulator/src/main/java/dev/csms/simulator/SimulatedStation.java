package dev.csms.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.CallKind;
import dev.csms.simulator.connection.OutgoingCall;
import dev.csms.simulator.station.ChargingSession;
import dev.csms.simulator.station.Connector;
import dev.csms.simulator.station.StationEnvironment;
import dev.csms.simulator.station.StationRuntime;
import dev.csms.simulator.station.StopReason;
import io.vertx.core.Context;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One simulated charging station of a {@link Simulator}: the handle tests and benchmarks drive it with.
 * Thread-safe: every method may be called from any thread; actions run on the station's event loop and return
 * a future that completes when they are done there (or, for a session, when the CSMS answered).
 *
 * <p>State getters ({@link #bootState()}, {@link #connectionState()}, {@link #connectorStatus(int)},
 * {@link #session(int)}) read values the station publishes, so they can be polled with a deadline.
 */
public final class SimulatedStation {

    private final StationConfig config;
    private final Context context;
    private final boolean tls;
    private final StationRuntime runtime;

    SimulatedStation(StationConfig config, int index, StationEnvironment env, Context context, boolean tls) {
        this.config = config;
        this.context = context;
        this.tls = tls;
        this.runtime = new StationRuntime(this, config, index, env, context);
    }

    /** The station id. */
    public String id() {
        return config.stationId();
    }

    /** The OCPP version. */
    public OcppVersion version() {
        return config.version();
    }

    /** The configuration. */
    public StationConfig config() {
        return config;
    }

    /** Whether the station connects with TLS (security profile 2 or 3). */
    public boolean tls() {
        return tls;
    }

    // ------------------------------------------------------------------ power and connection

    /** Powers on: connect, boot, behave. */
    public CompletableFuture<Void> start() {
        return run(StationRuntime::powerOn);
    }

    /** Powers off: running transactions end (PowerLoss, reported after the next start), the connection closes. */
    public CompletableFuture<Void> stop() {
        return run(StationRuntime::powerOff);
    }

    /** Cuts the connection and stays off line until {@link #goOnline()}; sessions go on, messages queue. */
    public CompletableFuture<Void> goOffline() {
        return run(StationRuntime::goOffline);
    }

    /** Reconnects after {@link #goOffline()}. */
    public CompletableFuture<Void> goOnline() {
        return run(StationRuntime::goOnline);
    }

    /** Cuts the connection like a network fault: the station reconnects per RetryBackOff. */
    public CompletableFuture<Void> dropConnection() {
        return run(StationRuntime::dropConnection);
    }

    /** The WebSocket state. */
    public ConnectionState connectionState() {
        return runtime.connectionState();
    }

    /** The boot state. */
    public BootState bootState() {
        return runtime.bootState();
    }

    /** The firmware version it runs (changes after a firmware update). */
    public String firmwareVersion() {
        return runtime.firmwareVersion();
    }

    // ------------------------------------------------------------------ connectors and sessions

    /** The status of a connector (1-based) as the station's version spells it (1.6 Charging, 2.x Occupied). */
    public String connectorStatus(int connectorId) {
        var status = connector(connectorId).status();
        return config.version().isTwoX() ? status.v2() : status.v16();
    }

    /** The current or last session of a connector, if there was one. */
    public Optional<SessionView> session(int connectorId) {
        return Optional.ofNullable(connector(connectorId).sessionView());
    }

    /**
     * A driver plugs in at a connector and presents an id tag: Authorize (unless the behaviour says not to),
     * then the transaction. Completes when the CSMS accepted the transaction (1.6: the transaction id is known);
     * fails if the connector is not free or the CSMS refuses the id tag.
     */
    public CompletableFuture<SessionView> startSession(int connectorId, String idTag) {
        return compose(r -> r.sessions().startLocal(connectorId, idTag));
    }

    /** The driver stops the session at the station (reason Local) and unplugs. Completes with the final view. */
    public CompletableFuture<SessionView> stopSession(int connectorId) {
        return supply(r -> {
            ChargingSession session = r.connector(connectorId).session();
            if (session == null || session.ended()) {
                throw new IllegalStateException("no session on connector " + connectorId);
            }
            r.sessions().stop(session, StopReason.LOCAL);
            return session.view();
        });
    }

    /** The EV is unplugged (after a transaction the CSMS stopped, for example). */
    public CompletableFuture<Void> unplug(int connectorId) {
        return run(r -> r.sessions().unplug(r.connector(connectorId)));
    }

    /**
     * Sends any CALL the station may send (DataTransfer, SecurityEventNotification, ...) once the station is
     * accepted. Completes with the CALLRESULT payload, or fails with {@link CallFailedException}.
     */
    public CompletableFuture<ObjectNode> call(String action, ObjectNode payload) {
        CompletableFuture<ObjectNode> result = new CompletableFuture<>();
        context.runOnContext(v -> runtime.send(OutgoingCall.of(action, payload, CallKind.NORMAL)
                .then(result::complete, failure -> result.completeExceptionally(
                        new CallFailedException(action, failure)))));
        return result;
    }

    /** CALLs queued or in flight (including transaction messages kept while off line). */
    public CompletableFuture<Integer> pendingCalls() {
        return supply(StationRuntime::pendingCalls);
    }

    /** Every frame sent and received, if {@link StationConfig#recordTraffic()} is on. */
    public List<TrafficEntry> traffic() {
        return runtime.traffic();
    }

    /**
     * Runs a function on the station's event loop with its internal state (settings, profiles, certificates,
     * ...). For tests that need to look inside; the internal API may change.
     */
    public <T> CompletableFuture<T> inspect(Function<StationRuntime, T> function) {
        return supply(function);
    }

    @Override
    public String toString() {
        return "SimulatedStation[" + id() + ", OCPP " + version().label() + ", " + connectionState() + ", "
                + bootState() + "]";
    }

    private Connector connector(int connectorId) {
        if (connectorId < 1 || connectorId > config.connectors()) {
            throw new IllegalArgumentException("no connector " + connectorId + " on " + id());
        }
        return runtime.connectors().get(connectorId - 1);
    }

    private CompletableFuture<Void> run(Consumer<StationRuntime> action) {
        return supply(r -> {
            action.accept(r);
            return null;
        });
    }

    private <T> CompletableFuture<T> supply(Function<StationRuntime, T> function) {
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(v -> {
            try {
                result.complete(function.apply(runtime));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private <T> CompletableFuture<T> compose(Function<StationRuntime, CompletableFuture<T>> function) {
        return supply(function).thenCompose(f -> f);
    }
}
