package dev.csms.session.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.csms.localstack.LocalStackTestResource;
import dev.csms.session.testing.TokenFixtures;
import dev.csms.session.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The token registry API on the local stack. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "session"))
class TokenResourceTest {

    private static final String PROBLEM = "application/problem+json";

    private static Map<String, Object> token(String value) {
        Map<String, Object> body = new HashMap<>();
        body.put("value", value);
        body.put("type", "eMAID");
        body.put("status", "Accepted");
        body.put("expiresAt", "2099-01-01T00:00:00Z");
        body.put("groupIdToken", Map.of("value", "FLEET-" + value, "type", "Central"));
        body.put("allowedStations", List.of("CS-1", "CS-2"));
        body.put("maxConcurrentSessions", 2);
        return body;
    }

    @Test
    void anOperatorCreatesReadsUpdatesAndDeletesAToken() {
        String value = TokenFixtures.newValue();
        long id = given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(token(value))
                .when().post("/api/v1/tokens")
                .then().statusCode(201).header("Location", containsString("/api/v1/tokens/"))
                .extract().jsonPath().getLong("id");
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/tokens/" + id)
                .then().statusCode(200).body("value", equalTo(value)).body("type", equalTo("eMAID"))
                .body("groupIdToken.value", equalTo("FLEET-" + value)).body("allowedStations", contains("CS-1", "CS-2"))
                .body("maxConcurrentSessions", equalTo(2)).body("expiresAt", equalTo("2099-01-01T00:00:00Z"));

        Map<String, Object> blocked = token(value);
        blocked.put("status", "Blocked");
        blocked.remove("groupIdToken");
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(blocked)
                .when().put("/api/v1/tokens/" + id)
                .then().statusCode(200).body("status", equalTo("Blocked")).body("groupIdToken", equalTo(null));

        given().auth().oauth2(Tokens.operator()).when().delete("/api/v1/tokens/" + id).then().statusCode(204);
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/tokens/" + id)
                .then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
    }

    @Test
    void theSameValueAndTypeTwiceIsAConflictWhateverTheCase() {
        String value = TokenFixtures.newValue();
        TokenFixtures.create(token(value));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(token(value.toLowerCase()))
                .when().post("/api/v1/tokens")
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("already exists"));
        // the same value with another type is another token
        Map<String, Object> rfid = token(value);
        rfid.put("type", "ISO14443");
        TokenFixtures.create(rfid);
    }

    @Test
    void invalidBodiesAre400WithTheFields() {
        Map<String, Object> body = token("");
        body.put("maxConcurrentSessions", 0);
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/tokens")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem(containsString("value")))
                .body("errors.field", hasItem(containsString("maxConcurrentSessions")));

        Map<String, Object> decision = token(TokenFixtures.newValue());
        decision.put("status", "ConcurrentTx");
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(decision)
                .when().post("/api/v1/tokens")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("is a decision"));

        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body("{\"value\": \"X\", \"type\": \"Teleport\"}")
                .when().post("/api/v1/tokens")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void searchFiltersAndPages() {
        String prefix = TokenFixtures.newValue();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = token(prefix + "-" + i);
            body.put("status", i == 2 ? "Blocked" : "Accepted");
            body.put("groupIdToken", Map.of("value", "G-" + prefix, "type", "Central"));
            TokenFixtures.create(body);
        }
        given().auth().oauth2(Tokens.viewer()).queryParam("q", prefix.toLowerCase()).queryParam("size", 2)
                .when().get("/api/v1/tokens")
                .then().statusCode(200).body("total", equalTo(3)).body("items", hasSize(2))
                .body("items[0].value", equalTo(prefix + "-0"));
        given().auth().oauth2(Tokens.viewer()).queryParam("group", "g-" + prefix).queryParam("status", "Blocked")
                .when().get("/api/v1/tokens")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].value", equalTo(prefix + "-2"));
        given().auth().oauth2(Tokens.viewer()).queryParam("status", "Sleepy").when().get("/api/v1/tokens")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void withoutATokenIs401AndAViewerCannotWrite() {
        given().when().get("/api/v1/tokens").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).body(token(TokenFixtures.newValue()))
                .when().post("/api/v1/tokens").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.nobody()).when().get("/api/v1/tokens").then().statusCode(403);
        given().auth().oauth2(Tokens.viewer()).contentType("text/csv").body("value,type,status\n")
                .when().post("/api/v1/tokens/import").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void aCsvImportCreatesAndUpdatesAndReportsEachRejectedRowWithItsLine() {
        String a = TokenFixtures.newValue();
        String b = TokenFixtures.newValue();
        String existing = TokenFixtures.accepted();
        String csv = "value,type,status,expiresAt,groupValue,allowedStations,maxConcurrentSessions\n"
                + a + ",ISO14443,Accepted,2099-01-01T00:00:00Z,FLEET-9,CS-1;CS-2,3\n"
                + "\n"
                + ",ISO14443,Accepted,,,,\n"
                + "\"" + b + "\",Central,Blocked,,,,\n"
                + "X1,Teleport,Accepted,,,,\n"
                + a + ",ISO14443,Accepted,,,,\n"
                + existing + ",ISO14443,Blocked,,,,\n"
                + "X2,Central,Accepted,yesterday,,,\n"
                + "X3,Central,Accepted\n";
        var report = given().auth().oauth2(Tokens.operator()).contentType("text/csv").body(csv)
                .when().post("/api/v1/tokens/import")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        assertThat(report.getInt("created")).isEqualTo(2);
        assertThat(report.getInt("updated")).isEqualTo(1);
        assertThat(report.getList("rejected.line", Integer.class)).containsExactly(4, 6, 7, 9, 10);
        assertThat(report.getString("rejected[0].reason")).contains("value");
        assertThat(report.getString("rejected[1].reason")).contains("Teleport");
        assertThat(report.getString("rejected[2].reason")).contains("line 2");
        assertThat(report.getString("rejected[3].reason")).contains("expiresAt");
        assertThat(report.getString("rejected[4].reason")).contains("fields");

        given().auth().oauth2(Tokens.viewer()).queryParam("q", a).when().get("/api/v1/tokens")
                .then().statusCode(200).body("items[0].maxConcurrentSessions", equalTo(3))
                .body("items[0].allowedStations", contains("CS-1", "CS-2"))
                .body("items[0].groupIdToken.value", equalTo("FLEET-9"));
        given().auth().oauth2(Tokens.viewer()).queryParam("q", existing).when().get("/api/v1/tokens")
                .then().statusCode(200).body("items[0].status", equalTo("Blocked"));
    }

    @Test
    void anImportOverTheRowLimitIs413AndImportsNothing() {
        String prefix = TokenFixtures.newValue();
        StringBuilder csv = new StringBuilder("value,type,status\n");
        for (int i = 0; i < 51; i++) {
            csv.append(prefix).append('-').append(i).append(",Central,Accepted\n");
        }
        given().auth().oauth2(Tokens.operator()).contentType("text/csv").body(csv.toString())
                .when().post("/api/v1/tokens/import")
                .then().statusCode(413).contentType(PROBLEM).body("detail", containsString("50 rows"));
        given().auth().oauth2(Tokens.viewer()).queryParam("q", prefix).when().get("/api/v1/tokens")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aJsonImportReportsTheLineEachRejectedElementStartsOn() {
        String a = TokenFixtures.newValue();
        String json = "[\n"
                + "  {\"value\": \"" + a + "\", \"type\": \"KeyCode\", \"status\": \"Accepted\"},\n"
                + "  {\"value\": \"X\",\n"
                + "   \"type\": \"KeyCode\", \"status\": \"Unknown\"},\n"
                + "  {\"value\": \"Y\", \"type\": \"Nope\", \"status\": \"Accepted\"},\n"
                + "  17\n"
                + "]";
        var report = given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(json)
                .when().post("/api/v1/tokens/import")
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("created")).isEqualTo(1);
        assertThat(report.getList("rejected.line", Integer.class)).containsExactly(3, 5, 6);
        assertThat(report.getString("rejected[0].reason")).contains("decision");
        assertThat(report.getString("rejected[1].reason")).contains("type");

        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body("{\"value\": 1}")
                .when().post("/api/v1/tokens/import").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(Tokens.operator()).contentType("text/csv").body("value,type,colour\n")
                .when().post("/api/v1/tokens/import")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("colour"));
    }
}
