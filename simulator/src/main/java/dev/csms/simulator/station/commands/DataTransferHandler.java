package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.StationRuntime;
import java.util.Set;

/**
 * DataTransfer: the simulator's own vendor id {@value #VENDOR_ID} with message id {@value #ECHO} (or none) is
 * Accepted and echoes the data; another message id is UnknownMessageId, another vendor UnknownVendorId.
 */
final class DataTransferHandler implements CommandHandler {

    /** The vendor id the simulated stations understand. */
    static final String VENDOR_ID = "dev.csms.simulator";
    /** The message id that echoes. */
    static final String ECHO = "Echo";

    @Override
    public Set<String> actions(OcppVersion version) {
        return Set.of("DataTransfer");
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        if (!VENDOR_ID.equals(request.path("vendorId").asText())) {
            return Reply.result(Json.status("UnknownVendorId"));
        }
        String messageId = Json.text(request, "messageId");
        if (messageId != null && !ECHO.equals(messageId)) {
            return Reply.result(Json.status("UnknownMessageId"));
        }
        ObjectNode response = Json.status("Accepted");
        JsonNode data = request.get("data");
        if (data != null && !data.isNull()) {
            response.set("data", data.deepCopy());
        }
        return Reply.result(response);
    }
}
