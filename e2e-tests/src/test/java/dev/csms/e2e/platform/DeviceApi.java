package dev.csms.e2e.platform;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** device-service's operator API (docs/device-service.md), called over HTTP with an operator token. */
public final class DeviceApi {

    private static final List<String> ALL_VERSIONS = List.of("1.6", "2.0.1", "2.1");

    private final String baseUrl;
    private final Supplier<String> operatorToken;

    DeviceApi(String baseUrl, Supplier<String> operatorToken) {
        this.baseUrl = baseUrl;
        this.operatorToken = operatorToken;
    }

    /** A request to device-service as an operator; for calls this class does not wrap. */
    public RequestSpecification request() {
        return given().baseUri(baseUrl).auth().oauth2(operatorToken.get()).accept(ContentType.JSON);
    }

    /**
     * Registers a security profile 1 station (any version) and sets its password.
     *
     * @param heartbeatIntervalSeconds the interval its BootNotification answer gives; null for the global one
     */
    public void register(String stationId, String password, Integer heartbeatIntervalSeconds) {
        create(stationId, true, heartbeatIntervalSeconds);
        setPassword(stationId, password);
    }

    /** {@code POST /api/v1/stations}: profile 1, all versions; 201. */
    public void create(String stationId, boolean enabled, Integer heartbeatIntervalSeconds) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("id", stationId);
        settings.put("securityProfile", 1);
        settings.put("enabled", enabled);
        settings.put("allowedOcppVersions", ALL_VERSIONS);
        if (heartbeatIntervalSeconds != null) {
            settings.put("heartbeatInterval", heartbeatIntervalSeconds);
        }
        request().contentType(ContentType.JSON).body(settings)
                .post("/api/v1/stations")
                .then().statusCode(201);
    }

    /** {@code POST /api/v1/stations/{id}/password} with the given password; 200. */
    public void setPassword(String stationId, String password) {
        request().contentType(ContentType.JSON).body(Map.of("password", password))
                .post("/api/v1/stations/{id}/password", stationId)
                .then().statusCode(200);
    }

    /** {@code GET /api/v1/stations/{id}}: the station as the operator sees it; 200. */
    public JsonPath station(String stationId) {
        return request().get("/api/v1/stations/{id}", stationId).then().statusCode(200).extract().jsonPath();
    }

    /** {@code POST /api/v1/stations/{id}/accept}: accepts a pending station (and triggers its boot); 200. */
    public JsonPath accept(String stationId) {
        return request().post("/api/v1/stations/{id}/accept", stationId).then().statusCode(200).extract().jsonPath();
    }

    /**
     * {@code POST /api/v1/stations/{id}/operations/{operation}} (reset, availability, unlock, trigger, ...): 202 with
     * the command and a Location, 404 unknown station, 409 not connected. The status is the caller's to check.
     */
    public Response operation(String stationId, String operation, Map<String, Object> body) {
        return request().contentType(ContentType.JSON).body(body)
                .post("/api/v1/stations/{id}/operations/{operation}", stationId, operation);
    }

    /** {@code GET /api/v1/commands/{id}}: a command device-service sent, with its result once it came; 200. */
    public JsonPath command(String commandId) {
        return request().get("/api/v1/commands/{id}", commandId).then().statusCode(200).extract().jsonPath();
    }
}
