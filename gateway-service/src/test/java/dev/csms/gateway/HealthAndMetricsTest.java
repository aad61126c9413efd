package dev.csms.gateway;

import dev.csms.gateway.support.GatewayTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HealthAndMetricsTest {

    @Test
    void readinessIsUpOnceTheViewsAreLoaded() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/q/health/ready")
                        .then().statusCode(200).body("status", equalTo("UP"))
                        .body("checks.find { it.name == 'gateway' }.data.kafka", equalTo("writable")));
    }

    @Test
    void theOperatorApiIsDescribedInOpenApi() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("CSMS gateway-service operator API"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/connections"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("csms_gateway_connections{profile=\"1\",version=\"2.0.1\"}"));
    }
}
