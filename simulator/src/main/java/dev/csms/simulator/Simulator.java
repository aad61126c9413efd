package dev.csms.simulator;

import dev.csms.ocpp.rpc.RpcCodec;
import dev.csms.ocpp.schema.OcppSchemaValidator;
import dev.csms.simulator.connection.RpcChannel;
import dev.csms.simulator.station.StationEnvironment;
import dev.csms.simulator.stats.SimulatorStats;
import dev.csms.simulator.time.ManualClock;
import dev.csms.simulator.time.SimClock;
import dev.csms.simulator.time.VertxClock;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A fleet of simulated charging stations on one Vert.x instance: one to tens of thousands of
 * {@link SimulatedStation}s, each its own identity, OCPP version and credentials, all event-loop driven (no
 * thread per station). Stations connect to {@code <url>/<stationId>} offering their version as the WebSocket
 * subprotocol.
 *
 * <p>Typical use:
 * <pre>{@code
 * try (Simulator simulator = Simulator.create(SimulatorOptions.builder("ws://127.0.0.1:8080/ocpp").build())) {
 *     SimulatedStation station = simulator.add(StationConfig.builder("CS-1", OcppVersion.V2_0_1)
 *             .password("secret-password-1").build());
 *     station.start();
 *     await().until(() -> station.bootState() == BootState.ACCEPTED);
 *     station.startSession(1, "TAG-1").join();
 * }
 * }</pre>
 *
 * <p>Open files: every connection is one file descriptor of this process, so a fleet in one process is limited
 * by {@code ulimit -n} (20,000 here, minus some hundred for the JVM): spread bigger fleets over processes. Each
 * connection also takes a local port of its source address; {@link SimulatorOptions#localAddresses()} spreads
 * connections over several loopback addresses (127.0.0.1, 127.0.0.2, ...) when one address runs out of ports.
 */
public final class Simulator implements AutoCloseable {

    /** Largest frame and message accepted from the CSMS (a full local list, a long report). */
    private static final int MAX_FRAME = 1 << 20;
    private static final int MAX_MESSAGE = 4 << 20;

    private final SimulatorOptions options;
    private final Vertx vertx;
    private final boolean ownsVertx;
    private final SimClock clock;
    private final SimulatorStats stats = new SimulatorStats();
    private final RpcChannel.Shared channel;
    private final List<Context> contexts;
    private final Map<ClientKey, WebSocketClient> clients = new ConcurrentHashMap<>();
    private final Map<String, SimulatedStation> byId = new ConcurrentHashMap<>();
    private final List<SimulatedStation> stations = new CopyOnWriteArrayList<>();
    private final Environment environment = new Environment();
    private volatile boolean closed;

    private record ClientKey(String localAddress, KeyStore keyStore) {
    }

    private Simulator(SimulatorOptions options, OcppSchemaValidator validator) {
        this.options = options;
        this.ownsVertx = options.vertx().isEmpty();
        this.vertx = options.vertx().orElseGet(() -> Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(options.eventLoops())
                .setWorkerPoolSize(2)
                .setInternalBlockingPoolSize(2)
                // a JSON schema check of a large report may take a moment on a busy box; not a blocked loop
                .setMaxEventLoopExecuteTime(2)
                .setMaxEventLoopExecuteTimeUnit(TimeUnit.SECONDS)));
        this.clock = options.clock().orElseGet(() -> new VertxClock(vertx));
        this.channel = new RpcChannel.Shared(new RpcCodec(), validator, stats, options.validateOutgoing());
        List<Context> loops = new ArrayList<>();
        for (int i = 0; i < options.eventLoops(); i++) {
            // one context per event loop, shared by its stations: createEventLoopContext() takes the next loop
            // round robin (getOrCreateContext() would return the caller's context on a Vert.x thread)
            loops.add(((VertxInternal) vertx).createEventLoopContext());
        }
        this.contexts = List.copyOf(loops);
        if (clock instanceof ManualClock manual) {
            manual.addSettleHook(settleHook);
        }
    }

    /** How long a {@link ManualClock} step waits for answers before time moves on. */
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(5);

    private final Runnable settleHook = () -> {
        try {
            awaitQuiet(SETTLE_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    };

    /**
     * A simulator with these options. Compiles every OCPP schema first (up to a few seconds on a cold JVM),
     * so call it at startup, not on an event loop.
     */
    public static Simulator create(SimulatorOptions options) {
        return new Simulator(Objects.requireNonNull(options, "options"), new OcppSchemaValidator());
    }

    /** A simulator sharing an already compiled validator (e.g. with a test's own checks). */
    public static Simulator create(SimulatorOptions options, OcppSchemaValidator validator) {
        return new Simulator(Objects.requireNonNull(options, "options"), Objects.requireNonNull(validator));
    }

    /**
     * Adds a station (powered off: {@link SimulatedStation#start()} or {@link #startAll(double)} starts it).
     *
     * @throws IllegalArgumentException if a station with that id exists
     */
    public SimulatedStation add(StationConfig config) {
        if (closed) {
            throw new IllegalStateException("simulator is closed");
        }
        int index;
        SimulatedStation station;
        synchronized (stations) {
            if (byId.containsKey(config.stationId())) {
                throw new IllegalArgumentException("station " + config.stationId() + " exists already");
            }
            index = stations.size();
            station = new SimulatedStation(config, index, environment, contexts.get(index % contexts.size()),
                    options.tls());
            byId.put(config.stationId(), station);
            stations.add(station);
        }
        return station;
    }

    /** Adds stations (see {@link #add}). */
    public List<SimulatedStation> addAll(Collection<StationConfig> configs) {
        List<SimulatedStation> added = new ArrayList<>(configs.size());
        configs.forEach(c -> added.add(add(c)));
        return added;
    }

    /**
     * Starts every station that is off, {@code perSecond} stations per second on the simulator's clock (0 or
     * less: all at once). Completes when the last one was started (not when it is connected).
     */
    public CompletableFuture<Void> startAll(double perSecond) {
        List<SimulatedStation> toStart = stations.stream()
                .filter(s -> s.connectionState() == ConnectionState.OFF)
                .toList();
        if (perSecond <= 0) {
            return CompletableFuture.allOf(toStart.stream().map(SimulatedStation::start)
                    .toArray(CompletableFuture[]::new));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        rampUp(toStart, 0, perSecond, done);
        return done;
    }

    private static final Duration RAMP_TICK = Duration.ofMillis(100);

    private void rampUp(List<SimulatedStation> toStart, int tick, double perSecond, CompletableFuture<Void> done) {
        if (closed) {
            done.complete(null);
            return;
        }
        // how many should have started by the end of this tick, from the tick count: no rounding drift
        double perTick = perSecond * RAMP_TICK.toMillis() / 1000.0;
        int from = (int) Math.min(toStart.size(), Math.floor(tick * perTick));
        int to = (int) Math.min(toStart.size(), Math.floor((tick + 1) * perTick));
        for (int i = from; i < to; i++) {
            toStart.get(i).start();
        }
        if (to >= toStart.size()) {
            done.complete(null);
            return;
        }
        clock.schedule(RAMP_TICK, () -> rampUp(toStart, tick + 1, perSecond, done));
    }

    /** Powers every station off. */
    public CompletableFuture<Void> stopAll() {
        return CompletableFuture.allOf(stations.stream().map(SimulatedStation::stop)
                .toArray(CompletableFuture[]::new));
    }

    /**
     * Waits until every station has run what was handed to its event loop, no station CALL is waiting for its
     * answer and no connection attempt is under way, at most {@code timeout}; true if it got there. (CALLs that wait for something else stay queued:
     * transaction messages of an off-line station, anything of a station not accepted yet.) A
     * {@link ManualClock} calls this after each due time. Blocks the caller: never call it on an event loop.
     */
    public boolean awaitQuiet(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int quietRounds = 0;
        while (quietRounds < 2) {
            // tasks handed to an event loop before this barrier have run once it completes
            CompletableFuture<?>[] barriers = contexts.stream().map(context -> {
                CompletableFuture<Void> barrier = new CompletableFuture<>();
                context.runOnContext(v -> barrier.complete(null));
                return barrier;
            }).toArray(CompletableFuture[]::new);
            try {
                CompletableFuture.allOf(barriers).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                return false;
            }
            if (stats.inFlightCalls() == 0 && stats.connectingNow() == 0) {
                quietRounds++;
            } else {
                quietRounds = 0;
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(2);
            }
        }
        return true;
    }

    /** A station by id. */
    public Optional<SimulatedStation> station(String stationId) {
        return Optional.ofNullable(byId.get(stationId));
    }

    /** Every station, in the order added. */
    public List<SimulatedStation> stations() {
        return List.copyOf(stations);
    }

    /** The fleet's statistics. */
    public SimulatorStats stats() {
        return stats;
    }

    /** The clock stations run on. */
    public SimClock clock() {
        return clock;
    }

    /** The Vert.x instance. */
    public Vertx vertx() {
        return vertx;
    }

    /** The options. */
    public SimulatorOptions options() {
        return options;
    }

    /** Powers every station off and closes the connections (and Vert.x, if the simulator created it). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (clock instanceof ManualClock manual) {
            manual.removeSettleHook(settleHook);
        }
        try {
            stopAll().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway: Vert.x closes what is left
        }
        clients.values().forEach(WebSocketClient::close);
        if (ownsVertx) {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // the event-loop threads are daemons; nothing else to release
            }
        }
    }

    // ------------------------------------------------------------------ connections

    private Future<WebSocket> connect(StationConfig config, int index) {
        WebSocketClient client;
        try {
            client = client(index, config.credentials());
        } catch (GeneralSecurityException | RuntimeException e) {
            return Future.failedFuture(e);
        }
        WebSocketConnectOptions connect = new WebSocketConnectOptions()
                .setAbsoluteURI(options.url() + "/" + URLEncoder.encode(config.stationId(), StandardCharsets.UTF_8)
                        .replace("+", "%20"))
                .addSubProtocol(config.version().subprotocol())
                // only the connect timeout: setTimeout would also close an open WebSocket after that long
                .setConnectTimeout(options.connectTimeout().toMillis());
        if (config.credentials() instanceof Credentials.Basic basic) {
            String token = basic.usernameFor(config.stationId()) + ":" + basic.password();
            connect.putHeader("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
        }
        return client.connect(connect);
    }

    /** One client per local address and client certificate: they are options of the client, not the request. */
    private WebSocketClient client(int index, Credentials credentials) throws GeneralSecurityException {
        List<String> addresses = options.localAddresses();
        String localAddress = addresses.isEmpty() ? null : addresses.get(index % addresses.size());
        KeyStore keyStore = credentials instanceof Credentials.ClientCertificate cert ? cert.keyStore() : null;
        ClientKey key = new ClientKey(localAddress, keyStore);
        WebSocketClient existing = clients.get(key);
        if (existing != null) {
            return existing;
        }
        WebSocketClientOptions clientOptions = new WebSocketClientOptions()
                .setMaxConnections(Integer.MAX_VALUE)
                .setConnectTimeout((int) options.connectTimeout().toMillis())
                .setMaxFrameSize(MAX_FRAME)
                .setMaxMessageSize(MAX_MESSAGE)
                .setTcpNoDelay(true)
                .setLocalAddress(localAddress);
        if (options.tls()) {
            clientOptions.setSsl(true).setVerifyHost(options.verifyHost() && !options.trustAll());
            if (options.trustAll()) {
                clientOptions.setTrustAll(true);
            } else if (options.trustStore().isPresent()) {
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(options.trustStore().get());
                clientOptions.setTrustOptions(TrustOptions.wrap(trust));
            }
            if (credentials instanceof Credentials.ClientCertificate cert) {
                KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(cert.keyStore(), cert.password());
                clientOptions.setKeyCertOptions(KeyCertOptions.wrap(keys));
            }
        }
        return clients.computeIfAbsent(key, k -> vertx.createWebSocketClient(clientOptions));
    }

    private final class Environment implements StationEnvironment {
        @Override
        public SimClock clock() {
            return clock;
        }

        @Override
        public SimulatorStats stats() {
            return stats;
        }

        @Override
        public StationListener listener() {
            return options.listener();
        }

        @Override
        public RpcChannel.Shared channel() {
            return channel;
        }

        @Override
        public long seed() {
            return options.seed();
        }

        @Override
        public Future<WebSocket> connect(SimulatedStation station, StationConfig config, int index) {
            return Simulator.this.connect(config, index);
        }
    }
}
