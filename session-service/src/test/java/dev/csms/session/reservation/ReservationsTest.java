package dev.csms.session.reservation;

import static dev.csms.session.reservation.ReservationFixtures.active;
import static dev.csms.session.reservation.ReservationFixtures.awaitStatus;
import static dev.csms.session.reservation.ReservationFixtures.connected;
import static dev.csms.session.reservation.ReservationFixtures.get;
import static dev.csms.session.reservation.ReservationFixtures.reserve;
import static dev.csms.session.reservation.ReservationFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.events.ocpp.CallAnswer;
import dev.csms.events.ocpp.Command;
import dev.csms.events.ocpp.CommandOutcome;
import dev.csms.events.sessions.ReservationChanged;
import dev.csms.events.sessions.ReservationStatus;
import dev.csms.events.sessions.SessionStarted;
import dev.csms.localstack.LocalStackTestResource;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.AuthorizationStatus;
import dev.csms.ocpp.canonical.CsmsAnswer.TransactionEventAnswer;
import dev.csms.ocpp.canonical.IdToken;
import dev.csms.ocpp.canonical.IdTokenType;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.runtime.presence.PresenceView;
import dev.csms.session.testing.Gateway;
import dev.csms.session.testing.SessionEvents;
import dev.csms.session.testing.TestClock;
import dev.csms.session.testing.TokenFixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reservations end to end over Kafka: ReserveNow on 1.6 and 2.0.1 and the station's answer, the hold on the EVSE
 * (only the reservation's token or group may start there), use by a transaction, expiry by the leader's sweep, the
 * station's ReservationStatusUpdate, and a ReservationChanged event for every state.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "session"))
class ReservationsTest {

    @Inject
    PresenceView presence;

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

    private static String in(Duration duration) {
        return TestClock.now().plus(duration).truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private String start16Status(String station, int connector, String idTag, Integer reservationId) {
        return gateway.response(gateway.call(station, OcppVersion.V1_6, "StartTransaction",
                "{\"connectorId\":" + connector + ",\"idTag\":\"" + idTag + "\",\"meterStart\":0,\"timestamp\":\""
                        + Instant.now().truncatedTo(ChronoUnit.MILLIS) + "\""
                        + (reservationId == null ? "" : ",\"reservationId\":" + reservationId) + "}"))
                .get("idTagInfo").get("status").asText();
    }

    private AuthorizationStatus start201(String station, String txId, int evse, String idToken, Integer reservationId) {
        CallAnswer answer = gateway.answer(gateway.call(station, OcppVersion.V2_0_1, "TransactionEvent",
                "{\"eventType\":\"Started\",\"timestamp\":\"" + Instant.now().truncatedTo(ChronoUnit.MILLIS)
                        + "\",\"triggerReason\":\"Authorized\",\"seqNo\":0,\"transactionInfo\":{\"transactionId\":\""
                        + txId + "\"},\"idToken\":{\"idToken\":\"" + idToken + "\",\"type\":\"ISO14443\"},"
                        + "\"evse\":{\"id\":" + evse + ",\"connectorId\":1}"
                        + (reservationId == null ? "" : ",\"reservationId\":" + reservationId) + "}"));
        return ((TransactionEventAnswer) answer.answer()).idTokenInfo().status();
    }

    private String sessionOf(String station) {
        return io.restassured.RestAssured.given().auth().oauth2(dev.csms.session.testing.Tokens.viewer())
                .queryParam("stationId", station).when().get("/api/v1/sessions").then().statusCode(200)
                .extract().jsonPath().getString("items[0].id");
    }

    @Test
    void reserveNowOn16IsSentAndTheAcceptedAnswerMakesItActive() {
        String station = connected(gateway, presence, OcppVersion.V1_6);
        String tag = TokenFixtures.accepted();
        String expires = in(Duration.ofMinutes(30));
        JsonPath made = reserve(Map.of("stationId", station, "evseId", 2, "idToken", token(tag),
                "expiresAt", expires), 202);
        int id = made.getInt("reservationId");
        Command sent = gateway.command(station, made.getString("commandId"));
        assertThat(sent.command()).isEqualTo(new StationCommand.ReserveNow(id, Instant.parse(expires),
                IdToken.of(tag, IdTokenType.ISO14443), null, 2, null));
        assertThat(get(id).getString("status")).isEqualTo("Requested");

        gateway.answered(sent, OcppVersion.V1_6, "{\"status\":\"Accepted\"}");
        awaitStatus(id, "Active");
        List<ReservationChanged> changes = events.reservations(station, 2, e -> e.reservationId() == id);
        assertThat(changes).extracting(ReservationChanged::status)
                .containsExactly(ReservationStatus.Requested, ReservationStatus.Active);
        assertThat(changes.get(1).version()).isGreaterThan(changes.get(0).version());
        assertThat(changes.get(1).evseId()).isEqualTo(2);
    }

    @Test
    void refusedAndUnansweredReserveNowAreRejected() {
        String station = connected(gateway, presence, OcppVersion.V2_0_1);
        Map<String, Object> body = Map.of("stationId", station, "evseId", 1,
                "idToken", token(TokenFixtures.accepted()), "expiresAt", in(Duration.ofMinutes(30)));
        JsonPath occupied = reserve(body, 202);
        JsonPath lost = reserve(body, 202);
        gateway.answered(gateway.command(station, occupied.getString("commandId")), OcppVersion.V2_0_1,
                "{\"status\":\"Occupied\"}");
        gateway.failed(gateway.command(station, lost.getString("commandId")), CommandOutcome.Timeout);
        awaitStatus(occupied.getInt("reservationId"), "Rejected");
        awaitStatus(lost.getInt("reservationId"), "Rejected");
        assertThat(get(occupied.getInt("reservationId")).getString("reason")).isEqualTo("Occupied");
        assertThat(get(lost.getInt("reservationId")).getString("reason")).isEqualTo("Timeout");
        events.reservations(station, 2, e -> e.status() == ReservationStatus.Rejected);
    }

    @Test
    void aReservedEvseOn201RefusesOtherTokensAndIsUsedByAMemberOfTheGroup() {
        String station = connected(gateway, presence, OcppVersion.V2_0_1);
        String holder = TokenFixtures.accepted();
        String group = TokenFixtures.newValue();
        String member = TokenFixtures.newValue();
        TokenFixtures.create(Map.of("value", member, "type", "ISO14443", "status", "Accepted",
                "groupIdToken", Map.of("value", group, "type", "Central")));
        String stranger = TokenFixtures.accepted();
        int id = active(gateway, station, OcppVersion.V2_0_1, Map.of("stationId", station, "evseId", 1,
                "idToken", token(holder), "groupIdToken", Map.of("value", group, "type", "Central"),
                "expiresAt", in(Duration.ofMinutes(30))));

        assertThat(start201(station, "tx-stranger-" + station, 1, stranger, null))
                .isEqualTo(AuthorizationStatus.Invalid);
        // another EVSE is not held
        assertThat(start201(station, "tx-other-" + station, 2, TokenFixtures.accepted(), null))
                .isEqualTo(AuthorizationStatus.Accepted);
        assertThat(get(id).getString("status")).isEqualTo("Active");

        assertThat(start201(station, "tx-member-" + station, 1, member, null)).isEqualTo(AuthorizationStatus.Accepted);
        awaitStatus(id, "Used");
        ReservationChanged used = events.reservations(station, 1, e -> e.reservationId() == id
                && e.status() == ReservationStatus.Used).get(0);
        SessionStarted session = events.started(station, 3).stream()
                .filter(s -> ("tx-member-" + station).equals(s.transactionId())).findFirst().orElseThrow();
        assertThat(used.sessionId()).isEqualTo(session.sessionId());
        assertThat(session.reservationId()).isEqualTo(id);
        // used: the EVSE is free again
        assertThat(start201(station, "tx-after-" + station, 1, stranger, null)).isEqualTo(AuthorizationStatus.Accepted);
    }

    @Test
    void a16TransactionNamingTheReservationUsesItAndAStationWideHoldAppliesToAuthorize() {
        String station = connected(gateway, presence, OcppVersion.V1_6);
        String holder = TokenFixtures.accepted();
        String stranger = TokenFixtures.accepted();
        // connector 0: any connector of the station
        int id = active(gateway, station, OcppVersion.V1_6, Map.of("stationId", station, "evseId", 0,
                "idToken", token(holder), "expiresAt", in(Duration.ofMinutes(30))));
        assertThat((Object) get(id).get("evseId")).isNull();
        JsonNode refused = gateway.response(gateway.call(station, OcppVersion.V1_6, "Authorize",
                "{\"idTag\":\"" + stranger + "\"}"));
        assertThat(refused.get("idTagInfo").get("status").asText()).isEqualTo("Invalid");
        assertThat(start16Status(station, 2, stranger, null)).isEqualTo("Invalid");
        assertThat(get(id).getString("status")).isEqualTo("Active");

        assertThat(start16Status(station, 1, holder, id)).isEqualTo("Accepted");
        awaitStatus(id, "Used");
        assertThat(get(id).getString("sessionId")).isNotNull();
        // used: the station is free again
        assertThat(gateway.response(gateway.call(station, OcppVersion.V1_6, "Authorize",
                "{\"idTag\":\"" + stranger + "\"}")).get("idTagInfo").get("status").asText()).isEqualTo("Accepted");
    }

    @Test
    void theReservedTokenStartingOnTheReservedConnectorUsesIt() {
        String station = connected(gateway, presence, OcppVersion.V1_6);
        String holder = TokenFixtures.accepted();
        int id = active(gateway, station, OcppVersion.V1_6, Map.of("stationId", station, "evseId", 1,
                "idToken", token(holder), "expiresAt", in(Duration.ofMinutes(30))));
        assertThat(start16Status(station, 1, holder, null)).isEqualTo("Accepted");
        awaitStatus(id, "Used");
        assertThat(get(id).getString("sessionId")).isEqualTo(sessionOf(station));
    }

    @Test
    void theLeadersSweepExpiresAReservationPastItsExpiry() {
        String station = connected(gateway, presence, OcppVersion.V2_0_1);
        String holder = TokenFixtures.accepted();
        int id = active(gateway, station, OcppVersion.V2_0_1, Map.of("stationId", station, "evseId", 1,
                "idToken", token(holder), "expiresAt", in(Duration.ofMinutes(5))));
        TestClock.advance(Duration.ofMinutes(6));
        awaitStatus(id, "Expired");
        events.reservations(station, 1, e -> e.reservationId() == id && e.status() == ReservationStatus.Expired);
        assertThat(start201(station, "tx-" + station, 1, TokenFixtures.accepted(), null))
                .isEqualTo(AuthorizationStatus.Accepted);
    }

    @Test
    void reservationStatusUpdatesOfTheStationAreApplied() {
        String station = connected(gateway, presence, OcppVersion.V2_0_1);
        Map<String, Object> body = Map.of("stationId", station, "evseId", 1,
                "idToken", token(TokenFixtures.accepted()), "expiresAt", in(Duration.ofMinutes(30)));
        int removed = active(gateway, station, OcppVersion.V2_0_1, body);
        int expired = active(gateway, station, OcppVersion.V2_0_1, body);
        gateway.call(station, OcppVersion.V2_0_1, "ReservationStatusUpdate",
                "{\"reservationId\":" + removed + ",\"reservationUpdateStatus\":\"Removed\"}");
        gateway.call(station, OcppVersion.V2_0_1, "ReservationStatusUpdate",
                "{\"reservationId\":" + expired + ",\"reservationUpdateStatus\":\"Expired\"}");
        awaitStatus(removed, "Cancelled");
        awaitStatus(expired, "Expired");
        assertThat(get(removed).getString("reason")).isEqualTo("station: Removed");
        events.reservations(station, 2, e -> (e.reservationId() == removed
                && e.status() == ReservationStatus.Cancelled) || (e.reservationId() == expired
                && e.status() == ReservationStatus.Expired));
    }
}
