package dev.csms.simulator.station.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.simulator.station.BootReason;
import dev.csms.simulator.station.ConnectorStatus;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.StationRuntime;

/** OCPP 1.6 payloads (with the "Improved security for OCPP 1.6-J" messages). */
final class V16Messages implements StationMessages {

    static final V16Messages INSTANCE = new V16Messages();

    private V16Messages() {
    }

    @Override
    public ObjectNode bootNotification(StationRuntime station, BootReason reason) {
        return Json.object()
                .put("chargePointVendor", station.config().vendor())
                .put("chargePointModel", station.config().model())
                .put("chargePointSerialNumber", station.config().serialNumber())
                .put("firmwareVersion", station.firmwareVersion())
                .put("meterType", "SimMeter");
    }

    @Override
    public ObjectNode statusNotification(StationRuntime station, int connectorId, ConnectorStatus status) {
        return Json.object()
                .put("connectorId", connectorId)
                .put("errorCode", status == ConnectorStatus.FAULTED ? "OtherError" : "NoError")
                .put("status", status.v16())
                .put("timestamp", station.timestamp());
    }

    @Override
    public ObjectNode authorize(String idTag, String idTokenType) {
        return Json.object().put("idTag", idTag);
    }

    @Override
    public String authorizationStatus(JsonNode response) {
        return response.path("idTagInfo").path("status").asText("Invalid");
    }

    @Override
    public ObjectNode meterValues(int connectorId, String transactionId, MeterReading reading) {
        ObjectNode payload = Json.object().put("connectorId", connectorId);
        if (transactionId != null) {
            payload.put("transactionId", Integer.parseInt(transactionId));
        }
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
                    .put("value", value == Math.rint(value) ? Long.toString(value.longValue()) : value.toString())
                    .put("context", reading.context())
                    .put("measurand", measurand)
                    .put("unit", MeterReading.unit(measurand));
            if ("SoC".equals(measurand)) {
                sample.put("location", "EV");
            }
        }
        return meterValue;
    }

    @Override
    public String firmwareStatusAction(boolean signed) {
        return signed ? "SignedFirmwareStatusNotification" : "FirmwareStatusNotification";
    }

    @Override
    public ObjectNode firmwareStatus(String status, Integer requestId, boolean signed) {
        ObjectNode payload = Json.object().put("status", status);
        if (signed && requestId != null) {
            payload.put("requestId", requestId);
        }
        return payload;
    }

    @Override
    public String uploadStatusAction(boolean diagnostics) {
        return diagnostics ? "DiagnosticsStatusNotification" : "LogStatusNotification";
    }

    @Override
    public ObjectNode uploadStatus(String status, Integer requestId, boolean diagnostics) {
        ObjectNode payload = Json.object().put("status", status);
        if (!diagnostics && requestId != null) {
            payload.put("requestId", requestId);
        }
        return payload;
    }

    @Override
    public ObjectNode signCertificate(String csr, String certificateType) {
        return Json.object().put("csr", csr);
    }
}
