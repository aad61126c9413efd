package dev.csms.ocpp.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.CanonicalJson;
import dev.csms.ocpp.canonical.CsmsAnswer;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.ocpp.canonical.StationEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every adapter promises, checked over every fixture and every canonical command: inbound payloads map,
 * canonical events survive JSON, and every payload an adapter produces is valid against the official schema.
 */
class AdapterContractTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-14T09:00:00Z"), ZoneOffset.UTC);

    static Stream<Fixtures.Fixture> fixtures() {
        return Arrays.stream(OcppVersion.values()).flatMap(v -> Fixtures.all(v).stream());
    }

    static Stream<Arguments> commands() {
        return Arrays.stream(OcppVersion.values())
                .flatMap(v -> CanonicalSamples.commands().stream().map(c -> Arguments.of(v, c)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureIsAValidStationRequest(Fixtures.Fixture fixture) {
        OfficialSchemas.assertValid(fixture.version(), fixture.action(), true, fixture.payload());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void requestMapsAndItsAnswerIsSchemaValid(Fixtures.Fixture fixture) throws Exception {
        OcppAdapter adapter = OcppAdapter.forVersion(fixture.version(), CLOCK);

        StationEvent event = adapter.toCanonical(fixture.action(), fixture.payload());

        String json = CanonicalJson.mapper().writeValueAsString(event);
        assertThat(CanonicalJson.mapper().readValue(json, StationEvent.class)).isEqualTo(event);

        CsmsAnswer answer = event.requiresDecision() ? CanonicalSamples.decision(fixture.action())
                : new CsmsAnswer.EmptyAnswer();
        JsonNode response = adapter.toResponse(fixture.action(), answer);
        OfficialSchemas.assertValid(fixture.version(), fixture.action(), false, response);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("commands")
    void commandBecomesASchemaValidCall(OcppVersion version, StationCommand command) throws Exception {
        OcppRequest request = OcppAdapter.forVersion(version, CLOCK).toRequest(command);

        OfficialSchemas.assertValid(version, request.action(), true, request.payload());
        String json = CanonicalJson.mapper().writeValueAsString(command);
        assertThat(CanonicalJson.mapper().readValue(json, StationCommand.class)).isEqualTo(command);
    }

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void adapterSpeaksItsVersion(OcppVersion version) {
        assertThat(OcppAdapter.forVersion(version, CLOCK).version()).isEqualTo(version);
    }
}
