package dev.csms.gateway.ws;

import dev.csms.ocpp.OcppVersion;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SubprotocolsTest {

    @Test
    void readsTokensFromOneOrSeveralHeaders() {
        assertThat(Subprotocols.offered(List.of("ocpp1.6, ocpp2.0.1", "ocpp2.1,chat")))
                .containsExactlyInAnyOrder(OcppVersion.V1_6, OcppVersion.V2_0_1, OcppVersion.V2_1);
        // tokens are case-sensitive (OCPP-J): OCPP1.6 is not ocpp1.6
        assertThat(Subprotocols.offered(List.of("OCPP1.6, ocpp1.5"))).isEmpty();
    }

    @Test
    void choosesTheHighestVersionBothSidesAccept() {
        Set<OcppVersion> all = EnumSet.allOf(OcppVersion.class);
        assertThat(Subprotocols.choose(EnumSet.of(OcppVersion.V1_6, OcppVersion.V2_1), all)).contains(OcppVersion.V2_1);
        assertThat(Subprotocols.choose(all, EnumSet.of(OcppVersion.V1_6, OcppVersion.V2_0_1)))
                .contains(OcppVersion.V2_0_1);
        assertThat(Subprotocols.choose(EnumSet.of(OcppVersion.V2_1), EnumSet.of(OcppVersion.V1_6))).isEmpty();
    }
}
