package dev.csms.simulator.station.messages;

import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.station.ChargingSession;
import dev.csms.simulator.station.StationRuntime;

/**
 * The transaction messages of one OCPP version: 1.6 StartTransaction / MeterValues / StopTransaction, 2.x
 * TransactionEvent Started / Updated / Ended with seqNo. Each method queues what the version sends at that
 * point of a session (as TRANSACTION calls, so they survive being off line, in order); readings and
 * timestamps are taken when the event happens, not when the message goes out.
 */
public interface TransactionProtocol {

    /** The protocol of a version. */
    static TransactionProtocol of(OcppVersion version) {
        return version.isTwoX() ? V2Transactions.INSTANCE : V16Transactions.INSTANCE;
    }

    /**
     * The transaction started.
     *
     * @param trigger the 2.x triggerReason (Authorized, RemoteStart)
     */
    void started(StationRuntime station, ChargingSession session, String trigger);

    /** The charging state changed (Charging, SuspendedEV, SuspendedEVSE). */
    void chargingStateChanged(StationRuntime station, ChargingSession session);

    /** A periodic meter sample. */
    void meterSample(StationRuntime station, ChargingSession session);

    /** The CSMS asked for the transaction's state (TriggerMessage MeterValues / TransactionEvent). */
    void triggered(StationRuntime station, ChargingSession session);

    /** The transaction ended ({@link ChargingSession#stopReason()} says why). */
    void ended(StationRuntime station, ChargingSession session);
}
