package dev.csms.events.sessions;

import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.AuthorizationStatus;
import dev.csms.ocpp.canonical.IdToken;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A charging session began, published by session-service on {@code sessions.events}
 * ({@code csms.sessions.SessionStarted.v1}), keyed by station id, once per session: when the first message of its
 * transaction arrived (normally the start; an out-of-order Updated first gives a provisional {@code startedAt}
 * that a later SessionUpdated corrects). A session the CSMS first hears of through its end (an orphan) gets no
 * SessionStarted, only a {@link SessionEnded} with {@code orphan} true.
 *
 * @param sessionId           session-service's id of the session (a UUID), the key to join the three events on
 * @param stationId           the station
 * @param transactionId       the station's transaction id (1.6: the integer the CSMS assigned, in decimal)
 * @param ocppVersion         the station's OCPP version
 * @param evseId              the EVSE (1.6: the connector id); null when not known yet
 * @param connectorId         the connector within the EVSE; null when not known yet
 * @param idToken             the token that started it; null when none yet (2.x: plugged in before authorizing)
 * @param groupIdToken        the token's group in the token registry; null when none
 * @param authorizationStatus the verdict given on {@code idToken}; null when there is no token yet
 * @param startedAt           when the station says it started
 * @param meterStartWh        the first energy register reading (Wh); null when none yet
 * @param remoteStartId       the 2.x remote start it came from; null when none
 * @param reservationId       the reservation it used; null when none
 * @param version             the session's version: every event of a session has a greater one than the last
 */
public record SessionStarted(String sessionId, String stationId, String transactionId, OcppVersion ocppVersion,
        Integer evseId, Integer connectorId, IdToken idToken, IdToken groupIdToken,
        AuthorizationStatus authorizationStatus, Instant startedAt, BigDecimal meterStartWh, Integer remoteStartId,
        Integer reservationId, long version) {
    public SessionStarted {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(ocppVersion, "ocppVersion");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
