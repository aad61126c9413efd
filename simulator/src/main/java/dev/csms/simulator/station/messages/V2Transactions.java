package dev.csms.simulator.station.messages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.simulator.connection.CallKind;
import dev.csms.simulator.connection.OutgoingCall;
import dev.csms.simulator.station.ChargingSession;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.SessionOrigin;
import dev.csms.simulator.station.StationRuntime;
import dev.csms.simulator.station.StopReason;

/**
 * OCPP 2.0.1 / 2.1 TransactionEvent. The station owns the transaction id, so every event is complete when it
 * happens: seqNo counts from 0 per transaction, and an event that happens while the station is off line says
 * so ({@code offline: true}).
 */
final class V2Transactions implements TransactionProtocol {

    static final V2Transactions INSTANCE = new V2Transactions();

    private V2Transactions() {
    }

    @Override
    public void started(StationRuntime station, ChargingSession session, String trigger) {
        ObjectNode payload = event(station, session, "Started", trigger);
        info(payload).put("chargingState", session.chargingState().v2());
        if (session.remoteStartId() != null) {
            info(payload).put("remoteStartId", session.remoteStartId());
        }
        idToken(payload, session);
        payload.putObject("evse").put("id", session.connector().id()).put("connectorId", 1);
        payload.putArray("meterValue").add(V2Messages.INSTANCE.meterValue(
                station.reading(session.connector(), "Transaction.Begin", true)));
        if (session.reservationId() != null) {
            payload.put("reservationId", session.reservationId());
        }
        station.send(OutgoingCall.of("TransactionEvent", payload, CallKind.TRANSACTION).then(
                result -> station.transactionAnswered(session, result.has("idTokenInfo")
                        ? station.messages().authorizationStatus(result) : "Accepted"),
                failure -> station.transactionStartFailed(session, failure)));
    }

    @Override
    public void chargingStateChanged(StationRuntime station, ChargingSession session) {
        ObjectNode payload = event(station, session, "Updated", "ChargingStateChanged");
        info(payload).put("chargingState", session.chargingState().v2());
        station.send(OutgoingCall.of("TransactionEvent", payload, CallKind.TRANSACTION));
    }

    @Override
    public void meterSample(StationRuntime station, ChargingSession session) {
        ObjectNode payload = event(station, session, "Updated", "MeterValuePeriodic");
        payload.putArray("meterValue").add(V2Messages.INSTANCE.meterValue(
                station.reading(session.connector(), "Sample.Periodic", false)));
        station.send(OutgoingCall.of("TransactionEvent", payload, CallKind.TRANSACTION).droppable());
    }

    @Override
    public void triggered(StationRuntime station, ChargingSession session) {
        ObjectNode payload = event(station, session, "Updated", "Trigger");
        info(payload).put("chargingState", session.chargingState().v2());
        payload.putArray("meterValue").add(V2Messages.INSTANCE.meterValue(
                station.reading(session.connector(), "Trigger", false)));
        station.send(OutgoingCall.of("TransactionEvent", payload, CallKind.TRANSACTION));
    }

    @Override
    public void ended(StationRuntime station, ChargingSession session) {
        StopReason reason = session.stopReason();
        ObjectNode payload = event(station, session, "Ended", reason.v2TriggerReason());
        info(payload)
                .put("chargingState", "EVConnected")
                .put("stoppedReason", reason.v2StoppedReason());
        if (reason == StopReason.LOCAL) {
            idToken(payload, session);
        }
        payload.putArray("meterValue").add(V2Messages.INSTANCE.meterValue(
                station.reading(session.connector(), "Transaction.End", true)));
        station.send(OutgoingCall.of("TransactionEvent", payload, CallKind.TRANSACTION).then(result -> {
            if (result.has("idTokenInfo")) {
                station.remember(session.idTag(), station.messages().authorizationStatus(result));
            }
        }, failure -> { }));
    }

    private static ObjectNode event(StationRuntime station, ChargingSession session, String type, String trigger) {
        ObjectNode payload = Json.object()
                .put("eventType", type)
                .put("timestamp", station.timestamp())
                .put("triggerReason", trigger)
                .put("seqNo", session.takeSeqNo());
        if (!station.isOnline()) {
            payload.put("offline", true);
        }
        payload.putObject("transactionInfo").put("transactionId", session.transactionId());
        return payload;
    }

    private static ObjectNode info(ObjectNode payload) {
        return (ObjectNode) payload.get("transactionInfo");
    }

    private static void idToken(ObjectNode payload, ChargingSession session) {
        String type = session.origin() == SessionOrigin.REMOTE && session.idTokenType() == null ? "Central"
                : session.idTokenType() == null ? "ISO14443" : session.idTokenType();
        payload.putObject("idToken").put("idToken", session.idTag()).put("type", type);
    }
}
