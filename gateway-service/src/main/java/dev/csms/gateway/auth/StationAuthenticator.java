package dev.csms.gateway.auth;

import dev.csms.events.credentials.PasswordHashes;
import dev.csms.events.credentials.StationCredentials;
import dev.csms.ocpp.OcppVersion;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides whether a station may connect, from the credentials view alone (no remote call):
 *
 * <ul>
 *   <li>a client certificate that chains to the station CA and names the station: security profile 3;</li>
 *   <li>otherwise HTTP Basic with user name = station id, checked against the PBKDF2 hash: profile 2 over TLS,
 *       profile 1 over plain ws;</li>
 *   <li>a station registered for profile 2 is refused on plain ws, one registered for profile 3 without its
 *       certificate, a disabled station always (403);</li>
 *   <li>an unknown station is refused (401), or admitted with profile 0 for a pending registration when
 *       auto-registration is on.</li>
 * </ul>
 *
 * <p>PBKDF2 is slow on purpose (about 0.1 s of CPU): it runs on a bounded worker pool, never on an event loop, with
 * at most {@code auth.max-queued-verifications} waiting or running (beyond: refused with 503, retry later), and a
 * successful verification is remembered per (station, stored hash) as a keyed HMAC of the password, so that a
 * reconnect storm verifies each station once. The trade-off is in docs/gateway.md.
 */
public final class StationAuthenticator {

    private static final String HMAC = "HmacSHA256";

    private final CredentialsStore credentials;
    private final Optional<StationCertificates> certificates;
    private final WorkerExecutor verifiers;
    private final boolean autoRegistration;
    private final boolean cacheEnabled;
    private final SecretKeySpec cacheKey;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final int maxQueuedVerifications;
    private final AtomicInteger queuedVerifications = new AtomicInteger();

    /** A password that matched a stored hash, as a keyed HMAC (never the password itself). */
    private record Verified(String passwordHash, byte[] mac) {
    }

    public StationAuthenticator(CredentialsStore credentials, Optional<StationCertificates> certificates,
            WorkerExecutor verifiers, boolean autoRegistration, boolean cacheEnabled, int maxQueuedVerifications) {
        this.credentials = credentials;
        this.certificates = certificates;
        this.verifiers = verifiers;
        this.autoRegistration = autoRegistration;
        this.cacheEnabled = cacheEnabled;
        this.maxQueuedVerifications = maxQueuedVerifications;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.cacheKey = new SecretKeySpec(key, HMAC);
    }

    /**
     * Authenticates an upgrade request.
     *
     * @param stationId     the validated identity from the path
     * @param tls           whether the connection is TLS (wss)
     * @param peerChain     the client certificate chain, null when none was presented
     * @param authorization the {@code Authorization} header, null when absent
     * @return the decision; completes on a worker thread when a password had to be verified
     */
    public Future<AuthResult> authenticate(String stationId, boolean tls, Certificate[] peerChain,
            String authorization) {
        Optional<StationCredentials> known = credentials.get(stationId);
        if (tls && peerChain != null && peerChain.length > 0 && certificates.isPresent()) {
            Optional<String> problem = certificates.get().check(stationId, peerChain);
            if (problem.isPresent()) {
                return Future.succeededFuture(new AuthResult.Refused(401, "certificate", problem.get()));
            }
            return Future.succeededFuture(known.map(c -> admitKnown(c, 3))
                    .orElseGet(() -> unknown(stationId)));
        }
        if (known.isEmpty()) {
            return Future.succeededFuture(unknown(stationId));
        }
        StationCredentials station = known.get();
        if (!station.enabled()) {
            return Future.succeededFuture(new AuthResult.Refused(403, "disabled",
                    "station " + stationId + " is disabled"));
        }
        if (station.securityProfile() == 3) {
            return Future.succeededFuture(new AuthResult.Refused(403, "profile",
                    "station " + stationId + " is registered for security profile 3: connect over wss with its "
                            + "client certificate"));
        }
        if (station.securityProfile() == 2 && !tls) {
            return Future.succeededFuture(new AuthResult.Refused(403, "profile",
                    "station " + stationId + " is registered for security profile 2: connect over wss"));
        }
        Optional<char[]> password = basicPassword(stationId, authorization);
        if (password.isEmpty()) {
            return Future.succeededFuture(new AuthResult.Refused(401, "unauthorized",
                    "HTTP Basic authentication with user name " + stationId + " is required"));
        }
        int profile = tls ? 2 : 1;
        char[] secret = password.get();
        byte[] mac = cacheEnabled ? mac(stationId, secret) : null;
        Verified cached = cacheEnabled ? verified.get(stationId) : null;
        if (cached != null && cached.passwordHash().equals(station.passwordHash())
                && MessageDigest.isEqual(cached.mac(), mac)) {
            Arrays.fill(secret, '\0');
            return Future.succeededFuture(admitKnown(station, profile));
        }
        if (queuedVerifications.incrementAndGet() > maxQueuedVerifications) {
            queuedVerifications.decrementAndGet();
            Arrays.fill(secret, '\0');
            return Future.succeededFuture(new AuthResult.Refused(503, "verification-capacity",
                    "too many password verifications are waiting; retry later"));
        }
        return verifiers.executeBlocking(() -> {
            try {
                return PasswordHashes.verify(secret, station.passwordHash());
            } finally {
                Arrays.fill(secret, '\0');
            }
        }, false).onComplete(done -> queuedVerifications.decrementAndGet()).map(matches -> {
            if (!matches) {
                return new AuthResult.Refused(401, "unauthorized", "wrong password for station " + stationId);
            }
            if (cacheEnabled) {
                verified.put(stationId, new Verified(station.passwordHash(), mac));
            }
            return admitKnown(station, profile);
        });
    }

    /** Forgets the remembered verification of a station (its credentials changed or were deleted). */
    public void forget(String stationId) {
        verified.remove(stationId);
    }

    /** Stations with a remembered verification. */
    public int cachedVerifications() {
        return verified.size();
    }

    private AuthResult admitKnown(StationCredentials station, int profile) {
        if (!station.enabled()) {
            return new AuthResult.Refused(403, "disabled", "station " + station.stationId() + " is disabled");
        }
        return new AuthResult.Admitted(profile, station.allowedOcppVersions(), false);
    }

    private AuthResult unknown(String stationId) {
        if (autoRegistration) {
            return new AuthResult.Admitted(0, EnumSet.allOf(OcppVersion.class), true);
        }
        return new AuthResult.Refused(401, "unknown", "station " + stationId + " is not registered");
    }

    /** The password of a Basic header whose user name is the station id; empty when absent or malformed. */
    static Optional<char[]> basicPassword(String stationId, String authorization) {
        if (authorization == null || authorization.length() < 6
                || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(authorization.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(decoded));
            char[] all = new char[chars.remaining()];
            chars.get(all);
            int colon = indexOf(all, ':');
            if (colon < 0 || colon != stationId.length()
                    || !new String(all, 0, colon).equals(stationId) || colon == all.length - 1) {
                Arrays.fill(all, '\0');
                return Optional.empty();
            }
            char[] password = Arrays.copyOfRange(all, colon + 1, all.length);
            Arrays.fill(all, '\0');
            return Optional.of(password);
        } finally {
            Arrays.fill(decoded, (byte) 0);
        }
    }

    private static int indexOf(char[] chars, char c) {
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private byte[] mac(String stationId, char[] password) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(cacheKey);
            mac.update(stationId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            byte[] raw = new byte[bytes.remaining()];
            bytes.get(raw);
            byte[] result = mac.doFinal(raw);
            Arrays.fill(raw, (byte) 0);
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(HMAC + " is part of every JDK", e);
        }
    }
}
