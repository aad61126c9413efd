package dev.csms.session.rest;

import dev.csms.events.sessions.MeterAnomaly;
import dev.csms.events.sessions.SessionEnd;
import dev.csms.events.sessions.SessionStatus;
import dev.csms.ocpp.canonical.AuthorizationStatus;
import dev.csms.ocpp.canonical.ChargingState;
import dev.csms.ocpp.canonical.StoppedReason;
import dev.csms.session.model.ChargingSession;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A session as the API shows it. */
public record SessionView(String id, String stationId, String transactionId, String ocppVersion, Integer evseId,
        Integer connectorId, TokenRef idToken, TokenRef groupIdToken, AuthorizationStatus authorizationStatus,
        SessionStatus status, boolean orphan, Instant startedAt, Instant endedAt, SessionEnd endedBy,
        StoppedReason stoppedReason, ChargingState chargingState, BigDecimal energyWh, BigDecimal meterStartWh,
        BigDecimal meterLastWh, List<MeterAnomaly> meterAnomalies, Integer remoteStartId, Integer reservationId,
        Instant lastEventAt, long version) {

    public static SessionView of(ChargingSession s) {
        return new SessionView(s.id.toString(), s.stationId, s.transactionId, s.ocppVersion.label(), s.evseId,
                s.connectorId, TokenRef.of(s.idToken()), TokenRef.of(s.groupIdToken()), s.authStatus, s.status,
                s.orphan, s.startedAt, s.endedAt, s.endedBy, s.stoppedReason, s.chargingState, s.energyWh,
                s.meterStartWh, s.meterLastWh, List.copyOf(s.meterAnomalies), s.remoteStartId, s.reservationId,
                s.lastEventAt, s.version);
    }
}
