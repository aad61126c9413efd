package dev.csms.e2e.platform;

import dev.csms.simulator.RetryBackOff;
import dev.csms.simulator.StationBehaviour;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Station ids, passwords and behaviours for the e2e fleets. */
public final class TestStations {

    /**
     * Reconnect after 1 to 2 s, doubling once: a station refused while the gateways are still reading its new
     * credentials, or whose replica went away, is back within seconds (the OCPP default waits 10 to 20 s).
     */
    public static final RetryBackOff QUICK_RECONNECT = new RetryBackOff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1);

    private TestStations() {
    }

    /** A station id unique to this run: {@code <prefix>-<8 hex>}; ids of earlier tests never collide. */
    public static String id(String prefix) {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return prefix + "-" + HexFormat.of().formatHex(random);
    }

    /** A 28-character password (OCPP asks for 16 to 40). */
    public static String password() {
        byte[] random = new byte[12];
        ThreadLocalRandom.current().nextBytes(random);
        return "pw-" + HexFormat.of().formatHex(random).substring(0, 24) + "-e2";
    }

    /** Quick reconnects; everything else the simulator's defaults. */
    public static StationBehaviour.Builder behaviour() {
        return StationBehaviour.builder().retryBackOff(QUICK_RECONNECT);
    }
}
