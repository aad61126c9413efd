package dev.csms.simulator.station.messages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.simulator.connection.CallKind;
import dev.csms.simulator.connection.OutgoingCall;
import dev.csms.simulator.station.ChargingSession;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.StationRuntime;
import dev.csms.simulator.station.StopReason;
import java.time.Instant;

/**
 * OCPP 1.6 transactions. The CSMS gives the transaction id in its StartTransaction answer, so every later
 * message of the session builds its payload when it goes out: by then the answer has come (the queue keeps
 * order) even if the session ran off line.
 */
final class V16Transactions implements TransactionProtocol {

    static final V16Transactions INSTANCE = new V16Transactions();

    private V16Transactions() {
    }

    @Override
    public void started(StationRuntime station, ChargingSession session, String trigger) {
        ObjectNode payload = Json.object()
                .put("connectorId", session.connector().id())
                .put("idTag", session.idTag())
                .put("meterStart", session.meterStartWh())
                .put("timestamp", StationRuntime.format(session.startedAt()));
        if (session.reservationId() != null) {
            payload.put("reservationId", session.reservationId());
        }
        station.send(OutgoingCall.of("StartTransaction", payload, CallKind.TRANSACTION).then(result -> {
            session.assignTransactionId(Integer.toString(result.path("transactionId").asInt()));
            station.transactionAnswered(session, station.messages().authorizationStatus(result));
        }, failure -> station.transactionStartFailed(session, failure)));
    }

    @Override
    public void chargingStateChanged(StationRuntime station, ChargingSession session) {
        // 1.6 reports it as StatusNotification (SuspendedEV, SuspendedEVSE), which the station sends anyway.
    }

    @Override
    public void meterSample(StationRuntime station, ChargingSession session) {
        sendMeterValues(station, session, station.reading(session.connector(), "Sample.Periodic", false), true);
    }

    @Override
    public void triggered(StationRuntime station, ChargingSession session) {
        sendMeterValues(station, session, station.reading(session.connector(), "Trigger", false), false);
    }

    private void sendMeterValues(StationRuntime station, ChargingSession session, MeterReading reading,
            boolean droppable) {
        OutgoingCall call = OutgoingCall.lazy("MeterValues", () -> V16Messages.INSTANCE.meterValues(
                session.connector().id(), session.transactionId(), reading), CallKind.TRANSACTION);
        station.send(droppable ? call.droppable() : call);
    }

    @Override
    public void ended(StationRuntime station, ChargingSession session) {
        Instant stoppedAt = station.now();
        MeterReading end = station.reading(session.connector(), "Transaction.End", true);
        long meterStop = Math.round(Math.floor(end.energyWh()));
        StopReason reason = session.stopReason();
        station.send(OutgoingCall.lazy("StopTransaction", () -> {
            if (session.transactionId() == null) {
                throw new IllegalStateException("the CSMS never gave this session a transaction id");
            }
            ObjectNode payload = Json.object()
                    .put("transactionId", Integer.parseInt(session.transactionId()))
                    .put("meterStop", Math.max(meterStop, session.meterStartWh()))
                    .put("timestamp", StationRuntime.format(stoppedAt))
                    .put("reason", reason.v16());
            if (reason == StopReason.LOCAL) {
                payload.put("idTag", session.idTag());
            }
            payload.putArray("transactionData").add(V16Messages.INSTANCE.meterValue(end));
            return payload;
        }, CallKind.TRANSACTION).then(result -> {
            if (result.has("idTagInfo")) {
                station.remember(session.idTag(), station.messages().authorizationStatus(result));
            }
        }, failure -> { }));
    }
}
