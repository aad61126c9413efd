package dev.csms.gateway.ws;

import dev.csms.gateway.auth.AuthResult;
import dev.csms.gateway.auth.StationAuthenticator;
import dev.csms.gateway.metrics.GatewayMetrics;
import dev.csms.ocpp.OcppVersion;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import org.jboss.logging.Logger;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The upgrade of {@code GET /ocpp/{stationId}}: checks the identity and the offered subprotocols, caps concurrent
 * handshakes, authenticates, picks the version and hands the socket to the {@link ConnectionManager}.
 *
 * <table>
 *   <caption>Refusals</caption>
 *   <tr><th>status</th><th>when</th></tr>
 *   <tr><td>400</td><td>not a WebSocket upgrade; invalid identity; no supported subprotocol offered, or none the
 *       station's registration allows</td></tr>
 *   <tr><td>401</td><td>Basic credentials missing or wrong, certificate not the station's, unknown station
 *       (with {@code WWW-Authenticate: Basic})</td></tr>
 *   <tr><td>403</td><td>station disabled, or registered for a higher security profile than the connection</td></tr>
 *   <tr><td>503</td><td>too many handshakes or password verifications at once, the gateway is shutting down or
 *       still loading its credentials (with Retry-After)</td></tr>
 * </table>
 */
public final class StationEndpoint implements Handler<HttpServerRequest> {

    private static final Logger LOG = Logger.getLogger(StationEndpoint.class);
    private static final String SUBPROTOCOL_HEADER = "Sec-WebSocket-Protocol";
    private static final String EXTENSIONS_HEADER = "Sec-WebSocket-Extensions";
    private static final String SERVER_NO_CONTEXT = "server_no_context_takeover";

    private final StationAuthenticator authenticator;
    private final ConnectionManager connections;
    private final EpochClock epochs;
    private final Clock clock;
    private final GatewayMetrics metrics;
    private final int maxIdentityLength;
    private final int maxConcurrentHandshakes;
    private final long retryAfterSeconds;
    private final int rateBurst;
    private final boolean permessageDeflate;
    private final Supplier<Boolean> accepting;
    private final Supplier<Boolean> draining;

    /**
     * @param accepting whether stations are admitted now
     * @param draining  whether the gateway is shutting down (for the refusal's wording)
     */
    public StationEndpoint(StationAuthenticator authenticator, ConnectionManager connections, EpochClock epochs,
            Clock clock, GatewayMetrics metrics, int maxIdentityLength, int maxConcurrentHandshakes,
            Duration retryAfter, int rateBurst, boolean permessageDeflate, Supplier<Boolean> accepting,
            Supplier<Boolean> draining) {
        this.authenticator = authenticator;
        this.connections = connections;
        this.epochs = epochs;
        this.clock = clock;
        this.metrics = metrics;
        this.maxIdentityLength = maxIdentityLength;
        this.maxConcurrentHandshakes = maxConcurrentHandshakes;
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
        this.rateBurst = rateBurst;
        this.permessageDeflate = permessageDeflate;
        this.accepting = accepting;
        this.draining = draining;
    }

    @Override
    public void handle(HttpServerRequest request) {
        if (!accepting.get()) {
            if (draining.get()) {
                unavailable(request, "draining", "the gateway is shutting down; connect again (another replica)");
            } else {
                unavailable(request, "starting", "the gateway is still loading its credentials; retry shortly");
            }
            return;
        }
        String upgrade = request.getHeader(HttpHeaders.UPGRADE);
        if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
            refuse(request, 400, "upgrade", "expected a WebSocket upgrade (GET with Upgrade: websocket)");
            return;
        }
        String stationId;
        StationIdentity.Result identity = StationIdentity.fromPath(request.path(), maxIdentityLength);
        if (identity instanceof StationIdentity.Invalid invalid) {
            refuse(request, 400, "identity", invalid.reason());
            return;
        }
        stationId = ((StationIdentity.Valid) identity).stationId();
        Set<OcppVersion> offered = Subprotocols.offered(request.headers().getAll(SUBPROTOCOL_HEADER));
        if (offered.isEmpty()) {
            refuse(request, 400, "subprotocol", "no supported OCPP subprotocol offered in " + SUBPROTOCOL_HEADER
                    + "; supported: " + String.join(", ", Subprotocols.SUPPORTED));
            return;
        }
        AtomicInteger inProgress = metrics.handshakesInProgress();
        if (inProgress.incrementAndGet() > maxConcurrentHandshakes) {
            inProgress.decrementAndGet();
            unavailable(request, "capacity", "too many stations are connecting; retry later");
            return;
        }
        Slot slot = new Slot(inProgress);
        request.pause();
        boolean tls = request.isSSL();
        Certificate[] chain = tls ? peerChain(request.sslSession()) : null;
        Context context = Vertx.currentContext();
        authenticator.authenticate(stationId, tls, chain, request.getHeader(HttpHeaders.AUTHORIZATION))
                .onComplete(result -> context.runOnContext(ignored -> {
                    if (result.failed()) {
                        slot.release();
                        LOG.errorf(result.cause(), "Authenticating %s failed", stationId);
                        refuse(request, 500, "error", "authentication failed on the gateway");
                        return;
                    }
                    decide(request, stationId, offered, result.result(), slot);
                }));
    }

    private void decide(HttpServerRequest request, String stationId, Set<OcppVersion> offered, AuthResult result,
            Slot slot) {
        if (result instanceof AuthResult.Refused refused) {
            slot.release();
            if (refused.status() == 503) {
                unavailable(request, refused.reason(), refused.message()); // the verification queue is full
                return;
            }
            if (refused.status() == 401) {
                request.response().putHeader("WWW-Authenticate", "Basic realm=\"OCPP\", charset=\"UTF-8\"");
            }
            refuse(request, refused.status(), refused.reason(), refused.message());
            return;
        }
        AuthResult.Admitted admitted = (AuthResult.Admitted) result;
        Optional<OcppVersion> version = Subprotocols.choose(offered, admitted.allowedVersions());
        if (version.isEmpty()) {
            slot.release();
            refuse(request, 400, "subprotocol", "station " + stationId + " offered " + Subprotocols.describe(offered)
                    + " but its registration allows " + Subprotocols.describe(admitted.allowedVersions()));
            return;
        }
        // Netty picks the first requested subprotocol the server supports, in the station's order; leaving only
        // the chosen one in the request makes the handshake answer exactly the version decided here
        request.headers().set(SUBPROTOCOL_HEADER, version.get().subprotocol());
        String extensions = request.getHeader(EXTENSIONS_HEADER);
        if (permessageDeflate && extensions != null) {
            request.headers().set(EXTENSIONS_HEADER, withoutServerContextTakeover(extensions));
        }
        request.toWebSocket().onComplete(upgraded -> {
            slot.release();
            if (upgraded.failed()) {
                LOG.debugf(upgraded.cause(), "Upgrade of %s failed", stationId);
                metrics.handshakeRejected("upgrade");
                return;
            }
            var socket = upgraded.result();
            long now = System.nanoTime();
            String remote = socket.remoteAddress() == null ? null : socket.remoteAddress().hostAddress();
            StationConnection connection = new StationConnection(stationId, version.get(), epochs.next(),
                    admitted.securityProfile(), admitted.pendingRegistration(), clock.instant(), remote, socket,
                    Vertx.currentContext(), now, rateBurst);
            connections.open(connection);
        });
    }

    private void unavailable(HttpServerRequest request, String reason, String message) {
        long retryAfter = retryAfterSeconds + ThreadLocalRandom.current().nextLong(retryAfterSeconds + 1);
        request.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
        refuse(request, 503, reason, message);
    }

    private void refuse(HttpServerRequest request, int status, String reason, String message) {
        metrics.handshakeRejected(reason);
        LOG.debugf("Refused %s with %d: %s", request.path(), status, message);
        request.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(message);
    }

    /**
     * Adds {@code server_no_context_takeover} to every permessage-deflate offer that lacks it. Netty uses a server
     * context window unless the client offered to do without, and Vert.x cannot force it; RFC 7692 section
     * 7.1.1.1 lets a server answer with the parameter although the offer did not include it, so the station
     * accepts the result.
     */
    static String withoutServerContextTakeover(String extensions) {
        StringBuilder out = new StringBuilder(extensions.length() + 32);
        for (String offer : extensions.split(",")) {
            String trimmed = offer.trim();
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(trimmed);
            String name = trimmed.split(";", 2)[0].trim();
            if (name.equalsIgnoreCase("permessage-deflate") && !trimmed.contains(SERVER_NO_CONTEXT)) {
                out.append("; ").append(SERVER_NO_CONTEXT);
            }
        }
        return out.toString();
    }

    private static Certificate[] peerChain(SSLSession session) {
        if (session == null) {
            return null;
        }
        try {
            return session.getPeerCertificates();
        } catch (SSLPeerUnverifiedException noClientCertificate) {
            return null;
        }
    }

    /** One place in the handshake cap, released exactly once. */
    private static final class Slot {
        private final AtomicInteger inProgress;
        private final AtomicBoolean released = new AtomicBoolean();

        Slot(AtomicInteger inProgress) {
            this.inProgress = inProgress;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                inProgress.decrementAndGet();
            }
        }
    }
}
