package dev.csms.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the gateway can be told, under {@code csms.gateway}. docs/gateway.md lists each setting with its
 * default and why it has that default. Durations use the Quarkus format ({@code 30s}, {@code 250ms}, {@code PT1M}).
 * A value out of range fails the start with a message naming the property.
 */
@ConfigMapping(prefix = "csms.gateway")
public interface GatewayConfig {

    /**
     * This replica's id, in presence records and CloudEvents ({@code ce_gatewayid}, source
     * {@code /csms/gateway-service/<id>}); unique among the replicas. In Kubernetes the pod name.
     */
    @WithDefault("${HOSTNAME:gateway-local}")
    String id();

    /** The WebSocket connection layer. */
    Connections connections();

    /** Station authentication. */
    Auth auth();

    /** Inbound station messages. */
    Inbound inbound();

    /** Commands for stations. */
    Commands commands();

    /** The gateway's own Kafka clients. */
    Kafka kafka();

    /** Graceful shutdown. */
    Shutdown shutdown();

    /**
     * Checks what the annotations cannot: durations and how settings relate.
     *
     * @throws IllegalArgumentException naming the first bad property
     */
    static GatewayConfig requireConsistent(GatewayConfig config) {
        Connections connections = config.connections();
        if (connections.pingInterval().isNegative()) {
            throw bad("connections.ping-interval", "must not be negative");
        }
        if (!connections.pingInterval().isZero() && !isPositive(connections.pingTimeout())) {
            throw bad("connections.ping-timeout", "must be positive while pings are on");
        }
        if (!isPositive(connections.sweepInterval())) {
            throw bad("connections.sweep-interval", "must be positive");
        }
        if (!isPositive(config.inbound().decisionDeadline())) {
            throw bad("inbound.decision-deadline", "must be positive");
        }
        if (config.commands().offlineGrace().isNegative()) {
            throw bad("commands.offline-grace", "must not be negative");
        }
        if (config.shutdown().drainWindow().isNegative()) {
            throw bad("shutdown.drain-window", "must not be negative");
        }
        if (!isPositive(config.kafka().probeInterval()) || !isPositive(config.kafka().probeTimeout())) {
            throw bad("kafka.probe-interval and csms.gateway.kafka.probe-timeout", "must be positive");
        }
        return config;
    }

    private static boolean isPositive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    private static IllegalArgumentException bad(String property, String problem) {
        return new IllegalArgumentException("csms.gateway." + property + " " + problem);
    }

    interface Connections {

        /**
         * Largest WebSocket message a station may send, in bytes; a larger one closes the connection with 1009
         * before it is buffered whole. OCPP messages are small; 64 KiB leaves room for big NotifyReport pages.
         */
        @WithDefault("65536")
        @Min(1024)
        int maxMessageSize();

        /** Longest station identity accepted (OCPP 2.x identifierString is at most 48 characters). */
        @WithDefault("48")
        @Min(1)
        int maxIdentityLength();

        /** How often the gateway pings a station; 0 turns pings off (not recommended: dead connections stay). */
        @WithDefault("30s")
        Duration pingInterval();

        /** How long after a ping without any pong (or other frame) the connection counts as dead. */
        @WithDefault("15s")
        Duration pingTimeout();

        /**
         * Upgrades in progress at once (identity, authentication, upgrade); beyond it the gateway answers 503 with
         * Retry-After. Admission control for memory: it spreads a burst of connections over the stations'
         * RetryBackOff (10 s and more) instead of holding all of it at once. Raise it where a whole replica's
         * reconnect storm must be admitted at once (the trade-off is measured in docs/gateway.md). The slow part of a
         * handshake, a password verification, has its own bound ({@code auth.max-queued-verifications}).
         */
        @WithDefault("200")
        @Min(1)
        int maxConcurrentHandshakes();

        /**
         * Retry-After of a 503 when the handshake cap or the verification queue is full; a random share of the same
         * length is added so that a reconnect storm spreads out.
         */
        @WithDefault("5s")
        Duration handshakeRetryAfter();

        /**
         * permessage-deflate for stations that offer it. Off by default; when on, only without context takeover
         * (context takeover keeps about 100 KB of deflate state per connection).
         */
        @WithDefault("false")
        boolean permessageDeflate();

        /** How often the one sweep over all connections checks ping, answer and command deadlines. */
        @WithDefault("200ms")
        Duration sweepInterval();
    }

    interface Auth {

        /**
         * Admit stations that have no credentials yet, for a pending registration (their BootNotification reaches
         * device-service, which decides). Off: unknown stations are refused with 401.
         */
        @WithDefault("false")
        boolean autoRegistration();

        /** Threads that verify PBKDF2 password hashes (slow by design, never on an event loop). */
        @WithDefault("2")
        @Min(1)
        int verifierThreads();

        /**
         * Password verifications (PBKDF2, a remembered verification does not count) waiting for or running on the
         * verifier threads; an upgrade that needs one more gets 503 with Retry-After. Bounds the CPU a cold reconnect
         * storm can queue up (about 0.1 to 0.3 s each) so that queued stations do not time out while they wait.
         */
        @WithDefault("200")
        @Min(1)
        int maxQueuedVerifications();

        /**
         * Remember a successful password verification per (station, stored hash) in memory, so that a reconnect
         * storm costs one PBKDF2 per station instead of one per attempt (trade-off in docs/gateway.md).
         */
        @WithDefault("true")
        boolean verificationCache();

        /**
         * PEM file of the CA that signs station certificates (security profile 3). The TLS layer checks the
         * chain too (its trust store); the gateway checks it again against this CA and checks the subject.
         * Without it, security profile 3 is refused.
         */
        Optional<Path> stationCa();
    }

    interface Inbound {

        /**
         * How long the gateway waits for a service's answer to a request that needs a decision; below the
         * stations' own message timeout (commonly 30 s), so that the fallback answer still reaches them.
         */
        @WithDefault("10s")
        Duration decisionDeadline();

        /** Calls a station may have unanswered at once (OCPP allows one; a little slack for real stations). */
        @WithDefault("4")
        @Min(1)
        int maxInFlight();

        /** Sustained frames per second a station may send; beyond it, calls get a CALLERROR GenericError. */
        @WithDefault("10")
        @Positive
        double ratePerSecond();

        /** Frames a station may send in a burst above the sustained rate. */
        @WithDefault("30")
        @Min(1)
        int rateBurst();

        /** The interval a BootNotification is answered with (status Pending) when no decision came in time. */
        @WithDefault("30")
        @Min(1)
        int bootFallbackInterval();
    }

    interface Commands {

        /** Commands waiting per station behind the one outstanding CALL; more end as QueueFull. */
        @WithDefault("16")
        @Min(0)
        int queueSize();

        /**
         * How long the partition owner waits, after reading a command for a station that no replica holds,
         * before it re-checks and publishes StationOffline (covers presence records still in flight).
         */
        @WithDefault("2s")
        Duration offlineGrace();

        /** Consumer group of the replicas' command owners (one owner per ocpp.outbound partition). */
        @WithDefault("csms-gateway-command-owners")
        String ownerGroup();
    }

    interface Kafka {

        /**
         * Producer properties on top of {@code kafka.*}; acks=all, idempotence, serializers and
         * {@code max.block.ms=0} (a send never blocks an event loop) are fixed.
         */
        @WithName("producer")
        Map<String, String> producer();

        /** How often readiness probes whether the cluster answers. */
        @WithDefault("5s")
        Duration probeInterval();

        /** How long one probe may take. */
        @WithDefault("3s")
        Duration probeTimeout();

        /** Bytes of records the gateway may have unacknowledged; beyond it, calls get a CALLERROR at once. */
        @WithDefault("25165824")
        @Min(65536)
        long maxUnacknowledgedBytes();
    }

    interface Shutdown {

        /** Connections are closed with 1001 spread over this window so that stations move to other replicas. */
        @WithDefault("10s")
        Duration drainWindow();
    }
}
