package dev.csms.ocpp.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppJson;
import dev.csms.ocpp.OcppVersion;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every schema of every version: the synthesized samples are valid, and they survive a trip through the
 * generated Java type (deserialize, serialize) still valid; the full sample comes back unchanged, so no
 * property is lost by code generation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaSamplesTest {

    /** Numbers compare by value: 1.5 read as BigDecimal equals 1.5 written from a double node. */
    static final Comparator<JsonNode> NUMERIC = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue())
            : a.equals(b) ? 0 : 1;

    private final OcppSchemaValidator validator = new OcppSchemaValidator();
    private final SchemaSamples samples = new SchemaSamples();
    private final ObjectMapper mapper = OcppJson.newObjectMapper();

    static Stream<Arguments> everySchema() {
        return Arrays.stream(OcppVersion.values())
                .flatMap(version -> OcppActions.catalog().actions(version).stream())
                .flatMap(action -> Stream.of(MessageKind.values())
                        .filter(kind -> action.schemaResource(kind).isPresent())
                        .map(kind -> Arguments.of(action.version(), action.name(), kind, action)));
    }

    @Test
    void coversEverySchemaFile() {
        assertThat(everySchema()).hasSize(78 + 128 + 181);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everySchema")
    void minimalSampleIsValidAndSurvivesTheGeneratedType(OcppVersion version, String action, MessageKind kind,
            OcppAction info) throws Exception {
        ObjectNode minimal = samples.minimal(version, action, kind);

        assertValid(version, action, kind, minimal);
        JsonNode again = throughGeneratedType(info, kind, minimal);
        assertValid(version, action, kind, again);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everySchema")
    void fullSampleIsValidAndSurvivesTheGeneratedTypeUnchanged(OcppVersion version, String action, MessageKind kind,
            OcppAction info) throws Exception {
        ObjectNode full = samples.full(version, action, kind);

        assertValid(version, action, kind, full);
        JsonNode again = throughGeneratedType(info, kind, full);
        assertValid(version, action, kind, again);
        assertThat(again.equals(NUMERIC, full)).as("round trip of %s\nwas   %s\nbecame %s", action, full, again)
                .isTrue();
    }

    @Test
    void minimalHasOnlyRequiredFieldsAndFullHasAll() {
        ObjectNode minimal = samples.minimal(OcppVersion.V1_6, "BootNotification", MessageKind.REQUEST);
        ObjectNode full = samples.full(OcppVersion.V1_6, "BootNotification", MessageKind.REQUEST);

        assertThat(minimal.fieldNames()).toIterable().containsExactlyInAnyOrder("chargePointVendor", "chargePointModel");
        assertThat(full.size()).isEqualTo(9);
        assertThat(full.get("chargePointVendor").asText()).hasSize(20);
        assertThat(minimal.get("chargePointVendor").asText()).hasSize(1);
    }

    @Test
    void respectsEnumsFormatsAndNestedRequiredObjects() {
        ObjectNode response = samples.minimal(OcppVersion.V2_0_1, "BootNotification", MessageKind.RESPONSE);
        ObjectNode request = samples.minimal(OcppVersion.V2_0_1, "BootNotification", MessageKind.REQUEST);

        assertThat(response.get("status").asText()).isEqualTo("Accepted");
        assertThat(response.get("currentTime").asText()).isEqualTo(SchemaSamples.SAMPLE_DATE_TIME);
        assertThat(request.get("chargingStation").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("model", "vendorName");
    }

    @Test
    void respectsMultipleOfAndArrayBounds() {
        ObjectNode full = samples.full(OcppVersion.V1_6, "SetChargingProfile", MessageKind.REQUEST);
        JsonNode period = full.at("/csChargingProfiles/chargingSchedule/chargingSchedulePeriod/0");

        assertThat(period.get("limit").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(full.at("/csChargingProfiles/chargingSchedule/chargingSchedulePeriod")).hasSize(1);
    }

    private JsonNode throughGeneratedType(OcppAction action, MessageKind kind, JsonNode payload) throws Exception {
        Class<?> type = action.messageClass(kind).orElseThrow();
        Object typed = mapper.treeToValue(payload, type);
        assertThat(typed).isInstanceOf(type);
        return mapper.readTree(mapper.writeValueAsString(typed));
    }

    private void assertValid(OcppVersion version, String action, MessageKind kind, JsonNode payload) {
        ValidationResult result = validator.validate(version, action, kind, payload);
        assertThat(result.isValid()).as("%s for %s", result, payload).isTrue();
    }
}
