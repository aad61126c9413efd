package dev.csms.ocpp.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.CanonicalJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema check the adapter tests rely on really rejects what the OCA schemas forbid. */
class OfficialSchemasTest {

    private static JsonNode json(String text) throws Exception {
        return CanonicalJson.mapper().readTree(text);
    }

    @Test
    void rejectsTooLongVendorInDraft04Schema() throws Exception {
        assertThat(OfficialSchemas.validate(OcppVersion.V1_6, "BootNotification", true,
                json("{\"chargePointVendor\":\"ABCDEFGHIJKLMNOPQRSTU\",\"chargePointModel\":\"M\"}"))).isNotEmpty();
    }

    @Test
    void rejectsMalformedDateTime() throws Exception {
        assertThat(OfficialSchemas.validate(OcppVersion.V2_0_1, "Heartbeat", false,
                json("{\"currentTime\":\"yesterday\"}"))).isNotEmpty();
        assertThat(OfficialSchemas.validate(OcppVersion.V2_0_1, "Heartbeat", false,
                json("{\"currentTime\":\"2025-03-14T09:00:00Z\"}"))).isEmpty();
    }

    @Test
    void rejectsUnknownPropertyAndWrongEnum() throws Exception {
        assertThat(OfficialSchemas.validate(OcppVersion.V2_1, "Reset", true,
                json("{\"type\":\"Immediate\",\"extra\":1}"))).isNotEmpty();
        assertThat(OfficialSchemas.validate(OcppVersion.V2_0_1, "Reset", true,
                json("{\"type\":\"ImmediateAndResume\"}"))).isNotEmpty();
    }
}
