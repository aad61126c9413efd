package dev.csms.session.handler;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.events.EventTypes;
import dev.csms.events.ocpp.CallAnswer;
import dev.csms.events.sessions.MeterAnomaly;
import dev.csms.events.sessions.SessionEnd;
import dev.csms.events.sessions.SessionEnded;
import dev.csms.events.sessions.SessionStarted;
import dev.csms.events.sessions.SessionStatus;
import dev.csms.localstack.LocalStackTestResource;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.AuthorizationStatus;
import dev.csms.ocpp.canonical.CsmsAnswer.TransactionEventAnswer;
import dev.csms.ocpp.canonical.StoppedReason;
import dev.csms.session.testing.Gateway;
import dev.csms.session.testing.SessionEvents;
import dev.csms.session.testing.TokenFixtures;
import dev.csms.session.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Transactions end to end on the local stack: station calls on ocpp.inbound (built from real OCPP payloads by the
 * real adapters), answers on ocpp.outbound, session events on sessions.events, the session in the operator API.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "session"))
class TransactionsTest {

    private Gateway gateway;
    private SessionEvents events;

    @BeforeEach
    void open() {
        gateway = new Gateway();
        events = new SessionEvents();
    }

    @AfterEach
    void close() {
        events.close();
        gateway.close();
    }

    private static String station() {
        return "CS-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String at(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    static String start16(int connector, String idTag, long meterStart, Instant at) {
        return "{\"connectorId\":" + connector + ",\"idTag\":\"" + idTag + "\",\"meterStart\":" + meterStart
                + ",\"timestamp\":\"" + at(at) + "\"}";
    }

    static String stop16(int transactionId, String idTag, long meterStop, Instant at, String reason) {
        return "{\"transactionId\":" + transactionId + (idTag == null ? "" : ",\"idTag\":\"" + idTag + "\"")
                + ",\"meterStop\":" + meterStop + ",\"timestamp\":\"" + at(at) + "\""
                + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}";
    }

    static String meter16(int connector, Integer transactionId, Instant at, String wh) {
        return "{\"connectorId\":" + connector + (transactionId == null ? "" : ",\"transactionId\":" + transactionId)
                + ",\"meterValue\":[{\"timestamp\":\"" + at(at) + "\",\"sampledValue\":[{\"value\":\"" + wh
                + "\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"}]}]}";
    }

    /** A 2.0.1 TransactionEvent; {@code wh} null for no reading, {@code idToken} null for none. */
    static String tx201(String type, String transactionId, int seqNo, Instant at, String trigger, String idToken,
            Integer evse, String wh, boolean offline, String stoppedReason) {
        return "{\"eventType\":\"" + type + "\",\"timestamp\":\"" + at(at) + "\",\"triggerReason\":\"" + trigger
                + "\",\"seqNo\":" + seqNo + (offline ? ",\"offline\":true" : "")
                + ",\"transactionInfo\":{\"transactionId\":\"" + transactionId + "\""
                + (stoppedReason == null ? "" : ",\"stoppedReason\":\"" + stoppedReason + "\"") + "}"
                + (idToken == null ? "" : ",\"idToken\":{\"idToken\":\"" + idToken + "\",\"type\":\"ISO14443\"}")
                + (evse == null ? "" : ",\"evse\":{\"id\":" + evse + ",\"connectorId\":1}")
                + (wh == null ? "" : ",\"meterValue\":[{\"timestamp\":\"" + at(at) + "\",\"sampledValue\":[{\"value\":"
                        + wh + ",\"measurand\":\"Energy.Active.Import.Register\",\"context\":\"Sample.Periodic\"}]}]")
                + "}";
    }

    private static JsonPath session(String id) {
        return given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/sessions/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void a16StartResentWithANewMessageIdGetsTheSameTransactionIdAndCreatesNothingNew() {
        String station = station();
        String tag = TokenFixtures.accepted();
        Instant t0 = Instant.now().minusSeconds(60);
        var first = gateway.call(station, OcppVersion.V1_6, "StartTransaction", start16(1, tag, 1000, t0));
        JsonNode firstAnswer = gateway.response(first);
        var resend = gateway.call(station, OcppVersion.V1_6, "StartTransaction", start16(1, tag, 1000, t0));
        JsonNode resendAnswer = gateway.response(resend);

        assertThat(firstAnswer.get("idTagInfo").get("status").asText()).isEqualTo("Accepted");
        assertThat(resendAnswer.get("transactionId").asInt()).isEqualTo(firstAnswer.get("transactionId").asInt());
        assertThat(resendAnswer.get("idTagInfo").get("status").asText()).isEqualTo("Accepted");
        assertThat(events.started(station, 1)).hasSize(1);
        assertThat(events.during(EventTypes.SESSION_STARTED, station, Duration.ofSeconds(1))).hasSize(1);
        given().auth().oauth2(Tokens.viewer()).queryParam("stationId", station).when().get("/api/v1/sessions")
                .then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(1));

        // A different start on the same connector (another timestamp) is another transaction.
        var other = gateway.call(station, OcppVersion.V1_6, "StartTransaction",
                start16(1, TokenFixtures.accepted(), 1000, t0.plusSeconds(30)));
        assertThat(gateway.response(other).get("transactionId").asInt())
                .isNotEqualTo(firstAnswer.get("transactionId").asInt());
    }

    @Test
    void a16AndA201SessionRunSideBySideWithEnergyAndTotals() {
        String station16 = station();
        String station201 = station();
        String tag = TokenFixtures.accepted();
        String card = TokenFixtures.accepted();
        Instant t0 = Instant.now().minusSeconds(600);

        int txId = gateway.response(gateway.call(station16, OcppVersion.V1_6, "StartTransaction",
                start16(2, tag, 5000, t0))).get("transactionId").asInt();
        CallAnswer started201 = gateway.answer(gateway.call(station201, OcppVersion.V2_0_1, "TransactionEvent",
                tx201("Started", "tx-" + station201, 0, t0, "Authorized", card, 1, "0", false, null)));
        gateway.call(station16, OcppVersion.V1_6, "MeterValues", meter16(2, txId, t0.plusSeconds(60), "5600"));
        gateway.call(station201, OcppVersion.V2_0_1, "TransactionEvent",
                tx201("Updated", "tx-" + station201, 1, t0.plusSeconds(60), "MeterValuePeriodic", null, null, "1500",
                        false, null));
        JsonNode stop = gateway.response(gateway.call(station16, OcppVersion.V1_6, "StopTransaction",
                stop16(txId, tag, 7250, t0.plusSeconds(120), "EVDisconnected")));
        gateway.call(station201, OcppVersion.V2_0_1, "TransactionEvent",
                tx201("Ended", "tx-" + station201, 2, t0.plusSeconds(120), "EVDeparted", null, null, "3000", false,
                        "EVDisconnected"));

        assertThat(((TransactionEventAnswer) started201.answer()).idTokenInfo().status())
                .isEqualTo(AuthorizationStatus.Accepted);
        assertThat(stop.get("idTagInfo").get("status").asText()).isEqualTo("Accepted");
        SessionStarted s16 = events.started(station16, 1).get(0);
        assertThat(s16.transactionId()).isEqualTo(String.valueOf(txId));
        assertThat(s16.evseId()).isEqualTo(2);
        assertThat(s16.meterStartWh()).isEqualByComparingTo("5000");
        SessionEnded e16 = events.ended(station16, 1).get(0);
        assertThat(e16.energyWh()).isEqualByComparingTo("2250");
        assertThat(e16.meterStopWh()).isEqualByComparingTo("7250");
        assertThat(e16.stoppedReason()).isEqualTo(StoppedReason.EVDisconnected);
        assertThat(e16.endedBy()).isEqualTo(SessionEnd.Station);
        assertThat(e16.orphan()).isFalse();
        assertThat(e16.version()).isGreaterThan(s16.version());

        SessionEnded e201 = events.ended(station201, 1).get(0);
        assertThat(e201.transactionId()).isEqualTo("tx-" + station201);
        assertThat(e201.energyWh()).isEqualByComparingTo("3000");
        assertThat(e201.meterStartWh()).isEqualByComparingTo("0");
        assertThat(e201.startedAt()).isEqualTo(t0.truncatedTo(ChronoUnit.MILLIS));

        JsonPath detail = session(e16.sessionId());
        assertThat(detail.getString("session.status")).isEqualTo("Ended");
        assertThat(detail.getList("meterValues.value", Float.class)).containsExactly(5000f, 5600f, 7250f);
        assertThat(detail.getString("session.idToken.value")).isEqualTo(tag);
    }

    @Test
    void aRepeatedSeqNoIsIgnoredAndAnsweredAgain() {
        String station = station();
        String card = TokenFixtures.accepted();
        Instant t0 = Instant.now().minusSeconds(300);
        String tx = "tx-" + station;
        gateway.call(station, OcppVersion.V2_0_1, "TransactionEvent",
                tx201("Started", tx, 0, t0, "Authorized", card, 1, "100", false, null));
        String updated = tx201("Updated", tx, 1, t0.plusSeconds(60), "Authorized", card, null, "400", false, null);
        var once = gateway.call(station, OcppVersion.V2_0_1, "TransactionEvent", updated);
        var twice = gateway.call(station, OcppVersion.V2_0_1, "TransactionEvent", updated);
        assertThat(gateway.answer(once).answer()).isEqualTo(gateway.answer(twice).answer());
        gateway.call(station, OcppVersion.V2_0_1, "TransactionEvent",
                tx201("Ended", tx, 2, t0.plusSeconds(120), "StopAuthorized", null, null, "700", false, "Local"));

        SessionEnded ended = events.ended(station, 1).get(0);
        assertThat(ended.energyWh()).isEqualByComparingTo("600");
        assertThat(session(ended.sessionId()).getList("meterValues")).hasSize(3);
    }

    @Test
    void eventsOutOfOrderGiveOneCorrectSession() {
        String station = station();
        String card = TokenFixtures.accepted();
        String tx = "tx-" + station;
        Instant t0 = Instant.now().minus(Duration.ofHours(3));
        // an offline backlog delivered backwards: Ended, then Updated, then Started, all with old timestamps
        gateway.call(station, OcppVersion.V2_0_1, "TransactionEvent",
                tx201("Ended", tx, 3, t0.plusSeconds(900), "EVDeparted", null, null, "10900", true, "EVDisconnected"));
        SessionEnded first = events.ended(station, 1).get(0);
        assertThat(first.orphan()).isTrue();
        gateway.call(station, OcppVersion.V2_0_1, "TransactionEvent",
                tx201("Updated", tx, 1, t0.plusSeconds(300), "MeterValuePeriodic", null, null, "10400", true, null));
        gateway.call(station, OcppVersion.V2_0_1, "TransactionEvent",
                tx201("Started", tx, 0, t0, "Authorized", card, 3, "10000", true, null));

        SessionEnded last = events.ended(station, 1, e -> !e.orphan()).get(0);
        assertThat(last.sessionId()).isEqualTo(first.sessionId());
        assertThat(last.version()).isGreaterThan(first.version());
        assertThat(last.startedAt()).isEqualTo(t0.truncatedTo(ChronoUnit.MILLIS));
        assertThat(last.endedAt()).isEqualTo(t0.plusSeconds(900).truncatedTo(ChronoUnit.MILLIS));
        assertThat(last.energyWh()).isEqualByComparingTo("900");
        assertThat(last.evseId()).isEqualTo(3);
        assertThat(last.idToken().value()).isEqualTo(card);
        JsonPath detail = session(last.sessionId());
        assertThat(detail.getString("session.status")).isEqualTo("Ended");
        assertThat(detail.getBoolean("session.orphan")).isFalse();
        given().auth().oauth2(Tokens.viewer()).queryParam("stationId", station).when().get("/api/v1/sessions")
                .then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void anUpdateBeforeTheStartGivesAProvisionalStartThatTheStartCorrects() {
        String station = station();
        String tx = "tx-" + station;
        Instant t0 = Instant.now().minusSeconds(600);
        gateway.call(station, OcppVersion.V2_0_1, "TransactionEvent",
                tx201("Updated", tx, 1, t0.plusSeconds(60), "MeterValuePeriodic", null, 1, "250", false, null));
        SessionStarted started = events.started(station, 1).get(0);
        assertThat(started.startedAt()).isEqualTo(t0.plusSeconds(60).truncatedTo(ChronoUnit.MILLIS));
        gateway.call(station, OcppVersion.V2_0_1, "TransactionEvent",
                tx201("Started", tx, 0, t0, "CablePluggedIn", null, 1, "200", false, null));
        var update = events.updated(station, 1, u -> u.startedAt().equals(t0.truncatedTo(ChronoUnit.MILLIS))).get(0);
        assertThat(update.energyWh()).isEqualByComparingTo("50");
        assertThat(update.status()).isEqualTo(SessionStatus.Active);
    }

    @Test
    void aStopOfAnUnknownTransactionIsAcceptedAndRecordedAsAnOrphan() {
        String station = station();
        String tag = TokenFixtures.accepted();
        var stop = gateway.call(station, OcppVersion.V1_6, "StopTransaction",
                stop16(987654, tag, 4200, Instant.now().minusSeconds(5), null));
        JsonNode answer = gateway.response(stop);
        assertThat(answer.get("idTagInfo").get("status").asText()).isEqualTo("Accepted");
        SessionEnded orphan = events.ended(station, 1).get(0);
        assertThat(orphan.orphan()).isTrue();
        assertThat(orphan.transactionId()).isEqualTo("987654");
        assertThat(orphan.startedAt()).isNull();
        assertThat(orphan.energyWh()).isEqualByComparingTo("0");
        assertThat(orphan.meterStopWh()).isEqualByComparingTo("4200");

        // 2.x: an Ended of an unknown transaction without a token needs no answer, and is recorded all the same
        gateway.call(station, OcppVersion.V2_0_1, "TransactionEvent", tx201("Ended", "ghost-" + station, 7,
                Instant.now().minusSeconds(5), "EVDeparted", null, 1, "10", false, "EVDisconnected"));
        assertThat(events.ended(station, 1, e -> e.transactionId().equals("ghost-" + station)).get(0).orphan())
                .isTrue();
        given().auth().oauth2(Tokens.viewer()).queryParam("stationId", station).queryParam("status", "Ended")
                .when().get("/api/v1/sessions").then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void aMeterResetAndADecreasingRegisterAreFlaggedAndNeverCountedNegative() {
        String station = station();
        String tag = TokenFixtures.accepted();
        Instant t0 = Instant.now().minusSeconds(600);
        int txId = gateway.response(gateway.call(station, OcppVersion.V1_6, "StartTransaction",
                start16(1, tag, 0, t0))).get("transactionId").asInt();
        gateway.call(station, OcppVersion.V1_6, "MeterValues", meter16(1, txId, t0.plusSeconds(60), "800"));
        gateway.call(station, OcppVersion.V1_6, "MeterValues", meter16(1, txId, t0.plusSeconds(120), "0"));
        gateway.call(station, OcppVersion.V1_6, "MeterValues", meter16(1, txId, t0.plusSeconds(180), "300"));
        gateway.call(station, OcppVersion.V1_6, "MeterValues", meter16(1, txId, t0.plusSeconds(240), "200"));
        gateway.call(station, OcppVersion.V1_6, "StopTransaction",
                stop16(txId, null, 450, t0.plusSeconds(300), "Local"));

        SessionEnded ended = events.ended(station, 1).get(0);
        // 0 -> 800 (+800), reset to 0, 0 -> 300 (+300), down to 200 (not counted), 200 -> 450 (+250)
        assertThat(ended.energyWh()).isEqualByComparingTo(new BigDecimal("1350"));
        assertThat(ended.meterStartWh()).isEqualByComparingTo("0");
        assertThat(ended.meterAnomalies()).containsExactlyInAnyOrder(MeterAnomaly.MeterReset,
                MeterAnomaly.RegisterDecreased);
    }

    @Test
    void meterValuesOutsideTheTransactionAreLinkedToTheSessionOfTheirEvse() {
        String station = station();
        String tag = TokenFixtures.accepted();
        Instant t0 = Instant.now().minusSeconds(600);
        int txId = gateway.response(gateway.call(station, OcppVersion.V1_6, "StartTransaction",
                start16(1, tag, 100, t0))).get("transactionId").asInt();
        gateway.call(station, OcppVersion.V1_6, "MeterValues", meter16(1, null, t0.plusSeconds(60), "350"));
        gateway.call(station, OcppVersion.V1_6, "MeterValues", meter16(2, null, t0.plusSeconds(60), "99999"));
        gateway.call(station, OcppVersion.V1_6, "StopTransaction",
                stop16(txId, null, 500, t0.plusSeconds(120), null));
        SessionEnded ended = events.ended(station, 1).get(0);
        assertThat(ended.energyWh()).isEqualByComparingTo("400");
        List<Float> series = session(ended.sessionId()).getList("meterValues.value", Float.class);
        assertThat(series).containsExactly(100f, 350f, 500f);
    }
}
