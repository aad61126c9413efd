package dev.csms.session.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Registers tokens through the operator API. */
public final class TokenFixtures {

    private TokenFixtures() {
    }

    public static String newValue() {
        return "TAG" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    /** A fresh Accepted token of type ISO14443; returns its value. */
    public static String accepted() {
        String value = newValue();
        create(Map.of("value", value, "type", "ISO14443", "status", "Accepted"));
        return value;
    }

    /** Creates a token from the given fields; returns its id. */
    public static long create(Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        return given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/tokens").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
