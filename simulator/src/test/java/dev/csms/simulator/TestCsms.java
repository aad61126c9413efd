package dev.csms.simulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.rpc.Call;
import dev.csms.ocpp.rpc.CallError;
import dev.csms.ocpp.rpc.CallResult;
import dev.csms.ocpp.rpc.RpcCodec;
import dev.csms.ocpp.rpc.RpcMessage;
import dev.csms.ocpp.rpc.RpcParseResult;
import dev.csms.ocpp.schema.MessageKind;
import dev.csms.ocpp.schema.OcppSchemaValidator;
import dev.csms.ocpp.schema.SchemaSamples;
import dev.csms.ocpp.schema.ValidationResult;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;

/**
 * A small CSMS for the tests: a Vert.x WebSocket server on 127.0.0.1 (ephemeral port) that accepts the three
 * OCPP subprotocols at {@code /ocpp/<stationId>}, answers station CALLs (boot decisions per station, transaction
 * ids, authorization; schema samples for notifications), sends commands to stations, records every frame and
 * validates everything stations send against the official schemas.
 */
final class TestCsms implements AutoCloseable {

    /** A frame a station sent. */
    record Received(String stationId, OcppVersion version, RpcMessage message, String action, String text,
            Instant at) {
        ObjectNode payload() {
            if (message instanceof Call call) {
                return call.payload();
            }
            if (message instanceof CallResult result) {
                return result.payload();
            }
            return JsonNodeFactory.instance.objectNode();
        }
    }

    /** A boot answer. */
    record BootDecision(String status, int interval) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final RpcCodec codec = new RpcCodec();
    private final OcppSchemaValidator validator;
    private final SchemaSamples samples = new SchemaSamples();
    private final Map<String, Peer> peers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<BootDecision>> bootPlans = new ConcurrentHashMap<>();
    private final Map<String, BiFunction<String, Call, RpcMessage>> responders = new ConcurrentHashMap<>();
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final List<String> clientCertificateSubjects = new CopyOnWriteArrayList<>();
    private final Map<String, String> remoteHosts = new ConcurrentHashMap<>();
    private final AtomicInteger transactionIds = new AtomicInteger(1000);
    private final AtomicInteger messageIds = new AtomicInteger();
    private final AtomicInteger handshakes = new AtomicInteger();
    private volatile boolean refuse;
    private final boolean record;
    private volatile int heartbeatInterval = 300;
    private final HttpServer server;

    private final class Peer {
        final String stationId;
        final OcppVersion version;
        final ServerWebSocket socket;
        final Map<String, CompletableFuture<RpcMessage>> pending = new ConcurrentHashMap<>();
        final Map<String, String> pendingActions = new ConcurrentHashMap<>();

        Peer(String stationId, OcppVersion version, ServerWebSocket socket) {
            this.stationId = stationId;
            this.version = version;
            this.socket = socket;
        }
    }

    private TestCsms(OcppSchemaValidator validator, HttpServerOptions options) throws Exception {
        this(validator, options, 0, true);
    }

    private TestCsms(OcppSchemaValidator validator, HttpServerOptions options, int port, boolean record)
            throws Exception {
        this.validator = validator;
        this.record = record;
        this.server = vertx.createHttpServer(options
                .setHost("127.0.0.1")
                .setPort(port)
                // answers to the fullest schema samples are large (GetVariables echoes every long name)
                .setMaxWebSocketFrameSize(1 << 20)
                .setMaxWebSocketMessageSize(4 << 20)
                .setWebSocketSubProtocols(List.of("ocpp1.6", "ocpp2.0.1", "ocpp2.1")));
        server.webSocketHandler(this::accept);
        server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** A plain ws:// CSMS on a fixed port that keeps no frames (for load runs: see TestCsmsMain). */
    static TestCsms startUnrecorded(OcppSchemaValidator validator, int port) throws Exception {
        return new TestCsms(validator, new HttpServerOptions(), port, false);
    }

    /** A plain ws:// CSMS. */
    static TestCsms start(OcppSchemaValidator validator) throws Exception {
        return new TestCsms(validator, new HttpServerOptions());
    }

    /** A wss:// CSMS with this server key, requiring client certificates trusted by {@code trust}. */
    static TestCsms startTls(OcppSchemaValidator validator, KeyStore serverKey, char[] password,
            KeyStore trust) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(serverKey, password);
        TrustManagerFactory trusted = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trusted.init(trust);
        return new TestCsms(validator, new HttpServerOptions()
                .setSsl(true)
                .setKeyCertOptions(KeyCertOptions.wrap(keys))
                .setTrustOptions(TrustOptions.wrap(trusted))
                .setClientAuth(ClientAuth.REQUIRED));
    }

    String url() {
        return "ws://127.0.0.1:" + server.actualPort() + "/ocpp";
    }

    String tlsUrl() {
        return "wss://localhost:" + server.actualPort() + "/ocpp";
    }

    int port() {
        return server.actualPort();
    }

    // ------------------------------------------------------------------ configuration

    /** Boot answers for a station, in order; the last one repeats. */
    void bootPlan(String stationId, BootDecision... decisions) {
        bootPlans.put(stationId, new ArrayDeque<>(List.of(decisions)));
    }

    /** Answers an action with a function instead of the default. */
    void respond(String action, BiFunction<String, Call, RpcMessage> responder) {
        responders.put(action, responder);
    }

    /** Requires HTTP Basic with this password for the station. */
    void password(String stationId, String password) {
        passwords.put(stationId, password);
    }

    /** Refuses WebSocket handshakes (HTTP 503) while true. */
    void refuseConnections(boolean refuse) {
        this.refuse = refuse;
    }

    void heartbeatInterval(int seconds) {
        this.heartbeatInterval = seconds;
    }

    // ------------------------------------------------------------------ what happened

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The CALLs a station sent for an action, in order. */
    List<Received> calls(String stationId, String action) {
        return received.stream()
                .filter(r -> r.stationId.equals(stationId) && r.message instanceof Call c && c.action().equals(action))
                .toList();
    }

    /** The CALLs a station sent, in order. */
    List<Received> calls(String stationId) {
        return received.stream().filter(r -> r.stationId.equals(stationId) && r.message instanceof Call).toList();
    }

    /** Every schema violation in what stations sent. */
    List<String> violations() {
        return List.copyOf(violations);
    }

    int handshakes() {
        return handshakes.get();
    }

    List<String> clientCertificateSubjects() {
        return List.copyOf(clientCertificateSubjects);
    }

    /** The source address each station connected from, last connection. */
    Map<String, String> remoteHosts() {
        return Map.copyOf(remoteHosts);
    }

    boolean connected(String stationId) {
        return peers.containsKey(stationId);
    }

    // ------------------------------------------------------------------ commands

    /** Sends a CALL to a station; completes with its CALLRESULT or CALLERROR. */
    CompletableFuture<RpcMessage> call(String stationId, String action, ObjectNode payload) {
        Peer peer = peers.get(stationId);
        if (peer == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(stationId + " is not connected"));
        }
        String id = "csms-" + messageIds.incrementAndGet();
        CompletableFuture<RpcMessage> answer = new CompletableFuture<>();
        peer.pending.put(id, answer);
        peer.pendingActions.put(id, action);
        peer.socket.writeTextMessage(codec.serialize(peer.version, new Call(id, action, payload)));
        return answer;
    }

    /** Sends a raw text frame to a station. */
    void sendRaw(String stationId, String text) {
        peers.get(stationId).socket.writeTextMessage(text);
    }

    /** Closes a station's connection from the CSMS side. */
    void disconnect(String stationId) {
        Peer peer = peers.remove(stationId);
        if (peer != null) {
            peer.socket.close();
        }
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    // ------------------------------------------------------------------ server side

    private void accept(ServerWebSocket socket) {
        handshakes.incrementAndGet();
        String path = socket.path();
        if (refuse || !path.startsWith("/ocpp/")) {
            socket.reject(refuse ? 503 : 404);
            return;
        }
        String stationId = URLDecoder.decode(path.substring("/ocpp/".length()), StandardCharsets.UTF_8);
        // the subprotocol is negotiated by the handshake, after this handler: read what the station offers
        Optional<OcppVersion> version = Optional.ofNullable(socket.headers().get("Sec-WebSocket-Protocol"))
                .map(String::trim).flatMap(OcppVersion::fromSubprotocol);
        if (version.isEmpty()) {
            socket.reject(400);
            return;
        }
        String expected = passwords.get(stationId);
        if (expected != null) {
            String header = socket.headers().get("Authorization");
            String wanted = "Basic " + Base64.getEncoder().encodeToString((stationId + ":" + expected)
                    .getBytes(StandardCharsets.UTF_8));
            if (!wanted.equals(header)) {
                socket.reject(401);
                return;
            }
        }
        if (socket.isSsl()) {
            try {
                X509Certificate certificate = (X509Certificate) socket.sslSession().getPeerCertificates()[0];
                clientCertificateSubjects.add(certificate.getSubjectX500Principal().getName());
            } catch (SSLPeerUnverifiedException e) {
                socket.reject(403);
                return;
            }
        }
        remoteHosts.put(stationId, socket.remoteAddress().host());
        Peer peer = new Peer(stationId, version.get(), socket);
        Peer previous = peers.put(stationId, peer);
        if (previous != null) {
            previous.socket.close();
        }
        socket.textMessageHandler(text -> onFrame(peer, text));
        socket.closeHandler(v -> peers.remove(stationId, peer));
    }

    private void onFrame(Peer peer, String text) {
        RpcParseResult parsed = codec.parse(peer.version, text);
        if (parsed instanceof RpcParseResult.Failed failed) {
            violations.add(peer.stationId + " sent an unreadable frame: " + failed.error());
            return;
        }
        RpcMessage message = ((RpcParseResult.Parsed) parsed).message();
        if (message instanceof Call call) {
            check(peer, call.action(), MessageKind.REQUEST, call.payload());
            if (record) {
                received.add(new Received(peer.stationId, peer.version, call, call.action(), text, Instant.now()));
            }
            answer(peer, call);
        } else if (message instanceof CallResult result) {
            String action = peer.pendingActions.remove(result.messageId());
            if (action != null) {
                check(peer, action, MessageKind.RESPONSE, result.payload());
            }
            received.add(new Received(peer.stationId, peer.version, result, action, text, Instant.now()));
            Optional.ofNullable(peer.pending.remove(result.messageId())).ifPresent(f -> f.complete(result));
        } else if (message instanceof CallError error) {
            String action = peer.pendingActions.remove(error.messageId());
            received.add(new Received(peer.stationId, peer.version, error, action, text, Instant.now()));
            Optional.ofNullable(peer.pending.remove(error.messageId())).ifPresent(f -> f.complete(error));
        }
    }

    private void check(Peer peer, String action, MessageKind kind, ObjectNode payload) {
        ValidationResult result = validator.validate(peer.version, action, kind, payload);
        if (!result.isValid()) {
            violations.add(peer.stationId + ": " + result + " payload=" + payload);
        }
    }

    private void answer(Peer peer, Call call) {
        BiFunction<String, Call, RpcMessage> responder = responders.get(call.action());
        RpcMessage reply = responder != null ? responder.apply(peer.stationId, call)
                : new CallResult(call.messageId(), defaultAnswer(peer, call));
        if (reply != null) {
            peer.socket.writeTextMessage(codec.serialize(peer.version, reply));
        }
    }

    private ObjectNode defaultAnswer(Peer peer, Call call) {
        boolean twoX = peer.version.isTwoX();
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        switch (call.action()) {
            case "BootNotification" -> {
                Deque<BootDecision> plan = bootPlans.get(peer.stationId);
                BootDecision decision = plan == null ? new BootDecision("Accepted", heartbeatInterval)
                        : plan.size() > 1 ? plan.poll() : plan.peek();
                answer.put("currentTime", now).put("interval", decision.interval()).put("status", decision.status());
            }
            case "Heartbeat" -> answer.put("currentTime", now);
            case "Authorize" -> answer.putObject(twoX ? "idTokenInfo" : "idTagInfo").put("status",
                    authorization(call.payload()));
            case "StartTransaction" -> {
                answer.putObject("idTagInfo").put("status", authorization(call.payload()));
                answer.put("transactionId", transactionIds.incrementAndGet());
            }
            case "StopTransaction" -> answer.putObject("idTagInfo").put("status", "Accepted");
            case "TransactionEvent" -> {
                if (call.payload().has("idToken")) {
                    answer.putObject("idTokenInfo").put("status", authorization(call.payload()));
                }
            }
            case "DataTransfer", "SignCertificate" -> answer.put("status", "Accepted");
            default -> {
                return samples.minimal(peer.version, call.action(), MessageKind.RESPONSE);
            }
        }
        return answer;
    }

    /** Tags starting with BLOCKED are refused. */
    private static String authorization(ObjectNode payload) {
        String tag = payload.has("idTag") ? payload.get("idTag").asText()
                : payload.path("idToken").path("idToken").asText();
        return tag.startsWith("BLOCKED") ? "Blocked" : "Accepted";
    }

    /** The actions a station of a version must answer with CALLRESULT (the task's list). */
    static Set<String> mustAnswer(OcppVersion version) {
        return version.isTwoX()
                ? Set.of("RequestStartTransaction", "RequestStopTransaction", "Reset", "UnlockConnector",
                        "ChangeAvailability", "GetVariables", "SetVariables", "GetBaseReport", "TriggerMessage",
                        "UpdateFirmware", "GetLog", "ReserveNow", "CancelReservation", "SendLocalList",
                        "GetLocalListVersion", "ClearCache", "SetChargingProfile", "ClearChargingProfile",
                        "GetCompositeSchedule", "CertificateSigned", "InstallCertificate",
                        "GetInstalledCertificateIds", "DeleteCertificate", "DataTransfer")
                : Set.of("RemoteStartTransaction", "RemoteStopTransaction", "Reset", "UnlockConnector",
                        "ChangeAvailability", "GetConfiguration", "ChangeConfiguration", "TriggerMessage",
                        "ExtendedTriggerMessage", "UpdateFirmware", "SignedUpdateFirmware", "GetDiagnostics",
                        "GetLog", "ReserveNow", "CancelReservation", "SendLocalList", "GetLocalListVersion",
                        "ClearCache", "SetChargingProfile", "ClearChargingProfile", "GetCompositeSchedule",
                        "CertificateSigned", "InstallCertificate", "GetInstalledCertificateIds",
                        "DeleteCertificate", "DataTransfer");
    }
}
