package dev.csms.runtime.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.csms.localstack.LocalStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "runtime"))
class ProblemJsonTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void problemExceptionKeepsStatusTitleAndDetail() {
        given().when().get("/test/problems/busy")
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Station busy"))
                .body("status", equalTo(409))
                .body("detail", equalTo("Station CS-1 already runs a transaction"))
                .body("instance", equalTo("/test/problems/busy"));
    }

    @Test
    void everyInvalidBodyFieldIsListed() {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\" \",\"count\":0,\"connectors\":[{\"id\":1},{\"id\":0}]}")
                .when().post("/test/problems/widgets")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(ProblemTypes.VALIDATION))
                .body("status", equalTo(400))
                .body("errors.field", containsInAnyOrder("connectors[1].id", "count", "name"))
                .body("errors.find { it.field == 'count' }.message", containsString("greater than or equal to 1"));
    }

    @Test
    void anInvalidQueryParameterIsNamed() {
        given().when().get("/test/problems/page?limit=0")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void aValidBodyPasses() {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"w\",\"count\":1,\"connectors\":[{\"id\":1}]}")
                .when().post("/test/problems/widgets")
                .then().statusCode(200).body("name", equalTo("w"));
    }

    @Test
    void malformedJsonIs400WithoutEchoingTheBody() {
        given().contentType(ContentType.JSON).body("{\"name\": secret-token")
                .when().post("/test/problems/widgets")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(ProblemTypes.MALFORMED_BODY))
                .body("title", equalTo("Malformed request body"))
                .body("detail", not(containsString("secret")));
    }

    @Test
    void aBodyOfTheWrongShapeNamesTheField() {
        given().contentType(ContentType.JSON).body("{\"name\":\"w\",\"count\":\"many\",\"connectors\":[]}")
                .when().post("/test/problems/widgets")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(ProblemTypes.MALFORMED_BODY))
                .body("detail", containsString("'count'"));
    }

    @Test
    void unknownResourceIs404() {
        given().when().get("/test/problems/nothing-here")
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("title", equalTo("Not Found"))
                .body("status", equalTo(404));
        given().when().get("/no/such/root")
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("status", equalTo(404));
    }

    @Test
    void wrongMethodIs405() {
        given().when().delete("/test/problems/busy")
                .then().statusCode(405).contentType(PROBLEM_JSON)
                .body("title", equalTo("Method Not Allowed"))
                .body("detail", equalTo("Method DELETE is not allowed on /test/problems/busy"));
    }

    @Test
    void unsupportedMediaTypeIs415() {
        given().contentType(ContentType.XML).body("<widget/>")
                .when().post("/test/problems/widgets")
                .then().statusCode(415).contentType(PROBLEM_JSON)
                .body("title", equalTo("Unsupported Media Type"));
    }

    @Test
    void unacceptableMediaTypeIs406() {
        given().accept(ContentType.XML).when().get("/test/problems/page?limit=1")
                .then().statusCode(406).contentType(PROBLEM_JSON)
                .body("title", equalTo("Not Acceptable"));
    }

    @Test
    void unexpectedErrorIs500WithoutInternals() {
        given().when().get("/test/problems/boom")
                .then().statusCode(500).contentType(PROBLEM_JSON)
                .body("type", equalTo(ProblemTypes.INTERNAL))
                .body("instance", startsWith("urn:uuid:"))
                .body("detail", allOf(not(containsString("hunter2")), not(containsString("IllegalState"))))
                .body("errors", nullValue());
    }
}
