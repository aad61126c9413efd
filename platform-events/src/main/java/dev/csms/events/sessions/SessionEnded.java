package dev.csms.events.sessions;

import dev.csms.ocpp.canonical.IdToken;
import dev.csms.ocpp.canonical.StoppedReason;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A charging session ended, with its totals, published by session-service on {@code sessions.events}
 * ({@code csms.sessions.SessionEnded.v1}), keyed by station id. Normally once per session; a station message that
 * arrives after the end and changes the totals (an out-of-order start or reading, the real stop of a session
 * closed as stale) publishes a corrected SessionEnded with a greater {@code version}: consumers (billing) keep the
 * latest version of each session.
 *
 * @param sessionId      the session
 * @param stationId      the station
 * @param transactionId  the station's transaction id
 * @param evseId         the EVSE; null when never known (a 1.6 orphan stop does not name its connector)
 * @param connectorId    the connector; null when never known
 * @param idToken        the session's token; null when none
 * @param groupIdToken   the token's group in the token registry; null when none
 * @param startedAt      when the station says it started; null for an orphan (its start was never seen)
 * @param endedAt        when it ended: the station's stop time, or when session-service closed it
 * @param endedBy        what ended it
 * @param stoppedReason  the station's reason; null when the station gave none (or did not end it)
 * @param energyWh       energy delivered (Wh), never negative: the sum of the increases of the energy register
 * @param meterStartWh   the first energy register reading (Wh); null when none
 * @param meterStopWh    the last energy register reading (Wh); null when none
 * @param meterAnomalies what was wrong with the register readings; empty when nothing
 * @param orphan         true when the CSMS never saw the start of this transaction
 * @param version        the session's version: every event of a session has a greater one than the last
 */
public record SessionEnded(String sessionId, String stationId, String transactionId, Integer evseId,
        Integer connectorId, IdToken idToken, IdToken groupIdToken, Instant startedAt, Instant endedAt,
        SessionEnd endedBy, StoppedReason stoppedReason, BigDecimal energyWh, BigDecimal meterStartWh,
        BigDecimal meterStopWh, List<MeterAnomaly> meterAnomalies, boolean orphan, long version) {
    public SessionEnded {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(endedBy, "endedBy");
        Objects.requireNonNull(energyWh, "energyWh");
        meterAnomalies = meterAnomalies == null ? List.of() : List.copyOf(meterAnomalies);
    }
}
