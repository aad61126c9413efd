package dev.csms.gateway;

import dev.csms.gateway.support.GatewayTestResource;
import dev.csms.gateway.support.KafkaTestClient;
import dev.csms.gateway.support.StationClient;
import dev.csms.gateway.support.StationClient.Options;
import dev.csms.gateway.support.TestStations;
import dev.csms.localstack.LocalStack;
import dev.csms.localstack.jwt.LocalJwtIssuer;
import dev.csms.ocpp.OcppVersion;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

/** GET /api/v1/connections: this replica's connections for viewers and operators, problem+json errors. */
@QuarkusTest
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ConnectionsResourceTest {

    private static final String PASSWORD = "connections-resource-16";

    @Inject
    Gateway gateway;

    private static String token(String... roles) {
        return LocalStack.get().jwt().token("alice", Set.of(roles));
    }

    @Test
    void viewersListThisReplicasConnectionsPageByPage() {
        String prefix = TestStations.newId("list");
        List<String> ids = List.of(prefix + "-a", prefix + "-b", prefix + "-c");
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            ids.forEach(id -> kafka.credentials(id, PASSWORD, 1, true, EnumSet.allOf(OcppVersion.class)));
            ids.forEach(id -> TestStations.awaitCredentials(gateway, id));
        }
        List<StationClient> stations = ids.stream().map(id -> StationClient.connect(TestStations.plain(id),
                Options.basic(id, PASSWORD, "ocpp1.6"))).toList();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> ids.stream()
                    .allMatch(id -> gateway.connections().get(id).isPresent()));
            String viewer = token(LocalJwtIssuer.VIEWER);
            String next = given().auth().oauth2(viewer).queryParam("limit", 2).queryParam("after", prefix)
                    .when().get("/api/v1/connections")
                    .then().statusCode(200)
                    .body("gatewayId", equalTo("gw-test-a"))
                    .body("total", greaterThanOrEqualTo(3))
                    .body("items.size()", equalTo(2))
                    .body("items[0].stationId", equalTo(ids.get(0)))
                    .body("items[0].ocppVersion", equalTo("1.6"))
                    .body("items[0].securityProfile", equalTo(1))
                    .body("items[1].stationId", equalTo(ids.get(1)))
                    .extract().path("next");
            assertThat(next).isEqualTo(ids.get(1));
            given().auth().oauth2(token(LocalJwtIssuer.OPERATOR)).queryParam("limit", 1).queryParam("after", next)
                    .when().get("/api/v1/connections")
                    .then().statusCode(200).body("items[0].stationId", equalTo(ids.get(2)));
            given().auth().oauth2(viewer).when().get("/api/v1/connections/" + ids.get(2))
                    .then().statusCode(200).body("connectionEpoch",
                            equalTo(gateway.connections().get(ids.get(2)).orElseThrow().epoch()));
        } finally {
            stations.forEach(StationClient::close);
        }
    }

    @Test
    void errorsAreProblemJson() {
        given().when().get("/api/v1/connections")
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(token("guest")).when().get("/api/v1/connections")
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(token(LocalJwtIssuer.VIEWER)).queryParam("limit", 0).when().get("/api/v1/connections")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(token(LocalJwtIssuer.VIEWER)).when().get("/api/v1/connections/nobody-here")
                .then().statusCode(404).contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("station nobody-here is not connected to gateway gw-test-a"));
    }
}
