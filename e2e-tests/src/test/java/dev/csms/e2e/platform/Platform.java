package dev.csms.e2e.platform;

import dev.csms.events.Topics;
import dev.csms.events.credentials.StationCredentials;
import dev.csms.localstack.LocalStack;
import dev.csms.localstack.ServiceConfig;
import dev.csms.localstack.jwt.LocalJwtIssuer;
import dev.csms.localstack.kafka.KafkaBroker;
import dev.csms.localstack.launcher.ServiceSpec;
import dev.csms.localstack.support.Ports;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.BootState;
import dev.csms.simulator.SimulatedStation;
import dev.csms.simulator.StationBehaviour;
import dev.csms.simulator.StationConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * The whole platform as in production, once per test JVM, shared by every test class: the local stack's real
 * Kafka broker and PostgreSQL server (in this JVM), and every service as its own OS process started from its
 * packaged {@code quarkus-run.jar} with the launcher's settings (local-stack's {@link ServiceConfig#forProcess})
 * on an ephemeral 127.0.0.1 port. Two gateway replicas run, {@value #GATEWAY_A} and {@value #GATEWAY_B}, behind a
 * {@link TcpLoadBalancer}. A shutdown hook stops every process when the JVM exits, whatever the tests did.
 *
 * <p>Settings beyond the launcher's, each one needed by a journey (docs/e2e-tests.md):
 * <ul>
 *   <li>the replicas' ids {@value #GATEWAY_A_ID} and {@value #GATEWAY_B_ID} (they must differ);
 *   <li>{@value #GATEWAY_B} admits unknown stations ({@code csms.gateway.auth.auto-registration=true}), and
 *       device-service registers them as Pending, so that one platform serves both registration policies:
 *       {@value #GATEWAY_A} refuses unknown stations;
 *   <li>a short gateway drain window, so that stopping the platform takes seconds.
 * </ul>
 */
public final class Platform {

    public static final String GATEWAY_A = "gateway-service-a";
    public static final String GATEWAY_B = "gateway-service-b";
    public static final String GATEWAY_A_ID = "gw-a";
    public static final String GATEWAY_B_ID = "gw-b";
    public static final String DEVICE = "device-service";
    public static final String SESSION = "session-service";
    public static final String BILLING = "billing-service";
    public static final String SMARTCHARGING = "smartcharging-service";

    private static final Logger LOG = Logger.getLogger(Platform.class.getName());
    private static Platform instance;

    private final E2eSettings settings;
    private final LocalStack stack;
    private final Map<String, PlatformService> services;
    private final TcpLoadBalancer loadBalancer;
    private final TopicTap inbound;
    private final TopicTap outbound;
    private final TopicTap presence;
    private final TopicTap credentials;
    private final TopicTap deviceStations;
    private final TopicTap sessionEvents;
    private final DeviceApi devices;
    private final SessionApi sessions;

    private Platform(E2eSettings settings, LocalStack stack, Map<String, PlatformService> services) {
        this.settings = settings;
        this.stack = stack;
        this.services = services;
        this.loadBalancer = TcpLoadBalancer.start(List.of(services.get(GATEWAY_A).port(), services.get(GATEWAY_B).port()));
        Topics topics = Topics.unprefixed();
        String kafka = stack.kafka().bootstrapServers();
        this.inbound = TopicTap.start(kafka, topics.inbound());
        this.outbound = TopicTap.start(kafka, topics.outbound());
        this.presence = TopicTap.start(kafka, topics.presence());
        this.credentials = TopicTap.start(kafka, topics.deviceCredentials());
        this.deviceStations = TopicTap.start(kafka, topics.name(Topics.DEVICE_STATIONS));
        this.sessionEvents = TopicTap.start(kafka, topics.name(Topics.SESSIONS_EVENTS));
        this.devices = new DeviceApi(services.get(DEVICE).baseUrl(), this::operatorToken);
        this.sessions = new SessionApi(services.get(SESSION).baseUrl(), this::operatorToken);
    }

    /** The platform of this JVM: started (and waited for) on the first call. */
    public static synchronized Platform get() {
        if (instance == null) {
            instance = start(E2eSettings.fromSystemProperties());
        }
        return instance;
    }

    private static Platform start(E2eSettings settings) {
        long started = System.nanoTime();
        try {
            // first: the local stack's servers log to a file in it (org.slf4j.simpleLogger.logFile, set by the pom)
            Files.createDirectories(settings.logDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalStack stack = LocalStack.get();
        Map<String, PlatformService> services = new LinkedHashMap<>();
        for (ServiceSpec spec : specs(settings)) {
            spec.database().ifPresent(stack.postgres()::createDatabase);
            Map<String, String> properties = new LinkedHashMap<>(
                    ServiceConfig.forProcess(spec, stack.kafka(), stack.postgres(), stack.jwt()));
            properties.putAll(extraSettings(spec.name()));
            services.put(spec.name(), new PlatformService(spec, properties, settings.serviceJavaOptions(),
                    settings.logDirectory()));
        }
        // registered before the first process starts: a failing start must not leave processes behind
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(services.values()), "e2e-platform-stop"));
        services.values().forEach(PlatformService::launch);
        awaitReady(services.values(), settings.readyTimeout());
        Platform platform = new Platform(settings, stack, services);
        LOG.info(() -> String.format("platform ready in %d ms: %s; logs in %s",
                Duration.ofNanos(System.nanoTime() - started).toMillis(), services.keySet(), settings.logDirectory()));
        return platform;
    }

    /** The launcher's five services, with the gateway twice (two replicas) on ephemeral ports. */
    private static List<ServiceSpec> specs(E2eSettings settings) {
        List<ServiceSpec> specs = new ArrayList<>();
        for (ServiceSpec spec : ServiceSpec.platform(settings.repositoryRoot())) {
            if (spec.name().equals(ServiceSpec.GATEWAY)) {
                specs.add(new ServiceSpec(GATEWAY_A, Ports.freePort(), spec.jar(), spec.database()));
                specs.add(new ServiceSpec(GATEWAY_B, Ports.freePort(), spec.jar(), spec.database()));
            } else {
                specs.add(spec.withPort(Ports.freePort()));
            }
        }
        List<String> missing = specs.stream().filter(spec -> !Files.isRegularFile(spec.jar()))
                .map(spec -> spec.jar().toString()).distinct().toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("service jars not built (run the e2e tests through the reactor: "
                    + "./mvnw -pl e2e-tests -am verify): " + missing);
        }
        return specs;
    }

    private static Map<String, String> extraSettings(String service) {
        return switch (service) {
            case GATEWAY_A -> Map.of(
                    "csms.gateway.id", GATEWAY_A_ID,
                    "csms.gateway.shutdown.drain-window", "1s");
            case GATEWAY_B -> Map.of(
                    "csms.gateway.id", GATEWAY_B_ID,
                    "csms.gateway.auth.auto-registration", "true",
                    "csms.gateway.shutdown.drain-window", "1s");
            case DEVICE -> Map.of("csms.device.boot.auto-registration", "true");
            default -> Map.of();
        };
    }

    private static void awaitReady(Iterable<PlatformService> services, Duration timeout) {
        List<CompletableFuture<Void>> checks = new ArrayList<>();
        for (PlatformService service : services) {
            checks.add(CompletableFuture.runAsync(() -> service.awaitReady(timeout),
                    runnable -> new Thread(runnable, "e2e-ready-" + service.name()).start()));
        }
        CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).join();
    }

    private static void stopAll(Iterable<PlatformService> services) {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (PlatformService service : services) {
            stops.add(CompletableFuture.runAsync(service::stop,
                    runnable -> new Thread(runnable, "e2e-stop-" + service.name()).start()));
        }
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
    }

    public E2eSettings settings() {
        return settings;
    }

    public PlatformService service(String name) {
        PlatformService service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name + "; known: " + services.keySet());
        }
        return service;
    }

    /** Waits until every service process runs and reports ready (after a fault, before the next test). */
    public void awaitAllReady() {
        List<PlatformService> notRunning = services.values().stream().filter(s -> !s.isRunning()).toList();
        if (!notRunning.isEmpty()) {
            throw new IllegalStateException("not running: " + notRunning.stream().map(PlatformService::name).toList());
        }
        awaitReady(services.values(), settings.readyTimeout());
    }

    /** Where stations connect to one replica: {@code ws://127.0.0.1:<port>/ocpp}. */
    public String stationUrl(String gateway) {
        return "ws://127.0.0.1:" + service(gateway).port() + "/ocpp";
    }

    /** Where stations connect through the load balancer in front of both replicas. */
    public String loadBalancedStationUrl() {
        return "ws://127.0.0.1:" + loadBalancer.port() + "/ocpp";
    }

    /** The broker; {@link KafkaBroker#stopBroker()} and {@link KafkaBroker#startBroker()} make an outage. */
    public KafkaBroker kafka() {
        return stack.kafka();
    }

    /** A fresh token with role {@code operator}, signed with the key the services trust. */
    public String operatorToken() {
        return stack.jwt().token("e2e-operator", Set.of(LocalJwtIssuer.OPERATOR));
    }

    /** device-service's operator API. */
    public DeviceApi devices() {
        return devices;
    }

    /** session-service's operator API. */
    public SessionApi sessions() {
        return sessions;
    }

    /** {@code ocpp.inbound} from its beginning: StationCall, StationConnected/Disconnected, CommandResult. */
    public TopicTap inbound() {
        return inbound;
    }

    /** {@code ocpp.outbound} from its beginning: CallAnswer and Command. */
    public TopicTap outbound() {
        return outbound;
    }

    /** {@code ocpp.presence}: which replica holds each station. */
    public TopicTap presence() {
        return presence;
    }

    /** {@code device.credentials}: what the gateways authenticate from. */
    public TopicTap credentials() {
        return credentials;
    }

    /** The station's latest credentials on {@code device.credentials}; null before any or after a tombstone. */
    public StationCredentials credentialsOf(String stationId) {
        return credentials.latest(stationId)
                .flatMap(TopicTap.Entry::event)
                .map(envelope -> envelope.data() instanceof StationCredentials c ? c : null)
                .orElse(null);
    }

    /** Waits until device-service published the station's password: the gateways are about to know it. */
    public void awaitCredentials(String stationId) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> credentialsOf(stationId),
                c -> c != null && c.passwordHash() != null);
    }

    /**
     * Registers the station with a fresh password (its own heartbeat interval, or null for the global one), waits
     * until the gateways can know its credentials, starts it in {@code fleet} with its traffic recorded and waits
     * until its boot is Accepted.
     */
    public SimulatedStation bootRegistered(Fleet fleet, String id, OcppVersion version, Integer heartbeatInterval,
            int connectors, StationBehaviour behaviour) {
        String password = TestStations.password();
        devices().register(id, password, heartbeatInterval);
        awaitCredentials(id);
        SimulatedStation station = fleet.add(StationConfig.builder(id, version)
                .password(password)
                .connectors(connectors)
                .behaviour(behaviour)
                .recordTraffic(true)
                .build());
        station.start();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(station::bootState, state -> state == BootState.ACCEPTED);
        return station;
    }

    /**
     * Waits until {@code ocpp.presence} shows the station connected: the services send nothing to a station their
     * presence view has not seen connected.
     */
    public void awaitConnected(String stationId) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> presence.latest(stationId)
                .map(entry -> entry.event().isPresent()).orElse(false));
    }

    /** {@code device.stations}: device-service's StationChanged events. */
    public TopicTap deviceStations() {
        return deviceStations;
    }

    /** {@code sessions.events}: session-service's SessionStarted, SessionUpdated and SessionEnded. */
    public TopicTap sessionEvents() {
        return sessionEvents;
    }
}
