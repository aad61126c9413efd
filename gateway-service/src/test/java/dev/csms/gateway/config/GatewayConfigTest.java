package dev.csms.gateway.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewayConfigTest {

    private static GatewayConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(GatewayConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build()
                .getConfigMapping(GatewayConfig.class);
    }

    @Test
    void theDefaultsAreConsistent() {
        GatewayConfig defaults = config(Map.of("csms.gateway.id", "gw-1"));
        assertThat(GatewayConfig.requireConsistent(defaults)).isSameAs(defaults);
        assertThat(defaults.connections().maxMessageSize()).isEqualTo(65536);
        assertThat(defaults.inbound().decisionDeadline()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.connections().permessageDeflate()).isFalse();
        assertThat(defaults.auth().autoRegistration()).isFalse();
    }

    @Test
    void aBadSettingIsNamed() {
        assertThatThrownBy(() -> GatewayConfig.requireConsistent(config(Map.of(
                "csms.gateway.connections.ping-timeout", "0s"))))
                .hasMessage("csms.gateway.connections.ping-timeout must be positive while pings are on");
        assertThatThrownBy(() -> GatewayConfig.requireConsistent(config(Map.of(
                "csms.gateway.inbound.decision-deadline", "-1s"))))
                .hasMessageStartingWith("csms.gateway.inbound.decision-deadline");
        // pings off: the timeout does not matter
        assertThat(GatewayConfig.requireConsistent(config(Map.of("csms.gateway.connections.ping-interval", "0s",
                "csms.gateway.connections.ping-timeout", "0s")))).isNotNull();
    }
}
