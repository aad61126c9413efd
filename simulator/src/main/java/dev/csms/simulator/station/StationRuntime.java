package dev.csms.simulator.station;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.rpc.RpcErrorCode;
import dev.csms.simulator.BootState;
import dev.csms.simulator.ConnectionState;
import dev.csms.simulator.Credentials;
import dev.csms.simulator.RetryBackOff;
import dev.csms.simulator.SimulatedStation;
import dev.csms.simulator.StationBehaviour;
import dev.csms.simulator.StationConfig;
import dev.csms.simulator.TrafficEntry;
import dev.csms.simulator.connection.CallFailure;
import dev.csms.simulator.connection.CallKind;
import dev.csms.simulator.connection.ChannelOwner;
import dev.csms.simulator.connection.OutgoingCall;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.connection.RpcChannel;
import dev.csms.simulator.station.commands.CommandHandlers;
import dev.csms.simulator.station.messages.MeterReading;
import dev.csms.simulator.station.messages.StationMessages;
import dev.csms.simulator.station.messages.TransactionProtocol;
import dev.csms.simulator.time.SimClock;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLException;

/**
 * The simulated station itself: power, WebSocket and reconnection (RetryBackOff), boot (Accepted, Pending,
 * Rejected), heartbeat, connector status, availability, reboots, and the components the command handlers work
 * on (sessions, settings, local authorization, charging profiles, certificates, firmware, logs).
 *
 * <p>Confined to one Vert.x event-loop context: every method here runs on it ({@link SimulatedStation} moves
 * calls from other threads onto it); nothing blocks. Only {@link #connectionState()}, {@link #bootState()} and
 * each connector's published status and session are read from other threads.
 */
public final class StationRuntime implements ChannelOwner {

    private static final Logger LOG = Logger.getLogger(StationRuntime.class.getName());
    private static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(300);
    private static final Duration DEFAULT_BOOT_RETRY = Duration.ofSeconds(30);

    private final SimulatedStation facade;
    private final StationConfig config;
    private final int index;
    private final StationEnvironment env;
    private final Context context;
    private final RpcChannel channel;
    private final StationMessages messages;
    private final TransactionProtocol transactions;
    private final List<Connector> connectors;
    private final Settings settings;
    private final LocalAuthorization localAuth = new LocalAuthorization();
    private final ChargingProfiles profiles = new ChargingProfiles();
    private final Sessions sessions;
    private final SplittableRandom random;
    private final List<TrafficEntry> traffic;
    private CertificateStore certificates;
    private FirmwareUpdater firmware;
    private LogUploader logs;

    private volatile ConnectionState connectionState = ConnectionState.OFF;
    private volatile BootState bootState = BootState.NOT_BOOTED;
    private volatile String firmwareVersion;
    private WebSocket socket;
    private boolean powered;
    private boolean heldOffline;
    private boolean everAccepted;
    private boolean stationOperative = true;
    private int reconnectAttempt;
    private int bootFailures;
    private BootReason nextBootReason = BootReason.POWER_UP;
    private Duration heartbeatInterval = DEFAULT_HEARTBEAT;
    private SimClock.Timer reconnectTimer;
    private SimClock.Timer heartbeatTimer;
    private SimClock.Timer bootRetryTimer;
    private SimClock.Timer disconnectTimer;
    private SimClock.Timer rebootTimer;
    private List<Runnable> whenIdle;

    /**
     * A station, powered off.
     *
     * @param facade  the public handle (passed to listeners)
     * @param config  who it is
     * @param index   its position in the fleet
     * @param env     what the fleet provides
     * @param context the event-loop context it runs on
     */
    public StationRuntime(SimulatedStation facade, StationConfig config, int index, StationEnvironment env,
            Context context) {
        this.facade = facade;
        this.config = config;
        this.index = index;
        this.env = env;
        this.context = context;
        this.channel = new RpcChannel(config.version(), this, env.channel());
        this.messages = StationMessages.of(config.version());
        this.transactions = TransactionProtocol.of(config.version());
        this.random = new SplittableRandom(env.seed() ^ (config.stationId().hashCode() * 0x9E3779B97F4A7C15L));
        this.firmwareVersion = config.firmwareVersion();
        Connector[] array = new Connector[config.connectors()];
        Instant now = env.clock().now();
        for (int i = 0; i < array.length; i++) {
            // meters of a station in the field are not new: start somewhere between 0 and 2 MWh
            array[i] = new Connector(i + 1, Math.floor(random.nextDouble() * 2_000_000), now);
        }
        this.connectors = List.of(array);
        this.settings = new Settings(this);
        this.sessions = new Sessions(this);
        this.traffic = config.recordTraffic() ? Collections.synchronizedList(new ArrayList<>()) : null;
    }

    // ------------------------------------------------------------------ power and connection

    /** Powers the station on: connect, boot, then behave. Does nothing if it is on. */
    public void powerOn() {
        if (powered) {
            return;
        }
        heldOffline = false;
        powerUp(BootReason.POWER_UP);
    }

    private void powerUp(BootReason reason) {
        powered = true;
        nextBootReason = reason;
        connect();
        sessions.scheduleArrival();
        scheduleRandomDisconnect();
    }

    /** Powers the station off: running transactions end (PowerLoss, sent after the next power-on). */
    public void powerOff() {
        // a station that is rebooting stays off
        cancel(rebootTimer);
        rebootTimer = null;
        if (!powered) {
            return;
        }
        sessions.stopAll(StopReason.POWER_LOSS);
        shutDown();
        setConnectionState(ConnectionState.OFF);
    }

    private void shutDown() {
        powered = false;
        sessions.cancelArrivals();
        cancel(reconnectTimer);
        cancel(heartbeatTimer);
        cancel(bootRetryTimer);
        cancel(disconnectTimer);
        reconnectTimer = heartbeatTimer = bootRetryTimer = disconnectTimer = null;
        setBootState(BootState.NOT_BOOTED);
        closeSocket();
    }

    /** Cuts the connection and keeps the station off line (it goes on charging and queueing). */
    public void goOffline() {
        heldOffline = true;
        cancel(reconnectTimer);
        reconnectTimer = null;
        closeSocket();
        if (powered) {
            setConnectionState(ConnectionState.OFFLINE);
        }
    }

    /** Ends {@link #goOffline()}: reconnects at once. */
    public void goOnline() {
        if (!heldOffline) {
            return;
        }
        heldOffline = false;
        if (powered) {
            reconnectAttempt = 0;
            connect();
        }
    }

    /** Cuts the connection as a network fault would: the station reconnects per RetryBackOff. */
    public void dropConnection() {
        closeSocket();
    }

    private void connect() {
        if (!powered || heldOffline || socket != null || connectionState == ConnectionState.CONNECTING) {
            return;
        }
        reconnectTimer = null;
        setConnectionState(ConnectionState.CONNECTING);
        env.stats().connectAttempt();
        env.listener().connecting(facade);
        env.connect(facade, config, index).onComplete(result -> {
            env.stats().connectAttemptEnded();
            if (result.succeeded()) {
                opened(result.result());
            } else {
                connectFailed(result.cause());
            }
        });
    }

    private void opened(WebSocket webSocket) {
        if (!powered || heldOffline) {
            webSocket.close();
            if (connectionState == ConnectionState.CONNECTING) {
                setConnectionState(heldOffline ? ConnectionState.OFFLINE : ConnectionState.OFF);
            }
            return;
        }
        socket = webSocket;
        reconnectAttempt = 0;
        env.stats().connected();
        setConnectionState(ConnectionState.CONNECTED);
        webSocket.closeHandler(v -> closed(webSocket));
        webSocket.exceptionHandler(e -> LOG.fine(() -> config.stationId() + ": WebSocket error: " + e));
        channel.attach(webSocket);
        env.listener().connected(facade);
        if (bootState != BootState.ACCEPTED || config.behaviour().bootOnReconnect()) {
            setBootState(BootState.NOT_BOOTED);
            sendBoot(nextBootReason);
        } else {
            accepted(true);
        }
    }

    private void connectFailed(Throwable cause) {
        String reason = describe(cause);
        env.stats().connectFailed(reason);
        env.listener().connectFailed(facade, reason);
        LOG.fine(() -> config.stationId() + ": cannot connect: " + reason);
        if (powered && !heldOffline) {
            scheduleReconnect();
        } else {
            setConnectionState(heldOffline ? ConnectionState.OFFLINE : ConnectionState.OFF);
        }
    }

    private void closed(WebSocket webSocket) {
        if (socket != webSocket) {
            return;
        }
        socket = null;
        env.stats().disconnected();
        channel.detach();
        cancel(heartbeatTimer);
        cancel(bootRetryTimer);
        heartbeatTimer = bootRetryTimer = null;
        if (config.behaviour().bootOnReconnect() || bootState != BootState.ACCEPTED) {
            setBootState(BootState.NOT_BOOTED);
        }
        nextBootReason = nextBootReason == BootReason.POWER_UP && everAccepted ? BootReason.UNKNOWN : nextBootReason;
        env.listener().disconnected(facade);
        if (powered && !heldOffline) {
            scheduleReconnect();
        } else {
            setConnectionState(heldOffline ? ConnectionState.OFFLINE : ConnectionState.OFF);
        }
    }

    private void scheduleReconnect() {
        RetryBackOff backOff = retryBackOff();
        int attempt = reconnectAttempt++;
        Duration delay = backOff.delay(attempt, random);
        setConnectionState(ConnectionState.WAITING_TO_RECONNECT);
        env.listener().reconnectScheduled(facade, attempt, delay);
        reconnectTimer = schedule(delay, this::connect);
    }

    /** The RetryBackOff as the station's settings say now (the CSMS may change them). */
    RetryBackOff retryBackOff() {
        return new RetryBackOff(settings.seconds(Settings.BACKOFF_MINIMUM), settings.seconds(Settings.BACKOFF_RANGE),
                settings.intValue(Settings.BACKOFF_REPEAT));
    }

    private void closeSocket() {
        WebSocket open = socket;
        if (open != null) {
            // account for the close now, so that a reconnect need not wait for the close handshake; the closing
            // gauge follows the close handshake and the TCP close (a power-off is done when they are)
            closed(open);
            env.stats().closingStarted();
            open.closeHandler(v -> env.stats().closingEnded());
            open.close();
        }
    }

    private void scheduleRandomDisconnect() {
        double perHour = config.behaviour().disconnectsPerHour();
        if (perHour <= 0) {
            return;
        }
        disconnectTimer = schedule(exponential(perHour), () -> {
            dropConnection();
            scheduleRandomDisconnect();
        });
    }

    /** A random wait with the given rate per hour (Poisson process). */
    Duration exponential(double perHour) {
        double hours = -Math.log(1 - random.nextDouble()) / perHour;
        return Duration.ofMillis(Math.max(1, (long) (hours * 3_600_000)));
    }

    private static String describe(Throwable cause) {
        if (cause instanceof UpgradeRejectedException rejected) {
            return "HTTP " + rejected.getStatus();
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof SSLException || cause.getCause() instanceof SSLException) {
            return "TLS: " + cause.getMessage();
        }
        String name = cause.getClass().getSimpleName();
        return name.toLowerCase(Locale.ROOT).contains("timeout") ? "timeout" : name;
    }

    // ------------------------------------------------------------------ boot and heartbeat

    /** Sends BootNotification (also on TriggerMessage). */
    public void sendBoot(BootReason reason) {
        cancel(bootRetryTimer);
        bootRetryTimer = null;
        channel.send(OutgoingCall.of("BootNotification", messages.bootNotification(this, reason), CallKind.BOOT)
                .then(result -> bootAnswered(result, reason), failure -> bootFailed(failure, reason)));
    }

    private void bootAnswered(ObjectNode result, BootReason reason) {
        bootFailures = 0;
        String status = result.path("status").asText();
        int interval = result.path("interval").asInt(0);
        switch (status) {
            case "Accepted" -> {
                nextBootReason = BootReason.UNKNOWN;
                Duration given = interval > 0 ? Duration.ofSeconds(interval) : heartbeatInterval;
                heartbeatInterval = config.behaviour().heartbeatInterval().orElse(given);
                settings.put(Settings.HEARTBEAT_INTERVAL, Long.toString(heartbeatInterval.toSeconds()));
                everAccepted = true;
                accepted(false);
            }
            case "Pending" -> {
                setBootState(BootState.PENDING);
                retryBoot(interval > 0 ? Duration.ofSeconds(interval) : DEFAULT_BOOT_RETRY, reason);
            }
            default -> {
                setBootState(BootState.REJECTED);
                retryBoot(interval > 0 ? Duration.ofSeconds(interval) : DEFAULT_BOOT_RETRY, reason);
            }
        }
    }

    private void bootFailed(CallFailure failure, BootReason reason) {
        if (failure.reason() == CallFailure.Reason.OFFLINE) {
            return; // the next connection boots again
        }
        retryBoot(retryBackOff().delay(bootFailures++, random), reason);
    }

    private void retryBoot(Duration delay, BootReason reason) {
        cancel(bootRetryTimer);
        bootRetryTimer = schedule(delay, () -> {
            bootRetryTimer = null;
            if (socket != null && bootState != BootState.ACCEPTED) {
                sendBoot(reason);
            }
        });
    }

    /** The CSMS accepted the station (or it reconnected without booting): report, beat, flush the queue. */
    private void accepted(boolean reconnected) {
        BootState previous = bootState;
        bootState = BootState.ACCEPTED;
        reportAllStatuses();
        scheduleHeartbeat();
        channel.pump();
        // announced last, so that whoever sees the station booted also sees its status reports queued
        announceBootState(previous);
    }

    private void scheduleHeartbeat() {
        cancel(heartbeatTimer);
        heartbeatTimer = schedule(heartbeatInterval, () -> {
            heartbeatTimer = null;
            if (socket != null && bootState == BootState.ACCEPTED) {
                sendHeartbeat();
                scheduleHeartbeat();
            }
        });
    }

    /** Sends a Heartbeat (also on TriggerMessage). */
    public void sendHeartbeat() {
        channel.send(OutgoingCall.of("Heartbeat", Json.object(), CallKind.NORMAL));
    }

    /** A setting changed: apply what takes effect at once. */
    void settingChanged(Setting setting) {
        if (setting == Settings.HEARTBEAT_INTERVAL) {
            heartbeatInterval = Duration.ofSeconds(Math.max(1, settings.intValue(Settings.HEARTBEAT_INTERVAL)));
            if (heartbeatTimer != null) {
                scheduleHeartbeat();
            }
        }
    }

    // ------------------------------------------------------------------ status and availability

    /** Reports the status of every connector (1.6 also connector 0), whatever was reported before. */
    public void reportAllStatuses() {
        if (!config.version().isTwoX()) {
            sendStatus(0, stationOperative ? ConnectorStatus.AVAILABLE : ConnectorStatus.UNAVAILABLE,
                    CallKind.NORMAL);
        }
        for (Connector connector : connectors) {
            connector.lastStatusSent = null;
            refreshStatus(connector);
        }
    }

    /** Recomputes a connector's status and reports it if it changed (and the CSMS can hear it). */
    void refreshStatus(Connector connector) {
        ConnectorStatus status = connector.computeStatus();
        connector.publishStatus(status);
        String wire = config.version().isTwoX() ? status.v2() : status.v16();
        if (!wire.equals(connector.lastStatusSent) && socket != null && bootState == BootState.ACCEPTED) {
            connector.lastStatusSent = wire;
            sendStatus(connector.id(), status, CallKind.NORMAL);
        }
    }

    /** Sends StatusNotification for a connector as it is now (TriggerMessage). */
    public void reportStatus(int connectorId, CallKind kind) {
        if (connectorId == 0) {
            sendStatus(0, stationOperative ? ConnectorStatus.AVAILABLE : ConnectorStatus.UNAVAILABLE, kind);
            return;
        }
        Connector connector = connector(connectorId);
        ConnectorStatus status = connector.computeStatus();
        connector.lastStatusSent = config.version().isTwoX() ? status.v2() : status.v16();
        sendStatus(connectorId, status, kind);
    }

    private void sendStatus(int connectorId, ConnectorStatus status, CallKind kind) {
        if (socket == null) {
            return;
        }
        channel.send(OutgoingCall.of("StatusNotification",
                messages.statusNotification(this, connectorId, status), kind));
    }

    /** The outcome of ChangeAvailability. */
    public enum AvailabilityResult {
        /** Changed now. */
        ACCEPTED,
        /** Changes when the running transaction ends. */
        SCHEDULED
    }

    /**
     * Sets connectors (0: all, and the station) Operative or Inoperative. A connector with a running transaction
     * changes when it ends.
     */
    public AvailabilityResult changeAvailability(int connectorId, boolean operative) {
        List<Connector> targets = connectorId == 0 ? connectors : List.of(connector(connectorId));
        boolean scheduled = false;
        if (connectorId == 0 && stationOperative != operative) {
            stationOperative = operative;
            if (!config.version().isTwoX() && socket != null && bootState == BootState.ACCEPTED) {
                sendStatus(0, operative ? ConnectorStatus.AVAILABLE : ConnectorStatus.UNAVAILABLE,
                        CallKind.NORMAL);
            }
        }
        for (Connector connector : targets) {
            if (connector.hasActiveTransaction() && !operative) {
                connector.scheduledOperative = false;
                scheduled = true;
            } else {
                connector.scheduledOperative = null;
                connector.operative = operative;
                refreshStatus(connector);
            }
        }
        return scheduled ? AvailabilityResult.SCHEDULED : AvailabilityResult.ACCEPTED;
    }

    /** Applies an availability change that waited for a transaction to end. */
    void applyScheduledAvailability(Connector connector) {
        if (connector.scheduledOperative != null) {
            connector.operative = connector.scheduledOperative;
            connector.scheduledOperative = null;
        }
    }

    /** The 2.x ChargingStation.AvailabilityState. */
    String stationAvailability() {
        return stationOperative ? "Available" : "Unavailable";
    }

    /** The 2.x EVSE.AvailabilityState of an EVSE. */
    String evseAvailability(int evseId) {
        if (evseId < 1 || evseId > connectors.size()) {
            return "Unavailable";
        }
        return connector(evseId).computeStatus().v2();
    }

    // ------------------------------------------------------------------ reboot and firmware

    /**
     * Reboots: running transactions end with {@code stopReason} (their messages stay queued and go out after the
     * boot), the connection closes, and after the reboot delay the station connects and boots with
     * {@code reason}.
     */
    public void reboot(BootReason reason, StopReason stopReason) {
        sessions.stopAll(stopReason);
        shutDown();
        setConnectionState(ConnectionState.OFF);
        rebootTimer = schedule(config.behaviour().rebootDelay(), () -> {
            rebootTimer = null;
            if (!powered) {
                powerUp(reason);
            }
        });
    }

    /** Firmware installed: reboot into the new version. */
    void installFirmware(String version) {
        firmwareVersion = version;
        reboot(BootReason.FIRMWARE_UPDATE, StopReason.REBOOT);
    }

    /** Runs the task once no transaction runs (at once if none does). */
    public void whenIdle(Runnable task) {
        if (sessions.active() == 0) {
            task.run();
            return;
        }
        if (whenIdle == null) {
            whenIdle = new ArrayList<>(2);
        }
        whenIdle.add(task);
    }

    /** A transaction ended: run what waited for the station to be idle. */
    void transactionEnded() {
        if (whenIdle != null && sessions.active() == 0) {
            List<Runnable> tasks = whenIdle;
            whenIdle = null;
            tasks.forEach(Runnable::run);
        }
    }

    // ------------------------------------------------------------------ ChannelOwner

    @Override
    public String stationId() {
        return config.stationId();
    }

    @Override
    public boolean accepted() {
        return bootState == BootState.ACCEPTED;
    }

    @Override
    public Reply handleCall(String action, ObjectNode payload) {
        if (bootState == BootState.REJECTED) {
            // OCPP: a rejected station does not take commands until it is accepted
            return Reply.error(RpcErrorCode.SECURITY_ERROR, "station is not accepted by the CSMS");
        }
        return CommandHandlers.forVersion(config.version()).handle(this, action, payload);
    }

    @Override
    public SimClock.Timer schedule(Duration delay, Runnable task) {
        StationTimer timer = new StationTimer(task);
        timer.clockTimer = env.clock().schedule(delay, timer);
        return timer;
    }

    @Override
    public Duration callTimeout() {
        return settings.seconds(Settings.MESSAGE_TIMEOUT);
    }

    @Override
    public int transactionMessageAttempts() {
        return Math.max(1, settings.intValue(Settings.MESSAGE_ATTEMPTS));
    }

    @Override
    public Duration transactionMessageRetryInterval() {
        return settings.seconds(Settings.MESSAGE_RETRY_INTERVAL);
    }

    @Override
    public int queueLimit() {
        return config.behaviour().offlineQueueLimit();
    }

    @Override
    public void frame(boolean outgoing, String text) {
        if (traffic != null) {
            traffic.add(new TrafficEntry(now(), outgoing, text));
        }
        env.listener().frame(facade, outgoing, text);
    }

    /** A timer that runs its task on the station's context, and never after it was cancelled. */
    private final class StationTimer implements SimClock.Timer, Runnable {
        private final Runnable task;
        private volatile boolean cancelled;
        SimClock.Timer clockTimer;

        StationTimer(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            if (cancelled) {
                return;
            }
            if (Vertx.currentContext() == context) {
                runTask();
            } else {
                context.runOnContext(v -> runTask());
            }
        }

        private void runTask() {
            if (cancelled) {
                return;
            }
            cancelled = true;
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, config.stationId() + ": scheduled task failed", e);
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            SimClock.Timer timer = clockTimer;
            if (timer != null) {
                timer.cancel();
            }
        }
    }

    // ------------------------------------------------------------------ for sessions, protocols and handlers

    /** Queues a station CALL. */
    public void send(OutgoingCall call) {
        channel.send(call);
    }

    /** A 1.6 StartTransaction or 2.x TransactionEvent(Started) was answered with this authorization status. */
    public void transactionAnswered(ChargingSession session, String status) {
        sessions.answered(session, status);
    }

    /** A transaction's start message could not be delivered. */
    public void transactionStartFailed(ChargingSession session, CallFailure failure) {
        sessions.startFailed(session, failure);
    }

    /** Remembers an authorization answer (authorization cache). */
    public void remember(String idTag, String status) {
        if (settings.boolValue(Settings.AUTH_CACHE_ENABLED)) {
            localAuth.remember(idTag, status);
        }
    }

    /** A meter reading of a connector now. */
    public MeterReading reading(Connector connector, String readingContext, boolean transactionEdge) {
        Instant now = now();
        connector.advance(now);
        String configured = settings.get(transactionEdge ? settingFor("TxEndedMeasurands")
                : settingFor("TxUpdatedMeasurands"), 0);
        List<String> measurands = Arrays.stream(configured.split(","))
                .map(String::trim)
                .filter(MeterReading.SUPPORTED::contains)
                .distinct()
                .toList();
        if (measurands.isEmpty() || transactionEdge) {
            measurands = List.of("Energy.Active.Import.Register");
        }
        ChargingSession session = connector.session;
        Double soc = session != null && !session.ended ? session.soc() : null;
        return new MeterReading(now, connector.registerWh(), connector.powerW(), soc, measurands, readingContext);
    }

    private static Setting settingFor(String variable) {
        return Settings.CATALOG.stream()
                .filter(s -> "SampledDataCtrlr".equals(s.component()) && variable.equals(s.variable()))
                .findFirst()
                .orElseThrow();
    }

    /** The time now. */
    public Instant now() {
        return env.clock().now();
    }

    /** The time now as OCPP writes it. */
    public String timestamp() {
        return format(now());
    }

    /** An instant as OCPP writes it (UTC, milliseconds). */
    public static String format(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** Whether the WebSocket is open. */
    public boolean isOnline() {
        return socket != null;
    }

    /** Whether the station was ever accepted since it was created. */
    boolean everAccepted() {
        return everAccepted;
    }

    /** The configuration. */
    public StationConfig config() {
        return config;
    }

    /** The behaviour. */
    public StationBehaviour behaviour() {
        return config.behaviour();
    }

    /** The version. */
    public OcppVersion version() {
        return config.version();
    }

    /** The public handle. */
    public SimulatedStation facade() {
        return facade;
    }

    /** The firmware version running now. */
    public String firmwareVersion() {
        return firmwareVersion;
    }

    /** The heartbeat interval in use. */
    Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    /** The OCPP security profile the credentials and URL amount to (0 to 3). */
    int securityProfile() {
        Credentials credentials = config.credentials();
        if (credentials instanceof Credentials.ClientCertificate) {
            return 3;
        }
        if (credentials instanceof Credentials.Basic) {
            return facade.tls() ? 2 : 1;
        }
        return 0;
    }

    /** The version's station messages. */
    public StationMessages messages() {
        return messages;
    }

    /** The version's transaction messages. */
    public TransactionProtocol transactions() {
        return transactions;
    }

    /** The connectors, by id - 1. */
    public List<Connector> connectors() {
        return connectors;
    }

    /** A connector by id (1-based). */
    public Connector connector(int id) {
        return connectors.get(id - 1);
    }

    /** Whether a connector (1.6) or EVSE (2.x) id exists. */
    public boolean hasConnector(int id) {
        return id >= 1 && id <= connectors.size();
    }

    /** The sessions. */
    public Sessions sessions() {
        return sessions;
    }

    /** The configuration keys / device model variables. */
    public Settings settings() {
        return settings;
    }

    /** Local authorization list and cache. */
    public LocalAuthorization localAuth() {
        return localAuth;
    }

    /** Installed charging profiles. */
    public ChargingProfiles profiles() {
        return profiles;
    }

    /** Certificates (created on first use). */
    public CertificateStore certificates() {
        if (certificates == null) {
            certificates = new CertificateStore();
        }
        return certificates;
    }

    /** Firmware updates (created on first use). */
    public FirmwareUpdater firmware() {
        if (firmware == null) {
            firmware = new FirmwareUpdater(this);
        }
        return firmware;
    }

    /** Log uploads (created on first use). */
    public LogUploader logs() {
        if (logs == null) {
            logs = new LogUploader(this);
        }
        return logs;
    }

    /** The station's random numbers (seeded from the fleet). */
    public RandomGenerator random() {
        return random;
    }

    /** The fleet's statistics. */
    StationEnvironment env() {
        return env;
    }

    /** Queued or in-flight CALLs. */
    public int pendingCalls() {
        return channel.pending();
    }

    /** Whether transaction messages wait to be delivered (GetTransactionStatus). */
    public boolean hasQueuedTransactionMessages() {
        return channel.hasTransactionMessages();
    }

    /** The recorded frames (empty unless recording). */
    public List<TrafficEntry> traffic() {
        if (traffic == null) {
            return List.of();
        }
        synchronized (traffic) {
            return List.copyOf(traffic);
        }
    }

    /** The WebSocket state (any thread). */
    public ConnectionState connectionState() {
        return connectionState;
    }

    /** The boot state (any thread). */
    public BootState bootState() {
        return bootState;
    }

    private void setConnectionState(ConnectionState state) {
        connectionState = state;
    }

    private void setBootState(BootState state) {
        if (bootState == state) {
            return;
        }
        BootState previous = bootState;
        bootState = state;
        announceBootState(previous);
    }

    private void announceBootState(BootState previous) {
        if (previous != bootState) {
            env.stats().registrationChanged(previous.ocppName(), bootState.ocppName());
            env.listener().bootStateChanged(facade, bootState);
        }
    }

    private static void cancel(SimClock.Timer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }
}
