package dev.csms.e2e.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.e2e.platform.Fleet;
import dev.csms.e2e.platform.Platform;
import dev.csms.e2e.platform.StationTraffic;
import dev.csms.e2e.platform.TestStations;
import dev.csms.events.sessions.ReservationChanged;
import dev.csms.events.sessions.ReservationStatus;
import dev.csms.events.sessions.SessionStarted;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.SimulatedStation;
import dev.csms.simulator.SessionView;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reservations of issue 6 through session-service's operator API on a simulated 2.0.1 station: a reservation
 * becomes Active once the station accepted ReserveNow, holds the station against another token (Authorize: Invalid),
 * is Used by the session its own token starts, and a second one with a short expiry becomes Expired. Every state is
 * a ReservationChanged on {@code sessions.events}. And on a 1.6 station: a connector reservation Used by its
 * token's StartTransaction, and one Expired by session-service's sweep (1.6 stations do not report expiry).
 */
class ReservationIT {

    private static final Duration EVENT = Duration.ofSeconds(30);
    /** The station's own expiry timer reports it (ReservationStatusUpdate); the leader's sweep runs every 30 s. */
    private static final Duration EXPIRY = Duration.ofSeconds(60);

    private final Platform platform = Platform.get();
    private Fleet fleet;

    @BeforeEach
    void fleet() {
        fleet = Fleet.connectingTo(platform.loadBalancedStationUrl());
    }

    @AfterEach
    void powerOff() {
        fleet.close();
    }

    @Test
    void reservationHoldsTheStationIsUsedByItsTokenAndASecondOneExpires() throws Exception {
        String id = TestStations.id("RESV-201");
        String tag = TestStations.id("RTAG").toUpperCase();
        String other = TestStations.id("OTAG").toUpperCase();
        SimulatedStation station = bootedStation(id, OcppVersion.V2_0_1);
        platform.sessions().registerToken(tag);
        platform.sessions().registerToken(other);

        // a whole-station reservation (no EVSE): the station accepts ReserveNow, the reservation is Active
        JsonPath made = reserve(id, null, tag, Instant.now().plusSeconds(600));
        int reservationId = made.getInt("reservationId");
        assertThat(made.getString("stationId")).isEqualTo(id);
        JsonPath active = await().atMost(EVENT).until(() -> reservation(reservationId),
                r -> !"Requested".equals(r.getString("status")));
        assertThat(active.getString("status")).isEqualTo("Active");
        JsonPath command = platform.sessions().command(made.getString("commandId"));
        assertThat(command.getString("action")).isEqualTo("ReserveNow");
        assertThat(command.getString("response.status")).isEqualTo("Accepted");
        StationTraffic.Command reserveNow = StationTraffic.of(station).commands("ReserveNow").get(0);
        assertThat(reserveNow.payload().path("id").asInt()).isEqualTo(reservationId);
        assertThat(reserveNow.payload().path("idToken").path("idToken").asText()).isEqualTo(tag);
        await().atMost(EVENT).until(() -> station.connectorStatus(1), "Reserved"::equals);

        // another (registered, Accepted) token is refused while the reservation holds the station
        ObjectNode authorize = JsonNodeFactory.instance.objectNode();
        authorize.putObject("idToken").put("idToken", other).put("type", "ISO14443");
        ObjectNode refused = station.call("Authorize", authorize).get(30, TimeUnit.SECONDS);
        assertThat(refused.path("idTokenInfo").path("status").asText()).isEqualTo("Invalid");

        // the reserved token starts a session that uses the reservation
        SessionView started = station.startSession(1, tag).get(30, TimeUnit.SECONDS);
        SessionStarted sessionStarted = await().atMost(EVENT).until(() -> platform.sessionEvents()
                .data(SessionStarted.class, event -> event.stationId().equals(id)), events -> events.size() == 1)
                .get(0);
        assertThat(sessionStarted.transactionId()).isEqualTo(started.transactionId());
        assertThat(sessionStarted.reservationId()).isEqualTo(reservationId);
        JsonPath used = await().atMost(EVENT).until(() -> reservation(reservationId),
                r -> "Used".equals(r.getString("status")));
        assertThat(used.getString("sessionId")).isEqualTo(sessionStarted.sessionId());
        List<ReservationChanged> usedChanges = await().atMost(EVENT).until(() -> changes(id, reservationId),
                events -> events.size() >= 3);
        assertThat(usedChanges).extracting(ReservationChanged::status)
                .containsExactly(ReservationStatus.Requested, ReservationStatus.Active, ReservationStatus.Used);
        assertThat(usedChanges.get(2).sessionId()).isEqualTo(sessionStarted.sessionId());

        // a second reservation, on the other EVSE, with a short expiry: Active, then Expired
        JsonPath second = reserve(id, 2, other, Instant.now().plusSeconds(15));
        int secondId = second.getInt("reservationId");
        await().atMost(EVENT).until(() -> reservation(secondId).getString("status"), "Active"::equals);
        JsonPath expired = await().atMost(EXPIRY).until(() -> reservation(secondId),
                r -> !"Active".equals(r.getString("status")));
        assertThat(expired.getString("status")).isEqualTo("Expired");
        assertThat(await().atMost(EVENT).until(() -> changes(id, secondId), events -> events.size() >= 3))
                .extracting(ReservationChanged::status)
                .containsExactly(ReservationStatus.Requested, ReservationStatus.Active, ReservationStatus.Expired);
        assertThat(station.connectorStatus(2)).isEqualTo("Available");

        station.stopSession(1).get(30, TimeUnit.SECONDS);
        assertThat(StationTraffic.of(station).errors()).isEmpty();
        assertThat(fleet.simulator().stats().snapshot().violationsReceived()).isEmpty();
    }

    @Test
    void reservationOfA16ConnectorIsUsedByItsTokenAndASecondOneExpiresBySweep() throws Exception {
        String id = TestStations.id("RESV-16");
        String tag = TestStations.id("RTAG").toUpperCase();
        SimulatedStation station = bootedStation(id, OcppVersion.V1_6);
        platform.sessions().registerToken(tag);

        // connector 1: ReserveNow (connectorId, reservationId, idTag) accepted, the reservation Active
        JsonPath made = reserve(id, 1, tag, Instant.now().plusSeconds(600));
        int reservationId = made.getInt("reservationId");
        await().atMost(EVENT).until(() -> reservation(reservationId).getString("status"), "Active"::equals);
        StationTraffic.Command reserveNow = StationTraffic.of(station).commands("ReserveNow").get(0);
        assertThat(reserveNow.payload().path("connectorId").asInt()).isEqualTo(1);
        assertThat(reserveNow.payload().path("reservationId").asInt()).isEqualTo(reservationId);
        assertThat(reserveNow.payload().path("idTag").asText()).isEqualTo(tag);
        await().atMost(EVENT).until(() -> station.connectorStatus(1), "Reserved"::equals);

        // the reserved token's StartTransaction names the reservation: Used
        SessionView started = station.startSession(1, tag).get(30, TimeUnit.SECONDS);
        SessionStarted sessionStarted = await().atMost(EVENT).until(() -> platform.sessionEvents()
                .data(SessionStarted.class, event -> event.stationId().equals(id)), events -> events.size() == 1)
                .get(0);
        assertThat(sessionStarted.transactionId()).isEqualTo(started.transactionId());
        assertThat(sessionStarted.reservationId()).isEqualTo(reservationId);
        assertThat(await().atMost(EVENT).until(() -> reservation(reservationId),
                r -> "Used".equals(r.getString("status"))).getString("sessionId")).isEqualTo(sessionStarted.sessionId());

        // connector 2, expiring in 5 s: a 1.6 station does not report expiry, the leader's sweep (30 s) does
        int secondId = reserve(id, 2, tag, Instant.now().plusSeconds(5)).getInt("reservationId");
        JsonPath expired = await().atMost(EXPIRY).until(() -> reservation(secondId),
                r -> List.of("Expired", "Rejected", "Cancelled", "Used").contains(r.getString("status")));
        assertThat(expired.getString("status")).isEqualTo("Expired");
        assertThat(await().atMost(EVENT).until(() -> changes(id, secondId), events -> events.size() >= 3))
                .extracting(ReservationChanged::status)
                .containsExactly(ReservationStatus.Requested, ReservationStatus.Active, ReservationStatus.Expired);

        station.stopSession(1).get(30, TimeUnit.SECONDS);
        assertThat(StationTraffic.of(station).errors()).isEmpty();
        assertThat(fleet.simulator().stats().snapshot().violationsReceived()).isEmpty();
    }

    /** {@code POST /api/v1/reservations} (again while session-service's presence view has not seen the station). */
    private JsonPath reserve(String stationId, Integer evseId, String tag, Instant expiresAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("stationId", stationId);
        if (evseId != null) {
            body.put("evseId", evseId);
        }
        body.put("idToken", Map.of("value", tag, "type", "ISO14443"));
        body.put("expiresAt", expiresAt.toString());
        Response accepted = await().atMost(EVENT).until(() -> platform.sessions().request()
                .contentType(ContentType.JSON).body(body).post("/api/v1/reservations"), r -> r.statusCode() != 409);
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        assertThat(accepted.header("Location")).endsWith("/api/v1/commands/" + accepted.jsonPath().getString("commandId"));
        return accepted.jsonPath();
    }

    private JsonPath reservation(int reservationId) {
        return platform.sessions().request().get("/api/v1/reservations/{id}", reservationId)
                .then().statusCode(200).extract().jsonPath();
    }

    private List<ReservationChanged> changes(String stationId, int reservationId) {
        return platform.sessionEvents().data(ReservationChanged.class,
                event -> event.stationId().equals(stationId) && event.reservationId() == reservationId);
    }

    private SimulatedStation bootedStation(String id, OcppVersion version) {
        return platform.bootRegistered(fleet, id, version, 2, 2, TestStations.behaviour().sessionsPerHour(0).build());
    }
}
