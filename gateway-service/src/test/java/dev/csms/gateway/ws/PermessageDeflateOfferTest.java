package dev.csms.gateway.ws;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PermessageDeflateOfferTest {

    @Test
    void everyDeflateOfferGivesUpTheServerContext() {
        assertThat(StationEndpoint.withoutServerContextTakeover("permessage-deflate; client_max_window_bits"))
                .isEqualTo("permessage-deflate; client_max_window_bits; server_no_context_takeover");
        assertThat(StationEndpoint.withoutServerContextTakeover(
                "permessage-deflate; server_no_context_takeover, x-webkit-deflate-frame"))
                .isEqualTo("permessage-deflate; server_no_context_takeover, x-webkit-deflate-frame");
        assertThat(StationEndpoint.withoutServerContextTakeover("permessage-deflate, permessage-deflate; a=1"))
                .isEqualTo("permessage-deflate; server_no_context_takeover, "
                        + "permessage-deflate; a=1; server_no_context_takeover");
    }
}
