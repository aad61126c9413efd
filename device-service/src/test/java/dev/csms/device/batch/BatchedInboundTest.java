package dev.csms.device.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.csms.device.alert.AlertProbe;
import dev.csms.device.alert.AlertType;
import dev.csms.device.handler.BootLoopHandler;
import dev.csms.device.handler.BootNotificationHandler;
import dev.csms.device.testing.Stations;
import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.CallAnswer;
import dev.csms.events.ocpp.StationCall;
import dev.csms.events.ocpp.StationConnected;
import dev.csms.events.ocpp.StationDisconnected;
import dev.csms.events.ocpp.DisconnectReason;
import dev.csms.localstack.LocalStack;
import dev.csms.localstack.LocalStackTestResource;
import dev.csms.localstack.testing.TopicProbe;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.BootReason;
import dev.csms.ocpp.canonical.ChargingStationInfo;
import dev.csms.ocpp.canonical.ConnectorStatus;
import dev.csms.ocpp.canonical.CsmsAnswer.BootNotificationAnswer;
import dev.csms.ocpp.canonical.RegistrationStatus;
import dev.csms.ocpp.canonical.StationEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The batched reconnect path (docs/adr/0006) against the real Kafka and PostgreSQL: a fleet's reconnect records
 * published at once are written in batches with the handlers' effects, a fleet-wide boot loop's alerts included;
 * records with other alert work, unknown stations and a failing batch go the per-record way and nothing is lost.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "device"))
class BatchedInboundTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    private final EventCodec codec = new EventCodec();
    private KafkaProducer<String, byte[]> producer;
    private TopicProbe outbound;

    @BeforeEach
    void open() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.get().kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, "20",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
        outbound = new TopicProbe(Topics.unprefixed().outbound());
    }

    @AfterEach
    void close() {
        outbound.close();
        producer.close();
    }

    @Test
    void aFleetReconnectingAtOnceIsWrittenInBatchesWithTheHandlersEffects() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(Stations.register("CS-B-"));
        }
        double recordsBefore = batchSizes().totalAmount();
        long batchesBefore = batchSizes().count();
        Instant now = Instant.now();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        List<String> boots = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> statusRecords = new ArrayList<>();
        for (String id : ids) {
            records.add(disconnected(id, 1, now.minusSeconds(1)));
            records.add(connected(id, 2, now));
            EventEnvelope<StationCall> boot = call(id, "BootNotification", new StationEvent.BootNotification(
                    BootReason.PowerUp, new ChargingStationInfo("ACME", "Wallbox 22", "SN-" + id, "2.0.0", null,
                            null, null)), now);
            boots.add(boot.id());
            records.add(codec.toRecord(Topics.unprefixed().inbound(), boot));
            for (int connector = 1; connector <= 2; connector++) {
                ProducerRecord<String, byte[]> status = codec.toRecord(Topics.unprefixed().inbound(),
                        call(id, "StatusNotification", status(connector, ConnectorStatus.Available, now), now));
                statusRecords.add(status);
                records.add(status);
            }
        }
        publish(records);

        for (String boot : boots) {
            BootNotificationAnswer answer = answerTo(boot);
            assertThat(answer.status()).isEqualTo(RegistrationStatus.Accepted);
            assertThat(answer.interval()).isEqualTo(300);
        }
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(count("select count(*) from station_presence where station_id = any($1) and online "
                    + "and connection_epoch = 2 and gateway_id = 'gw-test' and ocpp_version = '2.0.1'", ids))
                    .isEqualTo(ids.size());
            assertThat(count("select count(*) from connector_status where station_id = any($1) "
                    + "and status = 'Available' and source = 'StatusNotification'", ids)).isEqualTo(2L * ids.size());
            assertThat(count("select count(*) from connector_status_history where station_id = any($1)", ids))
                    .isEqualTo(2L * ids.size());
        });
        assertThat(count("select count(*) from station where id = any($1) and reported_vendor = 'ACME' "
                + "and reported_firmware = '2.0.0' and last_boot_reason = 'PowerUp'", ids)).isEqualTo(ids.size());
        assertThat(count("select count(*) from station_boot where station_id = any($1)", ids)).isEqualTo(ids.size());
        assertThat(count("select count(*) from station_disconnect where station_id = any($1) "
                + "and connection_epoch = 1", ids)).isEqualTo(ids.size());
        assertThat(batchSizes().totalAmount() - recordsBefore)
                .as("several records per transaction").isGreaterThan(batchSizes().count() - batchesBefore);

        // A redelivery (the same events again) and a late, older report change nothing.
        publish(statusRecords.subList(0, 10));
        String late = ids.get(0);
        publish(List.of(codec.toRecord(Topics.unprefixed().inbound(), call(late, "StatusNotification",
                status(1, ConnectorStatus.Faulted, now.minusSeconds(60)), now))));
        await().atMost(WAIT).until(() -> count("select count(*) from connector_status_history where station_id = $1 "
                + "and status = 'Faulted'", List.of(late)) == 1);
        assertThat(count("select count(*) from connector_status_history where station_id = any($1)", ids))
                .isEqualTo(2L * ids.size() + 1);
        assertThat(count("select count(*) from connector_status where station_id = $1 and status = 'Available'",
                List.of(late))).isEqualTo(2);
    }

    @Test
    void recordsWithAlertWorkAndUnknownStationsGoThePerRecordWay() {
        String faulted = Stations.register("CS-B-");
        String mismatched = Stations.register("CS-B-");
        pool.preparedQuery("update station set expected_vendor = 'Other' where id = $1").execute(Tuple.of(mismatched))
                .await().atMost(WAIT);
        String unknown = "CS-B-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> plain = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            plain.add(Stations.register("CS-B-"));
        }
        double perRecordBefore = perRecord().count();
        Instant now = Instant.now();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        records.add(codec.toRecord(Topics.unprefixed().inbound(),
                call(faulted, "StatusNotification", status(1, ConnectorStatus.Faulted, now), now)));
        EventEnvelope<StationCall> mismatchedBoot = call(mismatched, "BootNotification", boot(), now);
        records.add(codec.toRecord(Topics.unprefixed().inbound(), mismatchedBoot));
        EventEnvelope<StationCall> unknownBoot = call(unknown, "BootNotification", boot(), now);
        records.add(codec.toRecord(Topics.unprefixed().inbound(), unknownBoot));
        for (String id : plain) {
            records.add(codec.toRecord(Topics.unprefixed().inbound(),
                    call(id, "StatusNotification", status(1, ConnectorStatus.Occupied, now), now)));
        }

        try (AlertProbe alerts = new AlertProbe()) {
            publish(records);
            assertThat(alerts.awaitRaised(faulted, AlertType.ConnectorFaulted).stationId()).isEqualTo(faulted);
            assertThat(alerts.awaitRaised(mismatched, AlertType.VendorModelMismatch).message())
                    .contains("expected vendor Other");
        }
        assertThat(answerTo(mismatchedBoot.id()).status()).isEqualTo(RegistrationStatus.Accepted);
        // auto-registration is on in the tests: the unknown station is registered as pending
        assertThat(answerTo(unknownBoot.id()).status()).isEqualTo(RegistrationStatus.Pending);
        await().atMost(WAIT).until(() -> count("select count(*) from connector_status where station_id = any($1) "
                + "and status = 'Occupied'", plain) == plain.size());
        assertThat(count("select count(*) from connector_status where station_id = $1 and status = 'Faulted'",
                List.of(faulted))).isEqualTo(1);
        assertThat(perRecord().count() - perRecordBefore).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aFleetWideBootLoopRaisesItsAlertsInTheBatch() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(Stations.register("CS-L-"));
        }
        String alreadyLooping = ids.get(0);
        // Two boots and two disconnects each before this reconnect (the test rules count 3 within a minute); stamped
        // a minute ahead so that the sweep does not clear an alert as quiet while the test runs.
        Instant earlier = Instant.now().plusSeconds(60);
        for (String id : ids) {
            for (int n = 1; n <= 2; n++) {
                pool.preparedQuery("insert into station_boot (station_id, call_id, booted_at) values ($1, $2, $3)")
                        .execute(Tuple.of(id, "earlier-" + n, earlier.atOffset(ZoneOffset.UTC)))
                        .await().atMost(WAIT);
                pool.preparedQuery("insert into station_disconnect (station_id, connection_epoch, disconnected_at) "
                        + "values ($1, $2, $3)").execute(Tuple.of(id, (long) n, earlier.atOffset(ZoneOffset.UTC)))
                        .await().atMost(WAIT);
            }
        }
        String activeId = UUID.randomUUID().toString();
        pool.preparedQuery("insert into alert (id, station_id, type, subject, severity, message, active, raised_at) "
                + "values ($1, $2, 'BootLoop', 'station', 'Warning', 'raised before', true, now())")
                .execute(Tuple.of(activeId, alreadyLooping)).await().atMost(WAIT);
        double perRecordBefore = perRecord().count();
        Instant now = Instant.now();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        List<String> boots = new ArrayList<>();
        for (String id : ids) {
            records.add(disconnected(id, 3, now.minusSeconds(1)));
            records.add(connected(id, 4, now));
            EventEnvelope<StationCall> boot = call(id, "BootNotification", boot(), now);
            boots.add(boot.id());
            records.add(codec.toRecord(Topics.unprefixed().inbound(), boot));
        }

        try (AlertProbe alerts = new AlertProbe()) {
            publish(records);
            for (String id : ids.subList(1, ids.size())) {
                assertThat(alerts.awaitRaised(id, AlertType.BootLoop).message()).isEqualTo("3 boots within PT1M");
            }
            for (String id : ids) {
                assertThat(alerts.awaitRaised(id, AlertType.RepeatedDisconnects).message())
                        .isEqualTo("3 disconnects within PT1M");
            }
        }
        for (String boot : boots) {
            assertThat(answerTo(boot).status()).isEqualTo(RegistrationStatus.Accepted);
        }
        // one active alert per station and rule, the earlier one kept; none of the records went record by record
        assertThat(count("select count(*) from alert where station_id = any($1) and type = 'BootLoop' and active",
                ids)).isEqualTo(ids.size());
        assertThat(count("select count(*) from alert where station_id = $1 and type = 'BootLoop'",
                List.of(alreadyLooping))).isEqualTo(1);
        assertThat(count("select count(*) from alert where station_id = any($1) and type = 'RepeatedDisconnects' "
                + "and active", ids)).isEqualTo(ids.size());
        assertThat(count("select count(*) from station_boot where station_id = any($1)", ids)).isEqualTo(3L * ids.size());
        assertThat(perRecord().count()).isEqualTo(perRecordBefore);
    }

    @Test
    void aFailedBatchGoesRecordByRecordAndNothingIsLost() {
        String poisoned = Stations.register("CS-B-");
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            others.add(Stations.register("CS-B-"));
        }
        double failedBefore = failed().count();
        // A trigger that refuses the poisoned station's history rows fails every statement that writes one, so the
        // batch fails as a whole; the records then go one by one, and only the poisoned one keeps failing.
        execute("create or replace function refuse_poisoned() returns trigger language plpgsql as $$ begin "
                + "if new.station_id = '" + poisoned + "' then raise exception 'poisoned'; end if; return new; end $$");
        execute("create trigger refuse_poisoned before insert on connector_status_history for each row "
                + "execute function refuse_poisoned()");
        try {
            Instant now = Instant.now();
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
            records.add(codec.toRecord(Topics.unprefixed().inbound(),
                    call(poisoned, "StatusNotification", status(1, ConnectorStatus.Available, now), now)));
            for (String id : others) {
                records.add(codec.toRecord(Topics.unprefixed().inbound(),
                        call(id, "StatusNotification", status(1, ConnectorStatus.Available, now), now)));
            }
            publish(records);
            await().atMost(WAIT).until(() -> count("select count(*) from connector_status where station_id = any($1)",
                    others) == others.size());
            assertThat(failed().count()).isGreaterThan(failedBefore);
            assertThat(count("select count(*) from connector_status where station_id = $1", List.of(poisoned)))
                    .isZero();
        } finally {
            execute("drop trigger if exists refuse_poisoned on connector_status_history");
        }
        // the poisoned record was never skipped: its retries succeed once the database takes it
        await().atMost(WAIT).until(() -> count("select count(*) from connector_status where station_id = $1",
                List.of(poisoned)) == 1);
    }

    @Test
    void theBatchPathRefusesToStartWhenAHandlerItDoesNotCoverIsAdded() {
        assertThatThrownBy(() -> InboundBatcher.requireHandlers("BootNotification",
                List.of(BootLoopHandler.class.getName(), BootNotificationHandler.class.getName(), "com.example.New"),
                BootLoopHandler.class, BootNotificationHandler.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("com.example.New").hasMessageContaining("csms.device.inbound-batch.enabled");
        InboundBatcher.requireHandlers("BootNotification",
                List.of(BootNotificationHandler.class.getName(), BootLoopHandler.class.getName()),
                BootLoopHandler.class, BootNotificationHandler.class);
    }

    private DistributionSummary batchSizes() {
        return registry.get("csms.device.inbound.batch.records").summary();
    }

    private Counter perRecord() {
        return registry.get("csms.device.inbound.batch.per.record").counter();
    }

    private Counter failed() {
        return registry.get("csms.device.inbound.batch.failed").counter();
    }

    private void publish(List<ProducerRecord<String, byte[]>> records) {
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        records.forEach(record -> sent.add(producer.send(record)));
        producer.flush();
        sent.forEach(future -> {
            try {
                future.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private long count(String sql, List<String> ids) {
        Object parameter = sql.contains("any($1)") ? ids.toArray(String[]::new) : ids.get(0);
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(WAIT).iterator().next().getLong(0);
    }

    private void execute(String sql) {
        pool.query(sql).execute().await().atMost(WAIT);
    }

    private BootNotificationAnswer answerTo(String callEventId) {
        ConsumerRecord<String, byte[]> record = outbound.await(r -> {
            var correlation = r.headers().lastHeader(CloudEventHeaders.PREFIX + CloudEventHeaders.CORRELATION_ID);
            return correlation != null && callEventId.equals(new String(correlation.value(), StandardCharsets.UTF_8));
        });
        CallAnswer answer = codec.fromRecord(record, EventTypes.CALL_ANSWER).data();
        return (BootNotificationAnswer) answer.answer();
    }

    private static StationEvent.BootNotification boot() {
        return new StationEvent.BootNotification(BootReason.PowerUp,
                new ChargingStationInfo("ACME", "Wallbox 22", "SN-1", "2.0.0", null, null, null));
    }

    private static StationEvent.StatusNotification status(int connector, ConnectorStatus status, Instant at) {
        return new StationEvent.StatusNotification(at, connector, connector, status, status.name(), null, null, null,
                null);
    }

    private static EventEnvelope<StationCall> call(String id, String action, StationEvent event, Instant at) {
        StationCall call = new StationCall(id, "gw-test", 2, OcppVersion.V2_0_1, UUID.randomUUID().toString(), action,
                JsonNodeFactory.instance.objectNode(), event, at, at.plusSeconds(30));
        return EventEnvelope.create(EventTypes.STATION_CALL, "/csms/gateway-service/gw-test", id, call,
                Clock.systemUTC()).withExtension(CloudEventHeaders.OCPP_ACTION, action);
    }

    private ProducerRecord<String, byte[]> connected(String id, long epoch, Instant at) {
        return codec.toRecord(Topics.unprefixed().inbound(), EventEnvelope.create(EventTypes.STATION_CONNECTED,
                "/csms/gateway-service/gw-test", id, new StationConnected(id, "gw-test", epoch, OcppVersion.V2_0_1, 1,
                        "192.0.2.1", at), Clock.systemUTC()));
    }

    private ProducerRecord<String, byte[]> disconnected(String id, long epoch, Instant at) {
        return codec.toRecord(Topics.unprefixed().inbound(), EventEnvelope.create(EventTypes.STATION_DISCONNECTED,
                "/csms/gateway-service/gw-test", id, new StationDisconnected(id, "gw-test", epoch,
                        DisconnectReason.ClosedByStation, 1000, null, at), Clock.systemUTC()));
    }
}
