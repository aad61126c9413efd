package dev.csms.gateway;

import dev.csms.events.Topics;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.credentials.StationCredentials;
import dev.csms.gateway.auth.CredentialsStore;
import dev.csms.gateway.auth.StationAuthenticator;
import dev.csms.gateway.auth.StationCertificates;
import dev.csms.gateway.config.GatewayConfig;
import dev.csms.gateway.inbound.InboundPipeline;
import dev.csms.gateway.kafka.EventPublisher;
import dev.csms.gateway.kafka.GatewayEvents;
import dev.csms.gateway.kafka.GatewayKafkaClients;
import dev.csms.gateway.kafka.KafkaProbe;
import dev.csms.gateway.kafka.PresenceTable;
import dev.csms.gateway.metrics.GatewayMetrics;
import dev.csms.gateway.ocpp.OcppSupport;
import dev.csms.gateway.outbound.CommandDispatcher;
import dev.csms.gateway.outbound.OfflineCommandJudge;
import dev.csms.gateway.outbound.OutboundRouter;
import dev.csms.gateway.ws.ConnectionHandler;
import dev.csms.gateway.ws.ConnectionManager;
import dev.csms.gateway.ws.ConnectionRegistry;
import dev.csms.gateway.ws.EpochClock;
import dev.csms.gateway.ws.StationConnection;
import dev.csms.gateway.ws.StationEndpoint;
import dev.csms.ocpp.schema.OcppSchemaValidator;
import dev.csms.runtime.kafka.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServerRequest;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.Objects;

/**
 * One gateway replica: the station endpoint, the connection layer, the inbound pipeline, command delivery and the
 * Kafka clients they share. Plain Java on a given Vert.x instance, so that the Quarkus application runs one and a
 * test can run a second one against the same broker (two replicas in one JVM).
 *
 * <p>Lifecycle: {@link #start()} starts the Kafka threads and returns at once; stations are accepted once the
 * credentials view has caught up ({@link #isAcceptingStations()}); {@link #shutdown(Duration)} drains.
 */
public final class Gateway implements ConnectionHandler, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Gateway.class);
    /** How recent a failed send must be to keep readiness DOWN although the cluster answers probes. */
    private static final long SEND_FAILURE_MEMORY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final GatewayConfig config;
    private final String gatewayId;
    private final Vertx vertx;
    private final GatewayKafkaClients clients;
    private final Topics topics;
    private final GatewayMetrics metrics;
    private final EventPublisher publisher;
    private final ConnectionRegistry registry = new ConnectionRegistry();
    private final ConnectionManager manager;
    private final CredentialsStore credentials;
    private final PresenceTable presence;
    private final StationAuthenticator authenticator;
    private final InboundPipeline pipeline;
    private final CommandDispatcher dispatcher;
    private final StationEndpoint endpoint;
    private final TopicReader credentialsReader;
    private final TopicReader presenceReader;
    private final TopicReader outboundReader;
    private final OfflineCommandJudge judge;
    private final KafkaProbe probe;
    private final WorkerExecutor verifiers;
    private volatile boolean metadataReady;
    private volatile boolean started;
    private volatile boolean draining;
    private long probeTimer = -1;

    public Gateway(GatewayConfig config, String gatewayId, Vertx vertx, Map<String, Object> kafka, Topics topics,
            Clock clock, MeterRegistry meters, OcppSchemaValidator validator) {
        this.config = GatewayConfig.requireConsistent(config);
        this.gatewayId = gatewayId;
        this.vertx = vertx;
        this.topics = topics;
        this.clients = new GatewayKafkaClients(kafka, gatewayId);
        this.metrics = new GatewayMetrics(meters);
        EventCodec codec = new EventCodec();
        GatewayEvents events = new GatewayEvents(gatewayId, topics, clock);
        OcppSupport ocpp = new OcppSupport(validator, clock);
        GatewayConfig.Connections connections = config.connections();
        GatewayConfig.Inbound inbound = config.inbound();

        this.publisher = new EventPublisher(clients.producer(config.kafka().producer()), codec, metrics,
                config.kafka().maxUnacknowledgedBytes());
        this.manager = new ConnectionManager(vertx, registry, publisher, events, metrics,
                connections.pingInterval(), connections.pingTimeout(), connections.sweepInterval());
        this.verifiers = vertx.createSharedWorkerExecutor("csms-gateway-verify-" + gatewayId,
                Math.max(1, config.auth().verifierThreads()));
        this.credentials = new CredentialsStore(codec, this::credentialsChanged);
        this.authenticator = new StationAuthenticator(credentials,
                config.auth().stationCa().map(StationCertificates::load), verifiers,
                config.auth().autoRegistration(), config.auth().verificationCache(),
                config.auth().maxQueuedVerifications());
        this.presence = new PresenceTable(codec, manager);
        this.dispatcher = new CommandDispatcher(ocpp, publisher, events, metrics, config.commands().queueSize());
        this.pipeline = new InboundPipeline(ocpp, publisher, events, metrics, dispatcher, inbound.decisionDeadline(),
                inbound.maxInFlight(), inbound.ratePerSecond(), inbound.rateBurst(), inbound.bootFallbackInterval());
        manager.wire(this, presence);
        this.endpoint = new StationEndpoint(authenticator, manager, new EpochClock(clock), clock, metrics,
                connections.maxIdentityLength(), connections.maxConcurrentHandshakes(),
                connections.handshakeRetryAfter(), inbound.rateBurst(), connections.permessageDeflate(),
                this::isAcceptingStations, () -> draining);

        this.credentialsReader = new TopicReader(topics.deviceCredentials(), TopicReader.StartAt.BEGINNING,
                () -> clients.follower("credentials"), credentials::apply);
        this.presenceReader = new TopicReader(topics.presence(), TopicReader.StartAt.BEGINNING,
                () -> clients.follower("presence"), presence::apply);
        OutboundRouter router = new OutboundRouter(registry, codec, pipeline, dispatcher);
        this.outboundReader = new TopicReader(topics.outbound(), TopicReader.StartAt.END,
                () -> clients.follower("outbound"), router::apply);
        this.judge = new OfflineCommandJudge(topics.outbound(),
                () -> clients.groupMember("judge", config.commands().ownerGroup()), registry, presence, codec,
                dispatcher, vertx, config.commands().offlineGrace());
        this.probe = new KafkaProbe(clients.admin((int) config.kafka().probeTimeout().toMillis()),
                config.kafka().probeTimeout());

        metrics.gauge("csms.gateway.kafka.unacknowledged.bytes", "Bytes sent to Kafka and not yet acknowledged",
                publisher::unacknowledgedBytes);
        metrics.gauge("csms.gateway.credentials.known", "Stations in the credentials view", credentials::size);
    }

    /** Starts reading Kafka, the sweep and the readiness probe; returns at once. */
    public void start() {
        credentialsReader.start();
        presenceReader.start();
        presenceReader.caughtUp().thenRun(manager::removeStalePresences);
        outboundReader.start();
        judge.start();
        manager.start();
        probe.probe();
        probeTimer = vertx.setPeriodic(Math.max(100, config.kafka().probeInterval().toMillis()), id -> probe.probe());
        warmUpMetadata();
        started = true;
        LOG.infof("Gateway %s started: reading %s, %s and %s", gatewayId, topics.deviceCredentials(),
                topics.presence(), topics.outbound());
    }

    private void warmUpMetadata() {
        vertx.executeBlocking(() -> publisher.awaitMetadata(List.of(topics.inbound(), topics.presence()),
                Duration.ofSeconds(30)), false).onComplete(result -> {
                    if (result.succeeded() && result.result()) {
                        metadataReady = true;
                    } else if (!draining) {
                        LOG.warnf("Topic metadata of %s and %s not available yet; retrying", topics.inbound(),
                                topics.presence());
                        vertx.setTimer(1000, id -> warmUpMetadata());
                    }
                });
    }

    /** The handler of {@code GET /ocpp/{stationId}} upgrades. */
    public Handler<HttpServerRequest> endpoint() {
        return endpoint;
    }

    /** Stations are accepted once the credentials view is complete, and no more while shutting down. */
    public boolean isAcceptingStations() {
        return started && !draining && credentialsReader.isCaughtUp();
    }

    /** What readiness reports. */
    public Readiness readiness() {
        boolean recentFailure = publisher.failedRecently(SEND_FAILURE_MEMORY_NANOS);
        return new Readiness(credentialsReader.isCaughtUp(), presenceReader.isCaughtUp(),
                outboundReader.isCaughtUp(), metadataReady, probe.isReachable() && !recentFailure, draining);
    }

    /**
     * The parts of readiness.
     *
     * @param credentials   the credentials view has read everything that was on the topic at start
     * @param presence      the presence table likewise
     * @param outbound      the outbound follower is positioned (nothing published from now on is missed)
     * @param metadata      the producer knows the topics it writes
     * @param kafkaWritable the cluster answers and no send failed recently
     * @param draining      the gateway is shutting down
     */
    public record Readiness(boolean credentials, boolean presence, boolean outbound, boolean metadata,
            boolean kafkaWritable, boolean draining) {
        public boolean isReady() {
            return credentials && presence && outbound && metadata && kafkaWritable && !draining;
        }
    }

    public String id() {
        return gatewayId;
    }

    public ConnectionRegistry connections() {
        return registry;
    }

    public CredentialsStore credentials() {
        return credentials;
    }

    public PresenceTable presence() {
        return presence;
    }

    public GatewayMetrics metrics() {
        return metrics;
    }

    /** Stations whose password verification is remembered. */
    public int cachedVerifications() {
        return authenticator.cachedVerifications();
    }

    /**
     * Stops accepting stations, closes every connection with 1001 spread over the drain window, stops reading
     * Kafka and flushes the producer. Blocks the calling thread (a shutdown thread, never an event loop).
     */
    public void shutdown(Duration drainWindow) {
        if (draining) {
            return;
        }
        draining = true;
        LOG.infof("Gateway %s draining %d connections over %s", gatewayId, registry.size(), drainWindow);
        manager.drain(drainWindow);
        close();
    }

    @Override
    public void close() {
        draining = true;
        if (probeTimer >= 0) {
            vertx.cancelTimer(probeTimer);
        }
        manager.stop();
        judge.close();
        outboundReader.close();
        presenceReader.close();
        credentialsReader.close();
        publisher.flush();
        publisher.close();
        probe.close();
        verifiers.close();
    }

    // ---------------------------------------------------------------- ConnectionHandler

    @Override
    public void onText(StationConnection connection, String text) {
        pipeline.onText(connection, text);
    }

    @Override
    public void onBinary(StationConnection connection) {
        pipeline.onBinary(connection);
    }

    @Override
    public long onDue(StationConnection connection, long nowNanos) {
        long decisions = pipeline.expire(connection, nowNanos);
        long commands = dispatcher.expire(connection, nowNanos);
        if (decisions == Long.MAX_VALUE) {
            return commands;
        }
        if (commands == Long.MAX_VALUE) {
            return decisions;
        }
        return decisions - commands < 0 ? decisions : commands;
    }

    @Override
    public void onClosed(StationConnection connection) {
        pipeline.onClosed(connection);
        dispatcher.onClosed(connection);
    }

    private void credentialsChanged(StationCredentials previous, StationCredentials current) {
        String stationId = current != null ? current.stationId() : previous.stationId();
        if (current == null || previous == null || !Objects.equals(current.passwordHash(), previous.passwordHash())) {
            authenticator.forget(stationId);
        }
        manager.credentialsChanged(previous, current);
    }
}
