package dev.csms.simulator;

import dev.csms.simulator.time.SimClock;
import io.vertx.core.Vertx;
import java.net.URI;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Fleet-wide settings of a {@link Simulator}: where stations connect, how TLS is trusted, which local addresses
 * connections leave from, the clock, and the Vert.x instance. Immutable; build with {@link #builder(URI)}.
 */
public final class SimulatorOptions {

    private final URI url;
    private final SimClock clock;
    private final Vertx vertx;
    private final int eventLoops;
    private final List<String> localAddresses;
    private final boolean trustAll;
    private final KeyStore trustStore;
    private final boolean verifyHost;
    private final long seed;
    private final boolean validateOutgoing;
    private final Duration connectTimeout;
    private final StationListener listener;

    private SimulatorOptions(Builder b) {
        this.url = b.url;
        this.clock = b.clock;
        this.vertx = b.vertx;
        if (b.eventLoops < 1) {
            throw new IllegalArgumentException("eventLoops must be at least 1: " + b.eventLoops);
        }
        this.eventLoops = b.eventLoops;
        this.localAddresses = List.copyOf(b.localAddresses);
        this.trustAll = b.trustAll;
        this.trustStore = b.trustStore;
        this.verifyHost = b.verifyHost;
        this.seed = b.seed;
        this.validateOutgoing = b.validateOutgoing;
        this.connectTimeout = Objects.requireNonNull(b.connectTimeout, "connectTimeout");
        this.listener = Objects.requireNonNull(b.listener, "listener");
    }

    /**
     * A builder for a fleet connecting to {@code url}: {@code ws://} or {@code wss://}, stations connect to
     * {@code <url>/<stationId>}.
     */
    public static Builder builder(URI url) {
        return new Builder(url);
    }

    /** A builder for a fleet connecting to {@code url} (see {@link #builder(URI)}). */
    public static Builder builder(String url) {
        return new Builder(URI.create(url));
    }

    /** The base URL, without a trailing slash. */
    public URI url() {
        return url;
    }

    /** Whether connections use TLS ({@code wss://}). */
    public boolean tls() {
        return "wss".equals(url.getScheme());
    }

    /** The clock, if one was given (else the simulator uses the wall clock with Vert.x timers). */
    public Optional<SimClock> clock() {
        return Optional.ofNullable(clock);
    }

    /** The Vert.x instance to run on, if one was given (else the simulator creates and closes its own). */
    public Optional<Vertx> vertx() {
        return Optional.ofNullable(vertx);
    }

    /** Event-loop threads of a Vert.x instance the simulator creates. */
    public int eventLoops() {
        return eventLoops;
    }

    /** Local source addresses connections are spread over (round robin), empty to let the OS choose. */
    public List<String> localAddresses() {
        return localAddresses;
    }

    /** Whether any server certificate is trusted (test benches only). */
    public boolean trustAll() {
        return trustAll;
    }

    /** The trust store for server certificates, if not the JDK's default. */
    public Optional<KeyStore> trustStore() {
        return Optional.ofNullable(trustStore);
    }

    /** Whether the server certificate must match the host name. */
    public boolean verifyHost() {
        return verifyHost;
    }

    /** The seed of every random choice (jitter, session arrivals, energy), for repeatable runs. */
    public long seed() {
        return seed;
    }

    /** Whether stations validate what they send against the schemas too (counts simulator bugs). */
    public boolean validateOutgoing() {
        return validateOutgoing;
    }

    /** TCP connect and WebSocket handshake timeout. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Who hears about connections and registrations. */
    public StationListener listener() {
        return listener;
    }

    /** Builds {@link SimulatorOptions}. */
    public static final class Builder {
        private final URI url;
        private SimClock clock;
        private Vertx vertx;
        private int eventLoops = Math.max(1, Runtime.getRuntime().availableProcessors());
        private List<String> localAddresses = List.of();
        private boolean trustAll;
        private KeyStore trustStore;
        private boolean verifyHost = true;
        private long seed = System.nanoTime();
        private boolean validateOutgoing = true;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private StationListener listener = StationListener.NONE;

        private Builder(URI url) {
            Objects.requireNonNull(url, "url");
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("ws") && !scheme.equals("wss")) {
                throw new IllegalArgumentException("url must start with ws:// or wss://: " + url);
            }
            if (url.getHost() == null) {
                throw new IllegalArgumentException("url has no host: " + url);
            }
            String text = url.toString();
            this.url = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        }

        /** The clock (default: wall clock with Vert.x timers). */
        public Builder clock(SimClock clock) {
            this.clock = clock;
            return this;
        }

        /** Run on this Vert.x instance; the simulator will not close it. */
        public Builder vertx(Vertx vertx) {
            this.vertx = vertx;
            return this;
        }

        /** Event-loop threads of the Vert.x instance the simulator creates (default: one per core). */
        public Builder eventLoops(int eventLoops) {
            this.eventLoops = eventLoops;
            return this;
        }

        /** Local source addresses to spread connections over, e.g. 127.0.0.1, 127.0.0.2, ... */
        public Builder localAddresses(List<String> addresses) {
            this.localAddresses = Objects.requireNonNull(addresses, "localAddresses");
            return this;
        }

        /** Trust any server certificate (and skip host verification). */
        public Builder trustAll(boolean trustAll) {
            this.trustAll = trustAll;
            return this;
        }

        /** Trust the certificates of this key store. */
        public Builder trustStore(KeyStore trustStore) {
            this.trustStore = trustStore;
            return this;
        }

        /** Verify the server's host name against its certificate (default true). */
        public Builder verifyHost(boolean verifyHost) {
            this.verifyHost = verifyHost;
            return this;
        }

        /** Seed of all random choices. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Validate outgoing payloads too (default true). */
        public Builder validateOutgoing(boolean validate) {
            this.validateOutgoing = validate;
            return this;
        }

        /** Connect timeout (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** Listener for station events. */
        public Builder listener(StationListener listener) {
            this.listener = listener;
            return this;
        }

        /** The options. */
        public SimulatorOptions build() {
            return new SimulatorOptions(this);
        }
    }
}
