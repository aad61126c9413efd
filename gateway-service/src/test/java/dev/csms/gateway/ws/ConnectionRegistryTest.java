package dev.csms.gateway.ws;

import dev.csms.ocpp.OcppVersion;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionRegistryTest {

    private static StationConnection connection(String stationId, long epoch) {
        return new StationConnection(stationId, OcppVersion.V2_0_1, epoch, 1, false, Instant.EPOCH, "127.0.0.1",
                null, null, 0, 1);
    }

    @Test
    void theGreaterEpochStaysCurrentWhateverTheRegistrationOrder() {
        ConnectionRegistry registry = new ConnectionRegistry();
        StationConnection older = connection("CS-1", 10);
        StationConnection newer = connection("CS-1", 11);

        assertThat(registry.register(older)).isEmpty();
        assertThat(registry.register(newer)).containsSame(older);
        assertThat(registry.get("CS-1")).containsSame(newer);

        // the older one registering late loses at once
        ConnectionRegistry late = new ConnectionRegistry();
        late.register(newer);
        assertThat(late.register(older)).containsSame(older);
        assertThat(late.get("CS-1")).containsSame(newer);
        assertThat(late.remove(older)).isFalse();
        assertThat(late.isCurrent(newer)).isTrue();
    }
}
