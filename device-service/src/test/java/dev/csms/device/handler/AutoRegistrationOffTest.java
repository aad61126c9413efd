package dev.csms.device.handler;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.csms.device.testing.StationCalls;
import dev.csms.localstack.testing.TopicProbe;
import dev.csms.device.testing.Tokens;
import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.ocpp.CallAnswer;
import dev.csms.localstack.LocalStackTestResource;
import dev.csms.ocpp.canonical.CsmsAnswer.BootNotificationAnswer;
import dev.csms.ocpp.canonical.RegistrationStatus;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With auto-registration off, an unknown station is rejected and not registered. */
@QuarkusTest
@TestProfile(AutoRegistrationOffTest.Off.class)
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "device"))
class AutoRegistrationOffTest {

    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("csms.device.boot.auto-registration", "false");
        }
    }

    @Test
    void anUnknownStationIsRejectedAndNotRegistered() throws Exception {
        String id = "CS-" + UUID.randomUUID().toString().substring(0, 8);
        try (StationCalls gateway = new StationCalls(); TopicProbe outbound = new TopicProbe(Topics.unprefixed().outbound())) {
            String callId = gateway.boot(id);
            var record = outbound.await(r -> {
                var correlation = r.headers().lastHeader(CloudEventHeaders.PREFIX + CloudEventHeaders.CORRELATION_ID);
                return correlation != null && callId.equals(new String(correlation.value(), StandardCharsets.UTF_8));
            });
            CallAnswer answer = new EventCodec().fromRecord(record, EventTypes.CALL_ANSWER).data();
            BootNotificationAnswer boot = (BootNotificationAnswer) answer.answer();
            assertThat(boot.status()).isEqualTo(RegistrationStatus.Rejected);
            assertThat(boot.interval()).isEqualTo(600);
        }
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + id).then().statusCode(404);
    }
}
