package dev.csms.gateway.ws;

import dev.csms.events.EventTypes;
import dev.csms.events.credentials.StationCredentials;
import dev.csms.events.ocpp.DisconnectReason;
import dev.csms.events.ocpp.Presence;
import dev.csms.events.ocpp.StationConnected;
import dev.csms.events.ocpp.StationDisconnected;
import dev.csms.gateway.kafka.EventPublisher;
import dev.csms.gateway.kafka.GatewayEvents;
import dev.csms.gateway.kafka.PresenceTable;
import dev.csms.gateway.metrics.GatewayMetrics;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connection layer: opens and closes station connections, keeps the registry and the presence records true,
 * supersedes older connections (here or on another replica), finds dead connections with ping/pong, and drives
 * every deadline from one periodic sweep instead of a timer per message.
 *
 * <p>Close codes: 1000 superseded, 1001 ping timeout and shutdown, 1008 credentials revoked, 1009 message too big
 * (sent by the WebSocket codec), 1011 internal error.
 */
public final class ConnectionManager implements PresenceTable.Listener {

    private static final Logger LOG = Logger.getLogger(ConnectionManager.class);
    private static final Buffer PING = Buffer.buffer("csms");
    private static final Duration MAX_PRESENCE_RETRY = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final ConnectionRegistry registry;
    private final EventPublisher publisher;
    private final GatewayEvents events;
    private final GatewayMetrics metrics;
    private final long pingIntervalNanos;
    private final long pingTimeoutNanos;
    private final long sweepIntervalMillis;
    private ConnectionHandler handler;
    private PresenceTable presence;
    private long sweepTimer = -1;

    public ConnectionManager(Vertx vertx, ConnectionRegistry registry, EventPublisher publisher, GatewayEvents events,
            GatewayMetrics metrics, Duration pingInterval, Duration pingTimeout, Duration sweepInterval) {
        this.vertx = vertx;
        this.registry = registry;
        this.publisher = publisher;
        this.events = events;
        this.metrics = metrics;
        this.pingIntervalNanos = pingInterval.toNanos();
        this.pingTimeoutNanos = pingTimeout.toNanos();
        this.sweepIntervalMillis = Math.max(10, sweepInterval.toMillis());
    }

    /** Wires what runs above the transport and the presence table (both need the registry this class fills). */
    public void wire(ConnectionHandler handler, PresenceTable presence) {
        this.handler = handler;
        this.presence = presence;
    }

    /** Starts the sweep. */
    public void start() {
        sweepTimer = vertx.setPeriodic(sweepIntervalMillis, id -> sweep());
    }

    public void stop() {
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
        }
    }

    /** Takes over an upgraded socket as the station's current connection. On the socket's context. */
    public void open(StationConnection connection) {
        var socket = connection.socket();
        socket.textMessageHandler(text -> {
            connection.heard(System.nanoTime());
            handler.onText(connection, text);
        });
        socket.binaryMessageHandler(binary -> {
            connection.heard(System.nanoTime());
            handler.onBinary(connection);
        });
        socket.pongHandler(pong -> connection.heard(System.nanoTime()));
        socket.exceptionHandler(error -> onSocketError(connection, error));
        socket.closeHandler(ignored -> onSocketClosed(connection));

        metrics.connectionOpened(connection.version(), connection.securityProfile());
        publishConnected(connection);
        Optional<StationConnection> superseded = registry.register(connection);
        superseded.ifPresent(old -> old.run(() -> close(old, DisconnectReason.Superseded, (short) 1000,
                "superseded by a newer connection")));
        if (superseded.filter(old -> old == connection).isEmpty()) {
            publishPresence(connection, 0);
        }
        LOG.debugf("%s connected (%s, profile %d)", connection.stationId(), connection.version().subprotocol(),
                connection.securityProfile());
    }

    /**
     * Ends a connection: unregisters it, tells Kafka, ends what waits on it, then closes the socket. On the
     * connection's context; a second call does nothing.
     */
    public void close(StationConnection connection, DisconnectReason reason, short code, String text) {
        if (!connection.markClosed(reason)) {
            return;
        }
        finish(connection, reason, code, text);
        connection.socket().close(code, text);
    }

    private void onSocketClosed(StationConnection connection) {
        if (connection.isClosed()) {
            return;
        }
        Short code = connection.socket().closeStatusCode();
        DisconnectReason reason = code != null ? DisconnectReason.ClosedByStation : DisconnectReason.Other;
        connection.markClosed(reason);
        finish(connection, reason, code == null ? null : code.shortValue(),
                code == null ? "connection lost" : connection.socket().closeReason());
    }

    private void onSocketError(StationConnection connection, Throwable error) {
        if (error instanceof CorruptedWebSocketFrameException
                || (error instanceof IllegalStateException && String.valueOf(error.getMessage())
                        .contains("max message size"))) {
            // an oversize frame is refused by the codec before it is buffered; a fragmented one once it exceeds
            // the limit: either way the connection cannot continue (the rest of the message would follow)
            close(connection, DisconnectReason.ProtocolViolation, (short) 1009, "message too big");
            return;
        }
        LOG.debugf(error, "Connection of %s failed", connection.stationId());
    }

    private void finish(StationConnection connection, DisconnectReason reason, Short code, String text) {
        boolean wasCurrent = registry.remove(connection);
        metrics.connectionClosed(connection.version(), connection.securityProfile());
        metrics.disconnected(reason.name());
        handler.onClosed(connection);
        StationDisconnected disconnected = new StationDisconnected(connection.stationId(), events.gatewayId(),
                connection.epoch(), reason, code == null ? null : (int) code, text, events.clock().instant());
        publisher.publish(events.topics().inbound(), events.envelope(EventTypes.STATION_DISCONNECTED,
                connection.stationId(), disconnected, connection.version(), null, null))
                .whenComplete((ok, error) -> logFailure(error, "StationDisconnected", connection));
        if (wasCurrent && reason != DisconnectReason.Superseded && !newerPresence(connection)) {
            publisher.tombstone(events.topics().presence(), connection.stationId())
                    .whenComplete((ok, error) -> logFailure(error, "presence tombstone", connection));
        }
        LOG.debugf("%s disconnected: %s", connection.stationId(), reason);
    }

    private boolean newerPresence(StationConnection connection) {
        return presence != null && presence.get(connection.stationId())
                .map(p -> p.connectionEpoch() > connection.epoch()).orElse(false);
    }

    private void publishConnected(StationConnection connection) {
        StationConnected connected = new StationConnected(connection.stationId(), events.gatewayId(),
                connection.epoch(), connection.version(), connection.securityProfile(), connection.remoteAddress(),
                connection.connectedAt());
        publisher.publish(events.topics().inbound(), events.envelope(EventTypes.STATION_CONNECTED,
                connection.stationId(), connected, connection.version(), null, null))
                .whenComplete((ok, error) -> logFailure(error, "StationConnected", connection));
    }

    /** Publishes the connection's presence, retrying with backoff while it stays the station's current one. */
    private void publishPresence(StationConnection connection, int attempt) {
        Presence record = new Presence(connection.stationId(), events.gatewayId(), connection.epoch(),
                connection.version(), connection.securityProfile(), connection.connectedAt());
        publisher.publish(events.topics().presence(), events.envelope(EventTypes.PRESENCE, connection.stationId(),
                record, connection.version(), null, null)).whenComplete((ok, error) -> {
                    if (error == null || connection.isClosed() || !registry.isCurrent(connection)) {
                        return;
                    }
                    long delay = Math.min(MAX_PRESENCE_RETRY.toMillis(), 500L << Math.min(attempt, 6));
                    LOG.warnf("Presence of %s not published (%s); retrying in %d ms", connection.stationId(),
                            error.toString(), delay);
                    vertx.setTimer(delay, id -> connection.run(() -> publishPresence(connection, attempt + 1)));
                });
    }

    private static void logFailure(Throwable error, String what, StationConnection connection) {
        if (error != null) {
            LOG.warnf("%s of %s (epoch %d) not published: %s", what, connection.stationId(), connection.epoch(),
                    error.toString());
        }
    }

    // ---------------------------------------------------------------- presence of other replicas

    @Override
    public void presence(Presence record) {
        registry.get(record.stationId())
                .filter(connection -> record.connectionEpoch() > connection.epoch())
                .ifPresent(connection -> connection.run(() -> close(connection, DisconnectReason.Superseded,
                        (short) 1000, "superseded by a newer connection on " + record.gatewayId())));
    }

    @Override
    public void tombstone(String stationId) {
        // a replica that lost the station wrote its tombstone after our newer presence: write ours again
        registry.get(stationId).ifPresent(connection -> connection.run(() -> {
            if (!connection.isClosed() && registry.isCurrent(connection)) {
                publishPresence(connection, 0);
            }
        }));
    }

    /**
     * After the presence table caught up: removes presences that name this replica but no connection of it (left
     * behind by a crash of a replica with the same id).
     */
    public void removeStalePresences() {
        List<String> stale = new ArrayList<>();
        for (Presence record : presence.all()) {
            if (record.gatewayId().equals(events.gatewayId()) && registry.get(record.stationId())
                    .map(c -> c.epoch() != record.connectionEpoch()).orElse(true)) {
                stale.add(record.stationId());
            }
        }
        for (String stationId : stale) {
            if (registry.get(stationId).isEmpty()) {
                publisher.tombstone(events.topics().presence(), stationId);
            }
        }
        if (!stale.isEmpty()) {
            LOG.infof("Removed %d presences a previous run of %s left behind", stale.size(), events.gatewayId());
        }
    }

    // ---------------------------------------------------------------- credentials

    /** Closes a connection whose credentials were deleted, disabled or raised above its security profile. */
    public void credentialsChanged(StationCredentials previous, StationCredentials current) {
        String stationId = current != null ? current.stationId() : previous.stationId();
        registry.get(stationId).ifPresent(connection -> {
            boolean revoked = current == null || !current.enabled()
                    || (connection.securityProfile() > 0 && connection.securityProfile() < current.securityProfile());
            if (revoked) {
                connection.run(() -> close(connection, DisconnectReason.CredentialsRevoked, (short) 1008,
                        "credentials revoked"));
            }
        });
    }

    // ---------------------------------------------------------------- sweep

    private void sweep() {
        long now = System.nanoTime();
        for (StationConnection connection : registry.all()) {
            if (now - connection.nextDueNanos() >= 0 && connection.claimSweep()) {
                connection.run(() -> {
                    connection.sweepDone();
                    due(connection, System.nanoTime());
                });
            }
        }
    }

    private void due(StationConnection connection, long now) {
        if (connection.isClosed()) {
            return;
        }
        long next = Long.MAX_VALUE;
        if (pingIntervalNanos > 0) {
            boolean pingOutstanding = connection.pingSentNanos() != 0
                    && connection.pingSentNanos() - connection.lastHeardNanos() > 0;
            if (pingOutstanding && now - connection.pingSentNanos() >= pingTimeoutNanos) {
                close(connection, DisconnectReason.PingTimeout, (short) 1001, "no pong within the ping timeout");
                return;
            }
            if (pingOutstanding) {
                next = connection.pingSentNanos() + pingTimeoutNanos;
            } else {
                long quietSince = connection.lastHeardNanos();
                if (now - quietSince >= pingIntervalNanos) {
                    connection.socket().writePing(PING);
                    connection.pingSent(now);
                    next = now + pingTimeoutNanos;
                } else {
                    next = quietSince + pingIntervalNanos;
                }
            }
        }
        long handlerNext = handler.onDue(connection, now);
        if (connection.isClosed()) {
            return;
        }
        connection.setNextDue(earliest(next, handlerNext));
    }

    private static long earliest(long a, long b) {
        if (a == Long.MAX_VALUE) {
            return b;
        }
        if (b == Long.MAX_VALUE) {
            return a;
        }
        return a - b < 0 ? a : b;
    }

    // ---------------------------------------------------------------- shutdown

    /**
     * Closes every connection with 1001, spread over the window so that the stations reconnect to other replicas
     * gradually. Blocks the calling thread (shutdown only) until all are closed or the window plus a second passed.
     */
    public void drain(Duration window) {
        List<StationConnection> all = new ArrayList<>(registry.all());
        if (all.isEmpty()) {
            return;
        }
        long step = Math.max(0, window.toMillis() / all.size());
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicInteger left = new AtomicInteger(all.size());
        for (int i = 0; i < all.size(); i++) {
            StationConnection connection = all.get(i);
            Runnable closeIt = () -> connection.run(() -> {
                close(connection, DisconnectReason.GatewayShutdown, (short) 1001, "gateway shutting down");
                if (left.decrementAndGet() == 0) {
                    done.complete(null);
                }
            });
            long delay = step * i;
            if (delay < 1) {
                closeIt.run();
            } else {
                vertx.setTimer(delay, id -> closeIt.run());
            }
        }
        try {
            done.get(window.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("%d connections still open after the drain window", left.get());
        }
    }
}
