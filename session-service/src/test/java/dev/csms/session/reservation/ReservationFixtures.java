package dev.csms.session.reservation;

import static io.restassured.RestAssured.given;

import dev.csms.events.ocpp.Command;
import dev.csms.ocpp.OcppVersion;
import dev.csms.runtime.presence.PresenceView;
import dev.csms.session.testing.Gateway;
import dev.csms.session.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/** Makes reservations through the operator API, playing the gateway's part. */
public final class ReservationFixtures {

    private ReservationFixtures() {
    }

    public static String station() {
        return "CS-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A station a gateway holds with this version, as the service's presence view sees it. */
    public static String connected(Gateway gateway, PresenceView presence, OcppVersion version) {
        String station = station();
        gateway.connected(station, version);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> presence.isConnected(station));
        return station;
    }

    public static Map<String, Object> token(String value) {
        return Map.of("value", value, "type", "ISO14443");
    }

    /** POST /api/v1/reservations, expecting the status. */
    public static JsonPath reserve(Map<String, Object> body, int status) {
        return given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/reservations").then().statusCode(status).extract().jsonPath();
    }

    public static JsonPath get(int id) {
        return given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/reservations/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    public static void awaitStatus(int id, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(get(id).getString("status")));
    }

    /** Reserves, answers the ReserveNow with Accepted and waits until the reservation is Active; returns its id. */
    public static int active(Gateway gateway, String station, OcppVersion version, Map<String, Object> body) {
        JsonPath made = reserve(body, 202);
        int id = made.getInt("reservationId");
        Command sent = gateway.command(station, made.getString("commandId"));
        gateway.answered(sent, version, "{\"status\":\"Accepted\"}");
        awaitStatus(id, "Active");
        return id;
    }
}
