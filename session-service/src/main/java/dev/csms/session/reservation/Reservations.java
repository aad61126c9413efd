package dev.csms.session.reservation;

import dev.csms.events.ocpp.Presence;
import dev.csms.events.sessions.ReservationStatus;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.IdTokenType;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.runtime.command.CommandLedger;
import dev.csms.runtime.command.CommandRequest;
import dev.csms.runtime.outbox.Outbox;
import dev.csms.runtime.presence.PresenceView;
import dev.csms.runtime.problem.ProblemException;
import dev.csms.runtime.problem.ProblemTypes;
import dev.csms.session.model.ChargingSession;
import dev.csms.session.model.RegisteredToken;
import dev.csms.session.rest.ReservationCommand;
import dev.csms.session.rest.ReservationPage;
import dev.csms.session.rest.ReservationQuery;
import dev.csms.session.rest.ReservationRequest;
import dev.csms.session.rest.ReservationView;
import dev.csms.session.rest.TokenRef;
import dev.csms.session.service.SessionRecords;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reservations: ReserveNow and CancelReservation through the durable {@link CommandLedger} (kind {@value #KIND},
 * reference = the reservation id), and every change of state, each in one transaction with its
 * {@code ReservationChanged} event (outbox).
 *
 * <pre>
 * Requested --station accepts--> Active --transaction starts with it--> Used
 *     |                            |----CancelReservation accepted / station Removed--> Cancelled
 *     |--refused, error, timeout--> Rejected            |----expiry (sweep) / station Expired--> Expired
 * </pre>
 */
@ApplicationScoped
public class Reservations {

    /** Ledger kind of ReserveNow and CancelReservation; the reference is the reservation id. */
    public static final String KIND = "reservation";
    static final List<ReservationStatus> LIVE = List.of(ReservationStatus.Requested, ReservationStatus.Active);
    /** OCPP 1.6 idTag / parentIdTag: at most 20 characters. */
    private static final int ID_TAG_LENGTH = 20;
    /** OCPP 2.x IdTokenType.idToken: at most 36 characters. */
    private static final int ID_TOKEN_LENGTH = 36;
    /** Token types 2.0.1 does not have (2.1 added them). */
    private static final Set<IdTokenType> ONLY_IN_2_1 = Set.of(IdTokenType.DirectPayment, IdTokenType.EVCCID,
            IdTokenType.VIN);
    private static final int BATCH = 500;

    private final CommandLedger ledger;
    private final PresenceView presence;
    private final SessionRecords records;
    private final Outbox outbox;
    private final Clock clock;

    Reservations(CommandLedger ledger, PresenceView presence, SessionRecords records, Outbox outbox, Clock clock) {
        this.ledger = ledger;
        this.presence = presence;
        this.records = records;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Sends ReserveNow to a connected station and records the reservation as Requested. */
    public Uni<ReservationCommand> reserve(ReservationRequest request, String requestedBy) {
        Instant now = clock.instant();
        OcppVersion version;
        Integer evse = request.evseId() == null || request.evseId() == 0 ? null : request.evseId();
        try {
            if (!request.expiresAt().isAfter(now)) {
                throw ProblemException.badRequest("expiresAt " + request.expiresAt() + " is not in the future");
            }
            version = connectedVersion(request.stationId());
            checkToken(version, request.idToken(), "idToken");
            if (request.groupIdToken() != null) {
                checkToken(version, request.groupIdToken(), "groupIdToken");
            }
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.withTransaction(() -> nextReservationId().chain(id -> ledger.submit(new CommandRequest(
                request.stationId(), new StationCommand.ReserveNow(id, request.expiresAt(),
                        request.idToken().toIdToken(), request.groupIdToken() == null ? null
                                : request.groupIdToken().toIdToken(), evse, null), KIND, String.valueOf(id),
                requestedBy, null)).chain(sent -> {
                    Reservation r = new Reservation();
                    r.id = id;
                    r.stationId = request.stationId();
                    r.ocppVersion = version;
                    r.evseId = evse;
                    r.idTokenValue = request.idToken().value();
                    r.idTokenType = request.idToken().type();
                    r.idTokenKey = RegisteredToken.keyOf(r.idTokenValue);
                    if (request.groupIdToken() != null) {
                        r.groupValue = request.groupIdToken().value();
                        r.groupType = request.groupIdToken().type();
                        r.groupKey = RegisteredToken.keyOf(r.groupValue);
                    }
                    r.expiresAt = request.expiresAt();
                    r.status = ReservationStatus.Requested;
                    r.commandId = sent.commandId();
                    r.requestedBy = requestedBy;
                    r.createdAt = now;
                    r.updatedAt = now;
                    r.version = 1;
                    return r.persist().chain(() -> outbox.enqueue(records.reservationChanged(r)))
                            .replaceWith(new ReservationCommand(sent.commandId(), id, r.stationId));
                })));
    }

    /** Sends CancelReservation for a Requested or Active reservation; it is Cancelled once the station accepts. */
    public Uni<ReservationCommand> cancel(String reservationId, String requestedBy) {
        Integer id = parse(reservationId);
        if (id == null) {
            return Uni.createFrom().failure(notFound(reservationId));
        }
        return Panache.withTransaction(() -> Reservation.<Reservation>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .chain(r -> {
                    if (r == null) {
                        throw notFound(reservationId);
                    }
                    if (!r.live()) {
                        throw ProblemException.conflict("reservation " + id + " is " + r.status
                                + ", not Requested or Active");
                    }
                    connectedVersion(r.stationId);
                    return ledger.submit(new CommandRequest(r.stationId, new StationCommand.CancelReservation(id),
                            KIND, String.valueOf(id), requestedBy, null)).map(sent -> {
                                r.cancelCommandId = sent.commandId();
                                r.updatedAt = clock.instant();
                                return new ReservationCommand(sent.commandId(), id, r.stationId);
                            });
                }));
    }

    public Uni<ReservationView> get(String reservationId) {
        Integer id = parse(reservationId);
        if (id == null) {
            return Uni.createFrom().failure(notFound(reservationId));
        }
        return Panache.withSession(() -> Reservation.<Reservation>findById(id).map(r -> {
            if (r == null) {
                throw notFound(reservationId);
            }
            return ReservationView.of(r);
        }));
    }

    /** Reservations, newest first. */
    public Uni<ReservationPage> search(ReservationQuery query) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.stationId != null) {
            where.append(" and stationId = :station");
            params.put("station", query.stationId);
        }
        if (query.status != null) {
            where.append(" and status = :status");
            params.put("status", ReservationStatus.valueOf(query.status));
        }
        return Panache.withSession(() -> Reservation.<Reservation>find(where + " order by id desc", params)
                .page(Page.of(query.page, query.size)).list()
                .chain(items -> Reservation.count(where.toString(), params).map(total -> new ReservationPage(
                        items.stream().map(ReservationView::of).toList(), query.page, query.size, total))));
    }

    /** Marks the live reservations past their expiry Expired (a batch); returns how many. */
    public Uni<Integer> expire() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Reservation.<Reservation>find(
                        "status in ?1 and expiresAt <= ?2 order by expiresAt", LIVE, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE).range(0, BATCH - 1).list().chain(found -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Reservation r : found) {
                        chain = chain.chain(() -> change(r, ReservationStatus.Expired, null));
                    }
                    return chain.replaceWith(found.size());
                }));
    }

    /**
     * The station's ReservationStatusUpdate (2.x): Expired expires a live reservation, Removed cancels it. Runs in
     * the caller's transaction; an unknown or already final reservation is left alone.
     */
    public Uni<Void> stationUpdate(String stationId, int reservationId, String update) {
        return Reservation.<Reservation>find("id = ?1 and stationId = ?2", reservationId, stationId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult().chain(r -> {
                    if (r == null || !r.live()) {
                        return Uni.createFrom().voidItem();
                    }
                    return "Expired".equals(update) ? change(r, ReservationStatus.Expired, "station: Expired")
                            : change(r, ReservationStatus.Cancelled, "station: " + update);
                });
    }

    /**
     * Marks the reservation a session started with Used: the one the transaction names (1.6
     * StartTransaction.reservationId, 2.x TransactionEvent.reservationId), or else, when the token was accepted, an
     * Active reservation of its token or group on the session's EVSE (or of the whole station). Runs in the caller's
     * transaction; the session gets the reservation's id.
     *
     * @param named    the reservation the transaction names; null when none
     * @param accepted whether the session's token was accepted
     */
    public Uni<Void> use(ChargingSession s, Integer named, boolean accepted) {
        Uni<Reservation> found;
        if (named != null) {
            found = Reservation.<Reservation>find("id = ?1 and stationId = ?2 and status in ?3", named, s.stationId,
                    LIVE).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        } else if (accepted && s.evseId != null && s.idTokenKey != null) {
            found = Reservation.<Reservation>find("stationId = ?1 and status = ?2 and expiresAt > ?3"
                            + " and (evseId is null or evseId = ?4) and (idTokenKey = ?5 or groupKey = ?6)"
                            + " order by evseId nulls last, id", s.stationId, ReservationStatus.Active,
                    clock.instant(), s.evseId, s.idTokenKey, s.groupKey == null ? "" : s.groupKey)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        } else {
            return Uni.createFrom().voidItem();
        }
        return found.chain(r -> {
            if (r == null) {
                return Uni.createFrom().voidItem();
            }
            r.sessionId = s.id;
            if (s.reservationId == null) {
                s.reservationId = r.id;
            }
            return change(r, ReservationStatus.Used, null);
        });
    }

    /** A new state, its event in the outbox (same transaction). */
    Uni<Void> change(Reservation r, ReservationStatus status, String reason) {
        r.status = status;
        r.reason = reason;
        r.updatedAt = clock.instant();
        r.version++;
        return outbox.enqueue(records.reservationChanged(r));
    }

    private void checkToken(OcppVersion version, TokenRef token, String field) {
        if (token.type() == IdTokenType.NoAuthorization || token.type() == IdTokenType.Other) {
            throw ProblemException.badRequest(field + " of type " + token.type() + " cannot be reserved for");
        }
        if (version == OcppVersion.V1_6) {
            if (token.value().length() > ID_TAG_LENGTH) {
                throw ProblemException.badRequest("an OCPP 1.6 idTag has at most " + ID_TAG_LENGTH
                        + " characters (" + field + ")");
            }
            return;
        }
        if (token.value().length() > ID_TOKEN_LENGTH) {
            throw ProblemException.badRequest("an OCPP " + version.label() + " idToken has at most "
                    + ID_TOKEN_LENGTH + " characters (" + field + ")");
        }
        if (version == OcppVersion.V2_0_1 && ONLY_IN_2_1.contains(token.type())) {
            throw ProblemException.badRequest("OCPP 2.0.1 has no token type " + token.type() + " (" + field + ")");
        }
    }

    private OcppVersion connectedVersion(String stationId) {
        return presence.get(stationId).map(Presence::ocppVersion)
                .orElseThrow(() -> new ProblemException(ProblemTypes.STATION_OFFLINE, 409, "Station offline",
                        "Station " + stationId + " is not connected"));
    }

    private static Integer parse(String id) {
        try {
            return Integer.valueOf(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("no reservation " + id);
    }

    private static Uni<Integer> nextReservationId() {
        return Panache.getSession().chain(session -> session.createNativeQuery("select nextval('reservation_number')")
                .getSingleResult()).map(number -> ((Number) number).intValue());
    }
}
