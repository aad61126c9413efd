package dev.csms.device.testing;

import static io.restassured.RestAssured.given;

import dev.csms.ocpp.OcppVersion;
import dev.csms.runtime.presence.PresenceView;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/** Stations for tests: registered through the operator API, and made present as the gateway would. */
public final class Stations {

    private static final List<String> BOTH_VERSIONS = List.of("1.6", "2.0.1");

    private Stations() {
    }

    /** A new enabled station {@code prefix + random}, security profile 1, OCPP 1.6 and 2.0.1 allowed. */
    public static String register(String prefix) {
        return register(prefix, 1, BOTH_VERSIONS);
    }

    /** A new enabled station {@code prefix + random} with this security profile and these OCPP versions. */
    public static String register(String prefix, int securityProfile, List<String> versions) {
        String id = prefix + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("id", id, "securityProfile", securityProfile, "enabled", true,
                        "allowedOcppVersions", versions))
                .when().post("/api/v1/stations").then().statusCode(201);
        return id;
    }

    /** Publishes the station's presence (connected with {@code version}) and waits until the service sees it. */
    public static void connect(StationCalls gateway, PresenceView presence, String id, OcppVersion version)
            throws Exception {
        gateway.present(id, version);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> presence.isConnected(id));
    }
}
