package dev.csms.runtime.command;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.csms.events.Topics;
import dev.csms.localstack.LocalStack;
import dev.csms.localstack.LocalStackTestResource;
import dev.csms.ocpp.canonical.ResetType;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.runtime.presence.PresenceView;
import dev.csms.runtime.problem.Problem;
import dev.csms.runtime.problem.ProblemTypes;
import dev.csms.runtime.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/commands} over HTTP, with tokens of the local stack's issuer. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "runtime"))
class CommandResourceTest {

    private static final String COMMANDS = "/api/v1/commands";

    @Inject
    CommandLedger ledger;

    @Inject
    PresenceView presence;

    @Inject
    Topics topics;

    private CommandFixtures gateway;

    @BeforeEach
    void open() {
        gateway = new CommandFixtures(topics, presence);
    }

    @AfterEach
    void close() {
        gateway.close();
    }

    @Test
    void aViewerReadsACommandAndItsResult() throws Throwable {
        String station = gateway.connectedStation();
        CommandRecord submitted = VertxContextSupport.subscribeAndAwait(() -> ledger.submitNow(new CommandRequest(
                station, new StationCommand.Reset(ResetType.OnIdle, 2), "reset", "ticket-9", "alice", null)));
        VertxContextSupport.subscribeAndAwait(() -> ledger.onResult(
                CommandFixtures.answered(submitted.commandId(), station, true)));

        given().auth().oauth2(token(Roles.VIEWER)).when().get(COMMANDS + "/" + submitted.commandId())
                .then().statusCode(200)
                .body("commandId", equalTo(submitted.commandId()))
                .body("stationId", equalTo(station))
                .body("action", equalTo("Reset"))
                .body("kind", equalTo("reset"))
                .body("reference", equalTo("ticket-9"))
                .body("requestedBy", equalTo("alice"))
                .body("status", equalTo("Answered"))
                .body("request.type", equalTo("Reset"))
                .body("request.evseId", equalTo(2))
                .body("response.accepted", equalTo(true))
                .body("errorCode", nullValue())
                .body("createdAt", equalTo(submitted.createdAt().toString()))
                .body("deadline", equalTo(submitted.deadline().toString()))
                .body("completedAt", equalTo("2026-03-01T10:00:00.123456Z"));
    }

    @Test
    void anOperatorListsTheCommandsOfAStation() throws Throwable {
        String station = gateway.connectedStation();
        CommandRecord first = VertxContextSupport.subscribeAndAwait(() -> ledger.submitNow(
                CommandRequest.of(station, new StationCommand.ClearCache(), "clear-cache", "bob")));
        CommandRecord second = VertxContextSupport.subscribeAndAwait(() -> ledger.submitNow(
                CommandRequest.of(station, new StationCommand.ClearCache(), "clear-cache", "bob")));

        given().auth().oauth2(token(Roles.OPERATOR)).queryParam("stationId", station).when().get(COMMANDS)
                .then().statusCode(200)
                .body("", hasSize(2))
                .body("[0].commandId", equalTo(second.commandId()))
                .body("[0].status", equalTo("Pending"))
                .body("[1].commandId", equalTo(first.commandId()));
        given().auth().oauth2(token(Roles.OPERATOR)).queryParam("stationId", station).queryParam("limit", 1)
                .when().get(COMMANDS)
                .then().statusCode(200).body("", hasSize(1)).body("[0].commandId", equalTo(second.commandId()));
    }

    @Test
    void anUnknownCommandIs404() {
        given().auth().oauth2(token(Roles.VIEWER)).when().get(COMMANDS + "/no-such-command")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404))
                .body("detail", equalTo("No command no-such-command"));
    }

    @Test
    void listingWithoutStationOrWithABadLimitIs400() {
        given().auth().oauth2(token(Roles.VIEWER)).when().get(COMMANDS)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(ProblemTypes.VALIDATION))
                .body("errors[0].field", equalTo("stationId"));
        given().auth().oauth2(token(Roles.VIEWER)).queryParam("stationId", "CS-1").queryParam("limit", 0)
                .when().get(COMMANDS)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void withoutATokenIs401AndWithoutARoleIs403() {
        given().when().get(COMMANDS + "/any").then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(token("guest")).when().get(COMMANDS + "/any")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
    }

    private static String token(String role) {
        return LocalStack.get().jwt().token("alice", Set.of(role));
    }
}
