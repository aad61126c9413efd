package dev.csms.session.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.events.ocpp.CallAnswer;
import dev.csms.localstack.LocalStackTestResource;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.AuthorizationStatus;
import dev.csms.ocpp.canonical.CsmsAnswer.AuthorizeAnswer;
import dev.csms.session.testing.Gateway;
import dev.csms.session.testing.TokenFixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Authorize and the token verdicts inside transactions, for 1.6 and 2.0.1, over Kafka. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "session"))
class AuthorizationTest {

    private Gateway gateway;

    @BeforeEach
    void open() {
        gateway = new Gateway();
    }

    @AfterEach
    void close() {
        gateway.close();
    }

    private static String station() {
        return "CS-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String authorize16(String station, String idTag) {
        return gateway.response(gateway.call(station, OcppVersion.V1_6, "Authorize",
                "{\"idTag\":\"" + idTag + "\"}")).get("idTagInfo").get("status").asText();
    }

    private AuthorizationStatus authorize201(String station, String idToken, String type) {
        CallAnswer answer = gateway.answer(gateway.call(station, OcppVersion.V2_0_1, "Authorize",
                "{\"idToken\":{\"idToken\":\"" + idToken + "\",\"type\":\"" + type + "\"}}"));
        return ((AuthorizeAnswer) answer.answer()).idTokenInfo().status();
    }

    private int start16(String station, int connector, String idTag) {
        JsonNode response = gateway.response(gateway.call(station, OcppVersion.V1_6, "StartTransaction",
                TransactionsTest.start16(connector, idTag, 0, Instant.now())));
        return response.get("transactionId").asInt();
    }

    private String start16Status(String station, int connector, String idTag) {
        return gateway.response(gateway.call(station, OcppVersion.V1_6, "StartTransaction",
                TransactionsTest.start16(connector, idTag, 0, Instant.now()))).get("idTagInfo").get("status").asText();
    }

    @Test
    void knownUnknownBlockedExpiredAndMisplacedTokensGetTheirStatusInEachVersion() {
        String station = station();
        String accepted = TokenFixtures.accepted();
        String blocked = TokenFixtures.newValue();
        TokenFixtures.create(Map.of("value", blocked, "type", "ISO14443", "status", "Blocked"));
        String expired = TokenFixtures.newValue();
        TokenFixtures.create(Map.of("value", expired, "type", "ISO14443", "status", "Accepted",
                "expiresAt", "2020-01-01T00:00:00Z"));
        String elsewhere = TokenFixtures.newValue();
        TokenFixtures.create(Map.of("value", elsewhere, "type", "ISO14443", "status", "Accepted",
                "allowedStations", List.of("CS-SOMEWHERE-ELSE")));

        // 1.6: the idTag matches the ISO14443 card by value, case-insensitively; 2.x-only statuses become Invalid
        assertThat(authorize16(station, accepted.toLowerCase())).isEqualTo("Accepted");
        assertThat(authorize16(station, blocked)).isEqualTo("Blocked");
        assertThat(authorize16(station, expired)).isEqualTo("Expired");
        assertThat(authorize16(station, elsewhere)).isEqualTo("Invalid");
        assertThat(authorize16(station, TokenFixtures.newValue())).isEqualTo("Invalid");

        assertThat(authorize201(station, accepted, "ISO14443")).isEqualTo(AuthorizationStatus.Accepted);
        assertThat(authorize201(station, elsewhere, "ISO14443")).isEqualTo(AuthorizationStatus.NotAtThisLocation);
        assertThat(authorize201(station, TokenFixtures.newValue(), "eMAID")).isEqualTo(AuthorizationStatus.Unknown);
        assertThat(authorize201(station, "", "NoAuthorization")).isEqualTo(AuthorizationStatus.Accepted);
    }

    @Test
    void theGroupsVerdictAppliesAndTheGroupIsSentBack() {
        String station = station();
        String group = TokenFixtures.newValue();
        TokenFixtures.create(Map.of("value", group, "type", "Central", "status", "Blocked"));
        String member = TokenFixtures.newValue();
        TokenFixtures.create(Map.of("value", member, "type", "ISO14443", "status", "Accepted",
                "groupIdToken", Map.of("value", group, "type", "Central")));
        assertThat(authorize201(station, member, "ISO14443")).isEqualTo(AuthorizationStatus.Blocked);

        String openGroup = TokenFixtures.newValue();
        String other = TokenFixtures.newValue();
        TokenFixtures.create(Map.of("value", other, "type", "ISO14443", "status", "Accepted",
                "groupIdToken", Map.of("value", openGroup, "type", "Central")));
        JsonNode response = gateway.response(gateway.call(station, OcppVersion.V1_6, "Authorize",
                "{\"idTag\":\"" + other + "\"}"));
        assertThat(response.get("idTagInfo").get("status").asText()).isEqualTo("Accepted");
        assertThat(response.get("idTagInfo").get("parentIdTag").asText()).isEqualTo(openGroup);
    }

    @Test
    void aTokenInAnotherActiveSessionGetsConcurrentTxUnlessItMayHaveMore() {
        String station = station();
        String single = TokenFixtures.accepted();
        int running = start16(station, 1, single);
        assertThat(authorize16(station, single)).isEqualTo("ConcurrentTx");
        assertThat(start16Status(station, 2, single)).isEqualTo("ConcurrentTx");

        String twice = TokenFixtures.newValue();
        TokenFixtures.create(Map.of("value", twice, "type", "ISO14443", "status", "Accepted",
                "maxConcurrentSessions", 2));
        assertThat(start16Status(station, 3, twice)).isEqualTo("Accepted");
        assertThat(start16Status(station, 4, twice)).isEqualTo("Accepted");
        assertThat(start16Status(station, 5, twice)).isEqualTo("ConcurrentTx");

        // once its session ends, the token is free again
        gateway.call(station, OcppVersion.V1_6, "StopTransaction",
                TransactionsTest.stop16(running, null, 10, Instant.now(), null));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> authorize16(station, single).equals("Accepted"));
    }

    @Test
    void aGroupBeyondItsLimitGetsConcurrentTx() {
        String station = station();
        String group = TokenFixtures.newValue();
        TokenFixtures.create(Map.of("value", group, "type", "Central", "status", "Accepted",
                "maxConcurrentSessions", 2));
        List<String> members = List.of(TokenFixtures.newValue(), TokenFixtures.newValue(), TokenFixtures.newValue());
        for (String member : members) {
            TokenFixtures.create(Map.of("value", member, "type", "ISO14443", "status", "Accepted",
                    "groupIdToken", Map.of("value", group, "type", "Central")));
        }
        assertThat(start16Status(station, 1, members.get(0))).isEqualTo("Accepted");
        assertThat(start16Status(station, 2, members.get(1))).isEqualTo("Accepted");
        assertThat(start16Status(station, 3, members.get(2))).isEqualTo("ConcurrentTx");
        assertThat(authorize201(station, members.get(2), "ISO14443")).isEqualTo(AuthorizationStatus.ConcurrentTx);
    }
}
