package dev.csms.gateway.ws;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StationIdentityTest {

    @Test
    void decodesPercentEncodingOnce() {
        assertThat(StationIdentity.fromPath("/ocpp/CS%2D1", 48)).isEqualTo(new StationIdentity.Valid("CS-1"));
        // %25 is a literal percent sign, which is not an allowed character: decoded once, never twice
        assertThat(StationIdentity.fromPath("/ocpp/CS%252D1", 48)).isInstanceOf(StationIdentity.Invalid.class);
        assertThat(StationIdentity.fromPath("/ocpp/a+b", 48)).isEqualTo(new StationIdentity.Valid("a+b"));
    }

    @Test
    void acceptsTheIdentifierStringCharactersExceptTheColon() {
        String all = "azAZ09*-_=+|@.";
        assertThat(StationIdentity.fromPath("/ocpp/" + all, 48)).isEqualTo(new StationIdentity.Valid(all));
        assertThat(StationIdentity.fromPath("/ocpp/a:b", 48)).isInstanceOf(StationIdentity.Invalid.class);
        assertThat(StationIdentity.fromPath("/ocpp/a%3Ab", 48)).isInstanceOf(StationIdentity.Invalid.class);
    }

    @Test
    void enforcesTheLengthAfterDecoding() {
        assertThat(StationIdentity.fromPath("/ocpp/" + "x".repeat(48), 48)).isInstanceOf(StationIdentity.Valid.class);
        assertThat(StationIdentity.fromPath("/ocpp/" + "x".repeat(49), 48)).isInstanceOf(StationIdentity.Invalid.class);
        assertThat(StationIdentity.fromPath("/ocpp/" + "%41".repeat(48), 48))
                .isEqualTo(new StationIdentity.Valid("A".repeat(48)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ocpp/", "/ocpp/a/b", "/ocpp/a%2Fb", "/ocpp/a%20b", "/ocpp/%E0%A4", "/ocpp/%zz",
            "/ocpp/%4", "/ocpp/é", "/ocpp/a%00b", "/other/x", "/ocpp/%C3%A9"})
    void refusesEverythingElse(String path) {
        StationIdentity.Result result = StationIdentity.fromPath(path, 48);
        assertThat(result).isInstanceOf(StationIdentity.Invalid.class);
        assertThat(((StationIdentity.Invalid) result).reason()).isNotBlank();
    }
}
