package dev.csms.gateway.ws;

import dev.csms.ocpp.OcppVersion;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The OCPP subprotocol negotiation: of the versions a station offers in {@code Sec-WebSocket-Protocol} and its
 * registration allows, the highest wins, in the order {@code ocpp2.1 > ocpp2.0.1 > ocpp1.6} (the station's own
 * order does not matter: the newest common version has the richest model).
 */
public final class Subprotocols {

    /** Every version, best first. */
    private static final List<OcppVersion> PREFERENCE = List.of(OcppVersion.V2_1, OcppVersion.V2_0_1,
            OcppVersion.V1_6);

    /** The tokens the server announces, best first. */
    public static final List<String> SUPPORTED = PREFERENCE.stream().map(OcppVersion::subprotocol).toList();

    private Subprotocols() {
    }

    /**
     * The OCPP versions in a {@code Sec-WebSocket-Protocol} header (comma separated tokens, possibly several
     * headers joined); unknown tokens are ignored, tokens are case-sensitive as the OCPP specifications require.
     */
    public static Set<OcppVersion> offered(List<String> headerValues) {
        Set<OcppVersion> versions = EnumSet.noneOf(OcppVersion.class);
        for (String value : headerValues) {
            for (String token : value.split(",")) {
                OcppVersion.fromSubprotocol(token.trim()).ifPresent(versions::add);
            }
        }
        return versions;
    }

    /** The highest version in both sets; empty when they do not meet. */
    public static Optional<OcppVersion> choose(Set<OcppVersion> offered, Set<OcppVersion> allowed) {
        return PREFERENCE.stream().filter(offered::contains).filter(allowed::contains).findFirst();
    }

    /** The tokens of a set of versions, best first, for messages. */
    public static String describe(Set<OcppVersion> versions) {
        return PREFERENCE.stream().filter(versions::contains).map(OcppVersion::subprotocol)
                .collect(Collectors.joining(", "));
    }
}
