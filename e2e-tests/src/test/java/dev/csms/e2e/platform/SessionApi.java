package dev.csms.e2e.platform;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** session-service's operator API, as the journeys use it (an operator's bearer token on every call). */
public final class SessionApi {

    private final String baseUrl;
    private final Supplier<String> operatorToken;

    SessionApi(String baseUrl, Supplier<String> operatorToken) {
        this.baseUrl = baseUrl;
        this.operatorToken = operatorToken;
    }

    /** A request to session-service as an operator; for calls this class does not wrap. */
    public RequestSpecification request() {
        return given().baseUri(baseUrl).auth().oauth2(operatorToken.get()).accept(ContentType.JSON);
    }

    /**
     * {@code POST /api/v1/tokens}: an Accepted token of type Central, which matches the value whatever type a
     * station presents it with (1.6 idTag, 2.x ISO14443, ...); 201.
     */
    public void registerToken(String value) {
        request().contentType(ContentType.JSON)
                .body(Map.of("value", value, "type", "Central", "status", "Accepted"))
                .post("/api/v1/tokens")
                .then().statusCode(201);
    }

    /** {@code GET /api/v1/sessions?stationId=}: the station's sessions, newest first; 200. */
    public JsonPath sessionsOf(String stationId) {
        return request().queryParam("stationId", stationId)
                .get("/api/v1/sessions").then().statusCode(200).extract().jsonPath();
    }

    /** {@code GET /api/v1/sessions/{id}}: one session with its meter series; 200. */
    public JsonPath session(String sessionId) {
        return request().get("/api/v1/sessions/{id}", sessionId).then().statusCode(200).extract().jsonPath();
    }

    /**
     * {@code POST /api/v1/sessions/remote-start}: the station starts a transaction for the token; 202 with
     * {@code commandId}, {@code remoteStartId} and a Location, 409 when the station is not connected. The status is
     * the caller's to check.
     *
     * @param evseId      2.x (a 1.6 station takes it as its connector); null to let the station choose
     * @param connectorId 1.6 only; null to let the station choose
     */
    public Response remoteStart(String stationId, Integer evseId, Integer connectorId, String tokenValue,
            String tokenType) {
        Map<String, Object> body = new HashMap<>();
        body.put("stationId", stationId);
        body.put("idToken", Map.of("value", tokenValue, "type", tokenType));
        if (evseId != null) {
            body.put("evseId", evseId);
        }
        if (connectorId != null) {
            body.put("connectorId", connectorId);
        }
        return request().contentType(ContentType.JSON).body(body).post("/api/v1/sessions/remote-start");
    }

    /**
     * {@code POST /api/v1/sessions/{id}/remote-stop}: 202 with {@code commandId} and a Location, 404 unknown, 409
     * not Active or station not connected. The status is the caller's to check.
     */
    public Response remoteStop(String sessionId) {
        return request().post("/api/v1/sessions/{id}/remote-stop", sessionId);
    }

    /** {@code GET /api/v1/commands/{id}}: a command session-service sent, with its result once it came; 200. */
    public JsonPath command(String commandId) {
        return request().get("/api/v1/commands/{id}", commandId).then().statusCode(200).extract().jsonPath();
    }
}
