package dev.csms.device.alert;

import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.device.AlertCleared;
import dev.csms.events.device.AlertRaised;
import dev.csms.localstack.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads device.alerts: the AlertRaised/AlertCleared events of a station and alert type. */
public final class AlertProbe implements AutoCloseable {

    private final EventCodec codec = new EventCodec();
    private final TopicProbe probe = new TopicProbe(Topics.unprefixed().name(Topics.DEVICE_ALERTS));

    public AlertRaised awaitRaised(String stationId, AlertType type) {
        return codec.fromRecord(probe.await(r -> raised(r, stationId, type)), EventTypes.ALERT_RAISED).data();
    }

    /** Waits for {@code count} AlertRaised of the station and type; returns them in order. */
    public List<AlertRaised> awaitRaised(String stationId, AlertType type, int count) {
        return probe.awaitAll(r -> raised(r, stationId, type), count).stream()
                .map(r -> codec.fromRecord(r, EventTypes.ALERT_RAISED).data()).toList();
    }

    public AlertCleared awaitCleared(String stationId, AlertType type) {
        return codec.fromRecord(probe.await(r -> cleared(r, stationId, type)), EventTypes.ALERT_CLEARED).data();
    }

    /** Every AlertRaised of the station and type received so far, after polling a little longer. */
    public List<AlertRaised> allRaised(String stationId, AlertType type) {
        return probe.collectFor(r -> raised(r, stationId, type), Duration.ofSeconds(1)).stream()
                .map(r -> codec.fromRecord(r, EventTypes.ALERT_RAISED).data()).toList();
    }

    private boolean raised(ConsumerRecord<String, byte[]> r, String stationId, AlertType type) {
        return stationId.equals(r.key()) && EventTypes.ALERT_RAISED.type().equals(type(r))
                && codec.fromRecord(r, EventTypes.ALERT_RAISED).data().type().equals(type.name());
    }

    private boolean cleared(ConsumerRecord<String, byte[]> r, String stationId, AlertType type) {
        return stationId.equals(r.key()) && EventTypes.ALERT_CLEARED.type().equals(type(r))
                && codec.fromRecord(r, EventTypes.ALERT_CLEARED).data().type().equals(type.name());
    }

    private static String type(ConsumerRecord<String, byte[]> r) {
        var header = r.headers().lastHeader(CloudEventHeaders.TYPE);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        probe.close();
    }
}
