package dev.csms.ocpp.canonical;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.csms.ocpp.canonical.CanonicalJson.mapper;
import static org.assertj.core.api.Assertions.assertThat;

class CanonicalJsonTest {

    @ParameterizedTest
    @ValueSource(classes = {StationEvent.class, CsmsAnswer.class, StationCommand.class})
    void everyVariantHasItsSimpleNameAsDiscriminator(Class<?> family) {
        Map<Class<?>, String> declared = Arrays.stream(family.getAnnotation(JsonSubTypes.class).value())
                .collect(Collectors.toMap(JsonSubTypes.Type::value, JsonSubTypes.Type::name));

        assertThat(declared.keySet()).containsExactlyInAnyOrder(family.getPermittedSubclasses());
        declared.forEach((type, name) -> assertThat(name).isEqualTo(type.getSimpleName()));
    }

    @Test
    void everyAnswerSurvivesJson() throws Exception {
        List<CsmsAnswer> answers = List.of(
                new CsmsAnswer.BootNotificationAnswer(RegistrationStatus.Accepted, 300,
                        Instant.parse("2025-03-14T09:00:00Z"), new StatusInfo("Ok", "welcome")),
                new CsmsAnswer.AuthorizeAnswer(IdTokenInfo.of(AuthorizationStatus.NoCredit),
                        AuthorizeCertificateStatus.CertChainError),
                new CsmsAnswer.TransactionEventAnswer(17, IdTokenInfo.of(AuthorizationStatus.Accepted),
                        new BigDecimal("12.30"), -2, new MessageContent(MessageFormat.HTML, "fr", "<b>Bonjour</b>")),
                new CsmsAnswer.DataTransferAnswer(DataTransferStatus.UnknownVendorId, TextNode.valueOf("x"), null),
                new CsmsAnswer.SignCertificateAnswer(GenericStatus.Rejected, new StatusInfo("BadCsr", null)),
                new CsmsAnswer.EmptyAnswer(),
                new CsmsAnswer.RawAnswer(mapper().readTree("{\"status\":\"Accepted\",\"n\":[1.50]}")));
        assertThat(answers.stream().map(Object::getClass).toList())
                .containsExactlyInAnyOrder(CsmsAnswer.class.getPermittedSubclasses());

        for (CsmsAnswer answer : answers) {
            String json = mapper().writeValueAsString(answer);
            assertThat(mapper().readValue(json, CsmsAnswer.class)).as(json).isEqualTo(answer);
        }
    }

    @Test
    void wireFormatIsIsoTimePlainDecimalsNoNullsAndEnumNamesFromOcpp() throws Exception {
        SampledValue value = new SampledValue(new BigDecimal("1.2E+4"), Measurand.ENERGY_ACTIVE_IMPORT_REGISTER, "Wh",
                Phase.L1_N, Location.Outlet, ReadingContext.SAMPLE_CLOCK, null);
        StationEvent event = new StationEvent.MeterValues(1,
                List.of(new MeterValue(Instant.parse("2025-03-14T09:00:00Z"), List.of(value))));

        JsonNode json = mapper().valueToTree(event);

        assertThat(json.get("type").asText()).isEqualTo("MeterValues");
        JsonNode sample = json.get("meterValues").get(0);
        assertThat(sample.get("timestamp").asText()).isEqualTo("2025-03-14T09:00:00Z");
        JsonNode sv = sample.get("sampledValues").get(0);
        assertThat(sv.get("measurand").asText()).isEqualTo("Energy.Active.Import.Register");
        assertThat(sv.get("phase").asText()).isEqualTo("L1-N");
        assertThat(sv.get("context").asText()).isEqualTo("Sample.Clock");
        assertThat(mapper().writeValueAsString(sv)).contains("\"value\":12000").doesNotContain("signedMeterValue");
    }

    @Test
    void unknownPropertiesAreIgnoredForForwardCompatibility() throws Exception {
        StationEvent event = mapper().readValue("{\"type\":\"Heartbeat\",\"addedInV2\":true}", StationEvent.class);

        assertThat(event).isEqualTo(new StationEvent.Heartbeat());
    }

    @Test
    void decisionFlagIsNotPartOfTheJson() throws Exception {
        String json = mapper().writeValueAsString(new StationEvent.Authorize(IdToken.ofIdTag("A"), null, null));

        assertThat(json).doesNotContain("requiresDecision");
        assertThat(json).isEqualTo("{\"type\":\"Authorize\",\"idToken\":{\"value\":\"A\",\"type\":\"Central\","
                + "\"additionalInfo\":[]},\"iso15118CertificateHashData\":[]}");
    }
}
