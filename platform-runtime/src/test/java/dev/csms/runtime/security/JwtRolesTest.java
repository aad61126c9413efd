package dev.csms.runtime.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
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
    void tokenOfAnotherIssuerIs401() {
        String token = Jwt.issuer("someone-else").upn("alice").groups(Set.of(Roles.OPERATOR)).sign();
        given().auth().oauth2(token).when().get(STATIONS)
                .then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void expiredTokenIs401() {
        long past = System.currentTimeMillis() / 1000 - 3600;
        String token = Jwt.issuer("csms-local").upn("alice").groups(Set.of(Roles.OPERATOR))
                .issuedAt(past - 60).expiresAt(past).sign();
        given().auth().oauth2(token).when().get(STATIONS)
                .then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void tokenSignedWithAnotherKeyIs401() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String token = Jwt.issuer("csms-local").upn("mallory").groups(Set.of(Roles.OPERATOR))
                .sign(generator.generateKeyPair().getPrivate());
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

    private static String token(String role) {
        return Jwt.issuer("csms-local").upn("alice").groups(Set.of(role)).sign();
    }
}
