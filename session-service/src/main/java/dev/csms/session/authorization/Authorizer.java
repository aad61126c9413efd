package dev.csms.session.authorization;

import dev.csms.events.sessions.SessionStatus;
import dev.csms.ocpp.canonical.AuthorizationStatus;
import dev.csms.ocpp.canonical.IdToken;
import dev.csms.ocpp.canonical.IdTokenInfo;
import dev.csms.ocpp.canonical.IdTokenType;
import dev.csms.session.model.ChargingSession;
import dev.csms.session.model.RegisteredToken;
import dev.csms.session.service.TokenRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The authorization decision, the same for Authorize and for the token of a transaction step, in every version:
 *
 * <ol>
 * <li>type NoAuthorization: Accepted (the station charges without identification);</li>
 * <li>not in the registry: Unknown (1.6 stations get Invalid);</li>
 * <li>its status when not Accepted (Blocked, Expired, Invalid, NoCredit, ...); Expired past its expiry;</li>
 * <li>NotAtThisLocation when it names allowed stations and this is not one (1.6: Invalid);</li>
 * <li>its group's verdict when the group is in the registry and not Accepted or expired;</li>
 * <li>Invalid when a reservation holds the EVSE for another token and group;</li>
 * <li>ConcurrentTx when the token is already in as many other active sessions as it may be (default 1), or its
 *     group in as many as the group may be.</li>
 * </ol>
 *
 * Runs inside the caller's transaction. The concurrency count takes a transaction-scoped advisory lock on the token
 * (and group), so two replicas deciding on the same token at once decide one after the other.
 */
@ApplicationScoped
public class Authorizer {

    private final TokenRegistry tokens;
    private final ReservationGuard reservations;
    private final Clock clock;

    Authorizer(TokenRegistry tokens, ReservationGuard reservations, Clock clock) {
        this.tokens = tokens;
        this.reservations = reservations;
        this.clock = clock;
    }

    public Uni<Verdict> decide(AuthorizationRequest request) {
        IdToken idToken = request.idToken();
        if (idToken.type() == IdTokenType.NoAuthorization) {
            return Uni.createFrom().item(new Verdict(IdTokenInfo.of(AuthorizationStatus.Accepted), null));
        }
        return tokens.match(idToken).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(new Verdict(IdTokenInfo.of(AuthorizationStatus.Unknown), null));
            }
            RegisteredToken token = found.get();
            Instant now = clock.instant();
            AuthorizationStatus own = statusOf(token, now);
            if (own != AuthorizationStatus.Accepted) {
                return verdict(own, token);
            }
            if (!token.allowedStations.isEmpty() && !token.allowedStations.contains(request.stationId())) {
                return verdict(AuthorizationStatus.NotAtThisLocation, token);
            }
            return group(token).chain(group -> {
                if (group.isPresent()) {
                    AuthorizationStatus groupStatus = statusOf(group.get(), now);
                    if (groupStatus != AuthorizationStatus.Accepted) {
                        return verdict(groupStatus, token);
                    }
                }
                return reservation(request, token).chain(held -> {
                    if (held) {
                        return verdict(AuthorizationStatus.Invalid, token);
                    }
                    if (!request.checkConcurrency()) {
                        return verdict(AuthorizationStatus.Accepted, token);
                    }
                    return concurrent(request.session(), token, group.orElse(null)).chain(busy -> verdict(
                            busy ? AuthorizationStatus.ConcurrentTx : AuthorizationStatus.Accepted, token));
                });
            });
        });
    }

    private static AuthorizationStatus statusOf(RegisteredToken token, Instant now) {
        if (token.status != AuthorizationStatus.Accepted) {
            return token.status;
        }
        if (token.expiresAt != null && !token.expiresAt.isAfter(now)) {
            return AuthorizationStatus.Expired;
        }
        return AuthorizationStatus.Accepted;
    }

    private Uni<Optional<RegisteredToken>> group(RegisteredToken token) {
        return token.groupValue == null ? Uni.createFrom().item(Optional.empty())
                : tokens.match(token.groupIdToken());
    }

    /** True when a reservation holds the EVSE for someone else. */
    private Uni<Boolean> reservation(AuthorizationRequest request, RegisteredToken token) {
        if (!request.checkReservation()) {
            return Uni.createFrom().item(false);
        }
        return reservations.holdFor(request.stationId(), request.evseId()).map(hold -> hold.map(h -> {
            if (request.reservationId() != null && request.reservationId() == h.reservationId()) {
                return false;
            }
            boolean sameToken = RegisteredToken.keyOf(h.idToken().value()).equals(token.valueKey);
            boolean sameGroup = h.groupIdToken() != null && token.groupKey != null
                    && RegisteredToken.keyOf(h.groupIdToken().value()).equals(token.groupKey);
            return !(sameToken || sameGroup);
        }).orElse(false));
    }

    /** True when the token, or its group, is already in as many other active sessions as it may be. */
    private Uni<Boolean> concurrent(UUID self, RegisteredToken token, RegisteredToken group) {
        UUID exclude = self == null ? new UUID(0, 0) : self;
        return lock(token.valueKey)
                .chain(() -> countActive("idTokenKey", token.valueKey, exclude))
                .chain(ownCount -> {
                    if (ownCount >= token.maxConcurrentSessions) {
                        return Uni.createFrom().item(true);
                    }
                    if (group == null) {
                        return Uni.createFrom().item(false);
                    }
                    return lock("group:" + group.valueKey)
                            .chain(() -> countActive("groupKey", group.valueKey, exclude))
                            .map(groupCount -> groupCount >= group.maxConcurrentSessions);
                });
    }

    private static Uni<Long> countActive(String field, String key, UUID exclude) {
        // Stale sessions do not count: a session nobody heard of for hours must not lock its driver out.
        return ChargingSession.count(field + " = ?1 and status = ?2 and authStatus = ?3 and id <> ?4", key,
                SessionStatus.Active, AuthorizationStatus.Accepted, exclude);
    }

    private static Uni<Void> lock(String key) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", key).getResultList()).replaceWithVoid();
    }

    /** What the station is told: the status, the token's expiry as the cache limit, its group. */
    static IdTokenInfo infoOf(AuthorizationStatus status, RegisteredToken token) {
        return new IdTokenInfo(status, token == null ? null : token.expiresAt,
                token == null ? null : token.groupIdToken(), null, List.of(), null, null, null);
    }

    private static Uni<Verdict> verdict(AuthorizationStatus status, RegisteredToken token) {
        return Uni.createFrom().item(new Verdict(infoOf(status, token), token));
    }
}
