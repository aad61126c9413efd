package dev.csms.device.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.csms.device.testing.StationCalls;
import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.device.DataTransferReceived;
import dev.csms.localstack.LocalStackTestResource;
import dev.csms.localstack.testing.TopicProbe;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.CsmsAnswer;
import dev.csms.ocpp.canonical.DataTransferStatus;
import dev.csms.ocpp.canonical.StationEvent.DataTransfer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Inbound DataTransfer on the local stack: the test plays the gateway (StationCall on ocpp.inbound) and reads the
 * answer on ocpp.outbound and the event on device.stations. The test configuration accepts vendors {@code ACME} and
 * {@code org.example}.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "device"))
class DataTransferTest {

    private final EventCodec codec = new EventCodec();
    private StationCalls gateway;
    private TopicProbe outbound;
    private TopicProbe stations;

    @BeforeEach
    void open() {
        gateway = new StationCalls();
        outbound = new TopicProbe(Topics.unprefixed().outbound());
        stations = new TopicProbe(Topics.unprefixed().name(Topics.DEVICE_STATIONS));
    }

    @AfterEach
    void close() {
        stations.close();
        outbound.close();
        gateway.close();
    }

    @Test
    void aConfiguredVendorIsAcceptedAndPublishedAnyOtherIsUnknown() throws Exception {
        String station = "DT-" + UUID.randomUUID().toString().substring(0, 8);

        String unknown = gateway.call(station, OcppVersion.V2_0_1, "DataTransfer",
                new DataTransfer("other.vendor", "Temp", JsonNodeFactory.instance.numberNode(21)));
        CsmsAnswer.DataTransferAnswer refused = answerTo(unknown);
        assertThat(refused.status()).isEqualTo(DataTransferStatus.UnknownVendorId);

        var data = JsonNodeFactory.instance.objectNode().put("celsius", 21);
        String known = gateway.call(station, OcppVersion.V2_0_1, "DataTransfer",
                new DataTransfer("acme", "Temperature", data));
        assertThat(answerTo(known).status()).isEqualTo(DataTransferStatus.Accepted);
        EventEnvelope<DataTransferReceived> event = eventOf(known);
        assertThat(event.subject()).isEqualTo(station);
        DataTransferReceived received = event.data();
        assertThat(received.stationId()).isEqualTo(station);
        assertThat(received.vendorId()).isEqualTo("acme");
        assertThat(received.messageId()).isEqualTo("Temperature");
        assertThat(received.data()).isEqualTo(data);
        assertThat(received.ocppVersion()).isEqualTo(OcppVersion.V2_0_1);
        assertThat(received.receivedAt()).isNotNull();

        // the refused call came first on the same key: had it published anything, it would be here already
        assertThat(stations.poll(r -> station.equals(r.key())
                && EventTypes.DATA_TRANSFER_RECEIVED.type().equals(type(r)))).hasSize(1);
    }

    @Test
    void aOneSixDataTransferCarriesItsTextData() throws Exception {
        String station = "DT-" + UUID.randomUUID().toString().substring(0, 8);
        String call = gateway.call(station, OcppVersion.V1_6, "DataTransfer",
                new DataTransfer("org.example", null, JsonNodeFactory.instance.textNode("{\"a\":1}")));
        assertThat(answerTo(call).status()).isEqualTo(DataTransferStatus.Accepted);
        DataTransferReceived received = eventOf(call).data();
        assertThat(received.ocppVersion()).isEqualTo(OcppVersion.V1_6);
        assertThat(received.messageId()).isNull();
        assertThat(received.data().asText()).isEqualTo("{\"a\":1}");
    }

    private CsmsAnswer.DataTransferAnswer answerTo(String callEventId) {
        ConsumerRecord<String, byte[]> record = outbound.await(r -> callEventId.equals(
                header(r, CloudEventHeaders.PREFIX + CloudEventHeaders.CORRELATION_ID)));
        return (CsmsAnswer.DataTransferAnswer) codec.fromRecord(record, EventTypes.CALL_ANSWER).data().answer();
    }

    private EventEnvelope<DataTransferReceived> eventOf(String callEventId) {
        ConsumerRecord<String, byte[]> record = stations.await(r ->
                EventTypes.DATA_TRANSFER_RECEIVED.type().equals(type(r))
                        && callEventId.equals(codec.fromRecord(r, EventTypes.DATA_TRANSFER_RECEIVED).data()
                                .callEventId()));
        return codec.fromRecord(record, EventTypes.DATA_TRANSFER_RECEIVED);
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return header(record, CloudEventHeaders.TYPE);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
