package dev.csms.simulator.station.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.simulator.station.BootReason;
import dev.csms.simulator.station.ConnectorStatus;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.StationRuntime;
import java.math.BigDecimal;

/** OCPP 2.0.1 and 2.1 payloads (2.1 only adds optional fields to what a station sends here). */
final class V2Messages implements StationMessages {

    static final V2Messages INSTANCE = new V2Messages();

    private V2Messages() {
    }

    @Override
    public ObjectNode bootNotification(StationRuntime station, BootReason reason) {
        ObjectNode payload = Json.object().put("reason", reason.ocpp());
        payload.putObject("chargingStation")
                .put("model", station.config().model())
                .put("vendorName", station.config().vendor())
                .put("serialNumber", station.config().serialNumber())
                .put("firmwareVersion", station.firmwareVersion());
        return payload;
    }

    @Override
    public ObjectNode statusNotification(StationRuntime station, int connectorId, ConnectorStatus status) {
        return Json.object()
                .put("timestamp", station.timestamp())
                .put("connectorStatus", status.v2())
                .put("evseId", connectorId)
                .put("connectorId", 1);
    }

    @Override
    public ObjectNode authorize(String idTag, String idTokenType) {
        ObjectNode payload = Json.object();
        payload.putObject("idToken").put("idToken", idTag).put("type", idTokenType);
        return payload;
    }

    @Override
    public String authorizationStatus(JsonNode response) {
        return response.path("idTokenInfo").path("status").asText("Invalid");
    }

    @Override
    public ObjectNode meterValues(int connectorId, String transactionId, MeterReading reading) {
        ObjectNode payload = Json.object().put("evseId", connectorId);
        payload.putArray("meterValue").add(meterValue(reading));
        return payload;
    }

    @Override
    public ObjectNode meterValue(MeterReading reading) {
        ObjectNode meterValue = Json.object().put("timestamp", StationRuntime.format(reading.timestamp()));
        ArrayNode sampled = meterValue.putArray("sampledValue");
        for (String measurand : reading.measurands()) {
            Double value = reading.value(measurand);
            if (value == null) {
                continue;
            }
            ObjectNode sample = sampled.addObject()
                    .put("value", BigDecimal.valueOf(value).stripTrailingZeros())
                    .put("context", reading.context())
                    .put("measurand", measurand);
            if ("SoC".equals(measurand)) {
                sample.put("location", "EV");
            }
            sample.putObject("unitOfMeasure").put("unit", MeterReading.unit(measurand));
        }
        return meterValue;
    }

    @Override
    public String firmwareStatusAction(boolean signed) {
        return "FirmwareStatusNotification";
    }

    @Override
    public ObjectNode firmwareStatus(String status, Integer requestId, boolean signed) {
        ObjectNode payload = Json.object().put("status", status);
        if (requestId != null) {
            payload.put("requestId", requestId);
        }
        return payload;
    }

    @Override
    public String uploadStatusAction(boolean diagnostics) {
        return "LogStatusNotification";
    }

    @Override
    public ObjectNode uploadStatus(String status, Integer requestId, boolean diagnostics) {
        ObjectNode payload = Json.object().put("status", status);
        if (requestId != null) {
            payload.put("requestId", requestId);
        }
        return payload;
    }

    @Override
    public ObjectNode signCertificate(String csr, String certificateType) {
        ObjectNode payload = Json.object().put("csr", csr);
        if (certificateType != null) {
            payload.put("certificateType", certificateType);
        }
        return payload;
    }
}
