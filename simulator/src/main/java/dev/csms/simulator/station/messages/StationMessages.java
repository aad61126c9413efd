package dev.csms.simulator.station.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.station.BootReason;
import dev.csms.simulator.station.ConnectorStatus;
import dev.csms.simulator.station.StationRuntime;

/**
 * The payloads of the requests a station sends that are not transaction messages, for one OCPP version
 * (1.6, or 2.0.1 and 2.1, whose payloads agree for everything a station sends here). Stateless: one instance
 * per version serves every station.
 */
public interface StationMessages {

    /** The messages of a version. */
    static StationMessages of(OcppVersion version) {
        return version.isTwoX() ? V2Messages.INSTANCE : V16Messages.INSTANCE;
    }

    /** BootNotification. */
    ObjectNode bootNotification(StationRuntime station, BootReason reason);

    /** StatusNotification of a connector (1.6 connector 0 is the whole station). */
    ObjectNode statusNotification(StationRuntime station, int connectorId, ConnectorStatus status);

    /** Authorize for an id tag. */
    ObjectNode authorize(String idTag, String idTokenType);

    /** The authorization status in an Authorize or transaction response (Invalid when there is none). */
    String authorizationStatus(JsonNode response);

    /** Non-transaction MeterValues of a connector (2.x; 1.6 adds the transaction id itself). */
    ObjectNode meterValues(int connectorId, String transactionId, MeterReading reading);

    /** The action that reports firmware status ({@code signed}: 1.6 SignedUpdateFirmware). */
    String firmwareStatusAction(boolean signed);

    /** A firmware status report. */
    ObjectNode firmwareStatus(String status, Integer requestId, boolean signed);

    /** The action that reports an upload ({@code diagnostics}: 1.6 GetDiagnostics). */
    String uploadStatusAction(boolean diagnostics);

    /** An upload status report. */
    ObjectNode uploadStatus(String status, Integer requestId, boolean diagnostics);

    /** SignCertificate with a CSR. */
    ObjectNode signCertificate(String csr, String certificateType);

    /** A sampled-values meter value. */
    ObjectNode meterValue(MeterReading reading);
}
