package dev.csms.runtime.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.csms.localstack.LocalStack;
import dev.csms.localstack.LocalStackTestResource;
import dev.csms.localstack.jwt.LocalJwtIssuer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Role checks with tokens of the local stack's issuer (the key the application verifies with). */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "runtime"))
class JwtRolesTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String STATIONS = "/test/secured/stations";

    @Test
    void viewerAndOperatorMayRead() {
        given().auth().oauth2(token(Roles.VIEWER)).when().get(STATIONS).then().statusCode(200);
        given().auth().oauth2(token(Roles.OPERATOR)).when().get(STATIONS).then().statusCode(200);
    }

    @Test
    void onlyOperatorMayWrite() {
        given().auth().oauth2(token(Roles.OPERATOR)).when().post(STATIONS).then().statusCode(201);
        given().auth().oauth2(token(Roles.VIEWER)).when().post(STATIONS)
                .then().statusCode(403).contentType(PROBLEM_JSON)
                .body("status", equalTo(403))
                .body("title", equalTo("Forbidden"))
                .body("instance", equalTo(STATIONS));
    }

    @Test
    void aTokenWithoutAKnownRoleMayNotRead() {
        given().auth().oauth2(token("guest")).when().get(STATIONS)
                .then().statusCode(403).contentType(PROBLEM_JSON).body("status", equalTo(403));
    }

    @Test
    void noTokenIs401WithChallenge() {
        given().when().get(STATIONS)
                .then().statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("title", equalTo("Unauthorized"))
                .body("status", equalTo(401));
    }

    @Test
    void garbageTokenIs401() {
        given().auth().oauth2("not-a-jwt").when().get(STATIONS)
                .then().statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    void expiredTokenIs401() {
        String token = LocalStack.get().jwt().token("alice", Set.of(Roles.OPERATOR), Duration.ofHours(-1));
        given().auth().oauth2(token).when().get(STATIONS)
                .then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void tokenSignedWithAnotherKeyIs401() throws IOException {
        Path elsewhere = Files.createTempDirectory("csms-other-jwt-");
        String token = LocalJwtIssuer.loadOrCreate(elsewhere).token("mallory", Set.of(Roles.OPERATOR));
        given().auth().oauth2(token).when().post(STATIONS)
                .then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void pathPolicyFailuresAreProblemsToo() {
        given().when().get("/test/ops/status")
                .then().statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
        given().auth().oauth2("not-a-jwt").when().get("/test/ops/status")
                .then().statusCode(401).contentType(PROBLEM_JSON)
                .body("status", equalTo(401));
        given().auth().oauth2(token(Roles.VIEWER)).when().get("/test/ops/status")
                .then().statusCode(200);
    }

    @Test
    void healthStaysOpen() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theRoleNamesMatchTheLocalIssuers() {
        assertThat(Set.of(Roles.OPERATOR, Roles.VIEWER))
                .containsExactlyInAnyOrder(LocalJwtIssuer.OPERATOR, LocalJwtIssuer.VIEWER);
    }

    private static String token(String role) {
        return LocalStack.get().jwt().token("alice", Set.of(role));
    }
}
