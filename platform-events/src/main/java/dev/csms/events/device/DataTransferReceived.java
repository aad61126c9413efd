package dev.csms.events.device;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.ocpp.OcppVersion;
import java.time.Instant;
import java.util.Objects;

/**
 * A station sent a DataTransfer of a vendor device-service is configured to accept, published on
 * {@code device.stations} ({@code csms.device.DataTransferReceived.v1}), keyed by station id, atomically with the
 * Accepted answer. A redelivered call publishes the event again with the same {@code callEventId}: consumers
 * deduplicate by it.
 *
 * @param stationId   the station
 * @param callEventId the StationCall's event id ({@code ce_id} on {@code ocpp.inbound}): the same for a redelivery
 * @param ocppVersion the version the station spoke
 * @param vendorId    the vendor
 * @param messageId   the message kind; null when the station gave none
 * @param data        the data as the station sent it (1.6: a JSON string; 2.x: any JSON); null when none
 * @param receivedAt  when the gateway received the call
 */
public record DataTransferReceived(String stationId, String callEventId, OcppVersion ocppVersion, String vendorId,
        String messageId, JsonNode data, Instant receivedAt) {

    public DataTransferReceived {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(callEventId, "callEventId");
        Objects.requireNonNull(ocppVersion, "ocppVersion");
        Objects.requireNonNull(vendorId, "vendorId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        data = data == null ? null : data.deepCopy();
    }

    @Override
    public JsonNode data() {
        return data == null ? null : data.deepCopy();
    }
}
