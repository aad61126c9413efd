package dev.csms.device.batch;

import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.StationCall;
import dev.csms.events.ocpp.StationConnected;
import dev.csms.events.ocpp.StationDisconnected;
import dev.csms.ocpp.canonical.StationEvent.BootNotification;
import dev.csms.ocpp.canonical.StationEvent.StatusNotification;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** One decoded {@code ocpp.inbound} record of the batched path, with the record it came from. */
sealed interface BatchItem {

    ConsumerRecord<String, byte[]> record();

    String stationId();

    record Connected(ConsumerRecord<String, byte[]> record, StationConnected event) implements BatchItem {
        @Override
        public String stationId() {
            return event.stationId();
        }
    }

    record Disconnected(ConsumerRecord<String, byte[]> record, StationDisconnected event) implements BatchItem {
        @Override
        public String stationId() {
            return event.stationId();
        }
    }

    record Status(ConsumerRecord<String, byte[]> record, EventEnvelope<StationCall> call, StatusNotification status)
            implements BatchItem {
        @Override
        public String stationId() {
            return call.data().stationId();
        }
    }

    record Boot(ConsumerRecord<String, byte[]> record, EventEnvelope<StationCall> call, BootNotification boot)
            implements BatchItem {
        @Override
        public String stationId() {
            return call.data().stationId();
        }
    }
}
