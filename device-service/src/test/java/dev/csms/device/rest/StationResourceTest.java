package dev.csms.device.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import dev.csms.localstack.testing.TopicProbe;
import dev.csms.device.testing.Tokens;
import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.credentials.PasswordHashes;
import dev.csms.events.credentials.StationCredentials;
import dev.csms.events.device.StationChanged;
import dev.csms.localstack.LocalStackTestResource;
import dev.csms.ocpp.OcppVersion;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The operator API on the local stack: real PostgreSQL for the registry, real Kafka for what it publishes. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "device"))
class StationResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private final EventCodec codec = new EventCodec();
    private final Topics topics = Topics.unprefixed();

    private static String newId() {
        return "CS-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> settings(String id, String site) {
        return new HashMap<>(Map.of("id", id, "siteId", site, "securityProfile", 1, "enabled", true,
                "expectedVendor", "ACME", "expectedModel", "Wallbox 22",
                "allowedOcppVersions", List.of("1.6", "2.0.1"), "heartbeatInterval", 120));
    }

    private static void create(Map<String, Object> body) {
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/stations").then().statusCode(201);
    }

    @Test
    void anOperatorCreatesAStationAndAViewerReadsIt() {
        String id = newId();
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(settings(id, "site-a"))
                .when().post("/api/v1/stations")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/stations/" + id))
                .body("id", equalTo(id)).body("registrationStatus", equalTo("Accepted"))
                .body("passwordSet", equalTo(false)).body("allowedOcppVersions", containsInAnyOrder("1.6", "2.0.1"));

        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + id)
                .then().statusCode(200).body("siteId", equalTo("site-a")).body("heartbeatInterval", equalTo(120))
                .body("expectedModel", equalTo("Wallbox 22")).body("$", not(hasKey("passwordHash")));
    }

    @Test
    void anUpdateReplacesTheSettingsAndPublishesAStationChange() {
        String id = newId();
        create(settings(id, "site-a"));
        try (TopicProbe stations = new TopicProbe(topics.name(Topics.DEVICE_STATIONS))) {
            Map<String, Object> changed = settings(id, "site-b");
            changed.put("enabled", false);
            given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(changed)
                    .when().put("/api/v1/stations/" + id)
                    .then().statusCode(200).body("siteId", equalTo("site-b")).body("enabled", equalTo(false));

            // The Created event may still be on its way from the outbox: wait for the update's.
            ConsumerRecord<String, byte[]> record = stations.await(r -> id.equals(r.key()) && codec.fromRecord(r,
                    EventTypes.STATION_CHANGED).data().change() == StationChanged.StationChange.Updated);
            StationChanged event = codec.fromRecord(record, EventTypes.STATION_CHANGED).data();
            assertThat(event.siteId()).isEqualTo("site-b");
            assertThat(event.enabled()).isFalse();
        }
    }

    @Test
    void aPasswordIsShownOnceAndPublishedAsAHashThenADeleteTombstonesTheCredentials() {
        String id = newId();
        create(settings(id, "site-a"));
        try (TopicProbe credentials = new TopicProbe(topics.deviceCredentials())) {
            String password = given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                    .body(Map.of("password", "correct-horse-battery"))
                    .when().post("/api/v1/stations/" + id + "/password")
                    .then().statusCode(200).body("stationId", equalTo(id)).extract().path("password");
            assertThat(password).isEqualTo("correct-horse-battery");

            ConsumerRecord<String, byte[]> record = credentials.await(r -> id.equals(r.key()) && r.value() != null);
            StationCredentials published = codec.fromRecord(record, EventTypes.STATION_CREDENTIALS).data();
            assertThat(PasswordHashes.verify(password.toCharArray(), published.passwordHash())).isTrue();
            assertThat(published.securityProfile()).isEqualTo(1);
            assertThat(published.allowedOcppVersions()).containsExactlyInAnyOrder(OcppVersion.V1_6, OcppVersion.V2_0_1);
            assertThat(new String(record.value())).doesNotContain(password);

            // Rotation without a body generates a new password, shown once; the stored hash changes with it.
            String rotated = given().auth().oauth2(Tokens.operator())
                    .when().post("/api/v1/stations/" + id + "/password")
                    .then().statusCode(200).extract().path("password");
            assertThat(rotated).hasSize(32).isNotEqualTo(password);
            StationCredentials second = codec.fromRecord(credentials.awaitAll(
                    r -> id.equals(r.key()) && r.value() != null, 2).get(1), EventTypes.STATION_CREDENTIALS).data();
            assertThat(PasswordHashes.verify(rotated.toCharArray(), second.passwordHash())).isTrue();
            given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + id)
                    .then().statusCode(200).body("passwordSet", equalTo(true)).body("$", not(hasKey("password")));

            given().auth().oauth2(Tokens.operator()).when().delete("/api/v1/stations/" + id).then().statusCode(204);
            credentials.await(r -> id.equals(r.key()) && r.value() == null);
            given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + id)
                    .then().statusCode(404).contentType(PROBLEM);
        }
    }

    @Test
    void searchFiltersBySiteAndTextAndPages() {
        String site = "site-" + UUID.randomUUID().toString().substring(0, 8);
        String a = newId();
        String b = newId();
        String c = newId();
        create(settings(a, site));
        create(settings(b, site));
        Map<String, Object> disabled = settings(c, site);
        disabled.put("enabled", false);
        create(disabled);

        given().auth().oauth2(Tokens.viewer()).queryParam("siteId", site).queryParam("size", 2)
                .when().get("/api/v1/stations")
                .then().statusCode(200).body("total", equalTo(3)).body("items", hasSize(2)).body("size", equalTo(2));
        given().auth().oauth2(Tokens.viewer()).queryParam("siteId", site).queryParam("size", 2).queryParam("page", 1)
                .when().get("/api/v1/stations")
                .then().statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(Tokens.viewer()).queryParam("siteId", site).queryParam("status", "Rejected")
                .when().get("/api/v1/stations")
                .then().statusCode(200).body("items.id", containsInAnyOrder(c));
        given().auth().oauth2(Tokens.viewer()).queryParam("q", a.substring(3).toUpperCase())
                .when().get("/api/v1/stations")
                .then().statusCode(200).body("items.id", hasItem(a)).body("total", equalTo(1));
        given().auth().oauth2(Tokens.viewer()).queryParam("siteId", site).queryParam("vendor", "acme")
                .queryParam("model", "wallbox 22")
                .when().get("/api/v1/stations")
                .then().statusCode(200).body("total", equalTo(3));
    }

    @Test
    void invalidBodiesAndParametersAre400() {
        Map<String, Object> badId = settings("CS:1", "site-a");
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(badId)
                .when().post("/api/v1/stations")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(endsWith("id")));
        Map<String, Object> badProfile = settings(newId(), "site-a");
        badProfile.put("securityProfile", 4);
        badProfile.put("allowedOcppVersions", List.of("1.5"));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(badProfile)
                .when().post("/api/v1/stations")
                .then().statusCode(400).contentType(PROBLEM).body("errors", hasSize(2));
        Map<String, Object> noId = settings(newId(), "site-a");
        noId.remove("id");
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(noId)
                .when().post("/api/v1/stations")
                .then().statusCode(400).contentType(PROBLEM).body("detail", equalTo("id is required"));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body("{\"id\": ")
                .when().post("/api/v1/stations")
                .then().statusCode(400).contentType(PROBLEM);
        String id = newId();
        create(settings(id, "site-a"));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(settings("other", "site-a"))
                .when().put("/api/v1/stations/" + id)
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(Map.of("password", "short"))
                .when().post("/api/v1/stations/" + id + "/password")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(Tokens.viewer()).queryParam("size", 0).when().get("/api/v1/stations")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(Tokens.viewer()).queryParam("status", "Sleeping").when().get("/api/v1/stations")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void tokensAndRolesAreChecked() {
        given().when().get("/api/v1/stations").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2("not-a-token").when().get("/api/v1/stations").then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).body(settings(newId(), "s"))
                .when().post("/api/v1/stations").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.viewer()).when().post("/api/v1/stations/x/password")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.viewer()).when().delete("/api/v1/stations/x")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void unknownStationsAre404AndDuplicatesOrNonPendingAccepts409() {
        String missing = newId();
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + missing)
                .then().statusCode(404).contentType(PROBLEM).body("detail", equalTo("no station " + missing));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(settings(missing, "s"))
                .when().put("/api/v1/stations/" + missing).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.operator()).when().delete("/api/v1/stations/" + missing)
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.operator()).when().post("/api/v1/stations/" + missing + "/password")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.operator()).when().post("/api/v1/stations/" + missing + "/accept")
                .then().statusCode(404).contentType(PROBLEM);

        String id = newId();
        create(settings(id, "site-a"));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(settings(id, "site-a"))
                .when().post("/api/v1/stations").then().statusCode(409).contentType(PROBLEM);
        given().auth().oauth2(Tokens.operator()).when().post("/api/v1/stations/" + id + "/accept")
                .then().statusCode(409).contentType(PROBLEM);
    }
}
