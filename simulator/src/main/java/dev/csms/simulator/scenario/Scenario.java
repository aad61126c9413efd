package dev.csms.simulator.scenario;

import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.Credentials;
import dev.csms.simulator.FirmwareFailure;
import dev.csms.simulator.RetryBackOff;
import dev.csms.simulator.SimulatorOptions;
import dev.csms.simulator.StationBehaviour;
import dev.csms.simulator.StationConfig;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fleet scenario, as read from YAML by {@link ScenarioLoader}: where to connect, how long to run, how fast to
 * start stations, and groups of stations with their version, identities, credentials and behaviour.
 * Unset values take the defaults of {@link StationBehaviour} and {@link StationConfig}. See
 * {@code simulator/scenarios/*.yaml} and docs/simulator.md.
 *
 * @param url              the CSMS base URL ({@code ws://} or {@code wss://}); stations connect to url/stationId
 * @param duration         how long the run lasts (default: until stopped)
 * @param rampUp           stations started per second (default: all at once)
 * @param seed             the seed of every random choice (default: random)
 * @param eventLoops       Vert.x event-loop threads (default: one per core)
 * @param localAddresses   local source addresses to spread connections over (e.g. 127.0.0.1, 127.0.0.2)
 * @param trustAll         trust any server certificate (test benches only)
 * @param trustStore       a PKCS#12 trust store for the server certificate (path relative to the scenario)
 * @param trustStorePassword its password
 * @param validateOutgoing validate what stations send, too (default true)
 * @param groups           the station groups
 */
public record Scenario(String url, Duration duration, Double rampUp, Long seed, Integer eventLoops,
        List<String> localAddresses, Boolean trustAll, String trustStore, String trustStorePassword,
        Boolean validateOutgoing, List<StationGroup> groups) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(n|id)(?::(0?)(\\d+))?}");

    /** Normalizes nulls to empty lists. */
    public Scenario {
        localAddresses = localAddresses == null ? List.of() : List.copyOf(localAddresses);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /**
     * A group of stations that differ only in their number {@code n}.
     *
     * @param name             a name for messages
     * @param count            how many stations
     * @param version          1.6, 2.0.1 or 2.1
     * @param idPattern        the station id, with {@code {n}} or {@code {n:05}} for the number
     * @param startIndex       the first number (default 1)
     * @param connectors       connectors per station (default 1)
     * @param vendor           BootNotification vendor
     * @param model            BootNotification model
     * @param firmwareVersion  firmware version at power-up
     * @param securityProfile  0 (none), 1 (Basic over ws), 2 (Basic over wss), 3 (client certificate over wss)
     * @param password         the Basic password, may use {@code {n}} and {@code {id}}
     * @param keyStore         profile 3: PKCS#12 file with the station's key and certificate, may use {@code {id}}
     * @param keyStorePassword its password
     * @param behaviour        how the stations behave
     */
    public record StationGroup(String name, Integer count, String version, String idPattern, Integer startIndex,
            Integer connectors, String vendor, String model, String firmwareVersion, Integer securityProfile,
            String password, String keyStore, String keyStorePassword, Behaviour behaviour) {
    }

    /**
     * The behaviour of a group (see {@link StationBehaviour} for each value).
     *
     * @param sessionsPerHour      automatic sessions per station and hour
     * @param sessionDuration      mean session length
     * @param chargingPowerKw      charging power without limits
     * @param meterInterval        meter value interval during transactions
     * @param heartbeatInterval    heartbeat interval instead of the CSMS's
     * @param idTags               id tags of automatic sessions, may use {@code {n}} and {@code {id}}
     * @param authorizeBeforeStart Authorize before local starts
     * @param bootOnReconnect      BootNotification after every reconnection
     * @param firmwareFailure      none, download, signature or install
     * @param logUploadFails       uploads fail
     * @param firmwareStepDuration duration of each firmware step
     * @param rebootDelay          how long a reboot takes
     * @param disconnectsPerHour   random connection losses per station and hour
     * @param callTimeout          wait for an answer
     * @param retryBackOff         reconnect back-off
     * @param offlineQueueLimit    transaction messages kept while off line
     */
    public record Behaviour(Double sessionsPerHour, Duration sessionDuration, Double chargingPowerKw,
            Duration meterInterval, Duration heartbeatInterval, List<String> idTags, Boolean authorizeBeforeStart,
            Boolean bootOnReconnect, String firmwareFailure, Boolean logUploadFails, Duration firmwareStepDuration,
            Duration rebootDelay, Double disconnectsPerHour, Duration callTimeout, BackOff retryBackOff,
            Integer offlineQueueLimit) {
    }

    /**
     * OCPP 2.0.1 RetryBackOff values.
     *
     * @param waitMinimum RetryBackOffWaitMinimum
     * @param randomRange RetryBackOffRandomRange
     * @param repeatTimes RetryBackOffRepeatTimes
     */
    public record BackOff(Duration waitMinimum, Duration randomRange, Integer repeatTimes) {
    }

    /** The same scenario with another URL (a command-line override). */
    public Scenario withUrl(String newUrl) {
        return new Scenario(newUrl, duration, rampUp, seed, eventLoops, localAddresses, trustAll, trustStore,
                trustStorePassword, validateOutgoing, groups);
    }

    /** The same scenario with another duration. */
    public Scenario withDuration(Duration newDuration) {
        return new Scenario(url, newDuration, rampUp, seed, eventLoops, localAddresses, trustAll, trustStore,
                trustStorePassword, validateOutgoing, groups);
    }

    /** The same scenario with another ramp-up. */
    public Scenario withRampUp(Double newRampUp) {
        return new Scenario(url, duration, newRampUp, seed, eventLoops, localAddresses, trustAll, trustStore,
                trustStorePassword, validateOutgoing, groups);
    }

    /**
     * The fleet options (URL, seed, trust, local addresses).
     *
     * @param baseDir where relative paths in the scenario start
     * @throws ScenarioException if something is missing or wrong
     */
    public SimulatorOptions.Builder options(Path baseDir) {
        if (url == null || url.isBlank()) {
            throw new ScenarioException("url: missing (give it in the scenario or with --url)");
        }
        SimulatorOptions.Builder builder;
        try {
            builder = SimulatorOptions.builder(URI.create(url.trim()));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("url: " + e.getMessage());
        }
        if (seed != null) {
            builder.seed(seed);
        }
        if (eventLoops != null) {
            builder.eventLoops(eventLoops);
        }
        builder.localAddresses(localAddresses);
        builder.trustAll(Boolean.TRUE.equals(trustAll));
        if (trustStore != null) {
            builder.trustStore(keyStore(baseDir.resolve(trustStore), trustStorePassword, "trustStore"));
        }
        if (validateOutgoing != null) {
            builder.validateOutgoing(validateOutgoing);
        }
        if (rampUp != null && rampUp < 0) {
            throw new ScenarioException("rampUp: must not be negative: " + rampUp);
        }
        return builder;
    }

    /**
     * Every station of every group.
     *
     * @param baseDir where relative key store paths start
     * @throws ScenarioException naming the group and field that is wrong
     */
    public List<StationConfig> stations(Path baseDir) {
        if (groups.isEmpty()) {
            throw new ScenarioException("groups: no station group");
        }
        boolean tls = url != null && url.trim().toLowerCase(Locale.ROOT).startsWith("wss:");
        List<StationConfig> stations = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int g = 0; g < groups.size(); g++) {
            StationGroup group = groups.get(g);
            String where = "groups[" + g + "]" + (group.name() == null ? "" : " (" + group.name() + ")");
            try {
                stations.addAll(expand(group, tls, baseDir, ids));
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new ScenarioException(where + ": " + e.getMessage(), e);
            }
        }
        return stations;
    }

    private static List<StationConfig> expand(StationGroup group, boolean tls, Path baseDir, Set<String> ids) {
        int count = group.count() == null ? 1 : group.count();
        if (count < 0) {
            throw new IllegalArgumentException("count: must not be negative: " + count);
        }
        OcppVersion version = OcppVersion.fromLabel(group.version() == null ? "" : group.version().trim())
                .orElseThrow(() -> new IllegalArgumentException("version: '" + group.version()
                        + "' is not an OCPP version (1.6, 2.0.1, 2.1)"));
        String pattern = group.idPattern() == null ? "SIM-{n:05}" : group.idPattern();
        if (count > 1 && !pattern.contains("{n")) {
            throw new IllegalArgumentException("idPattern: '" + pattern + "' needs {n} for " + count + " stations");
        }
        int profile = group.securityProfile() == null ? (group.password() != null ? (tls ? 2 : 1) : tls && group
                .keyStore() != null ? 3 : 0) : group.securityProfile();
        checkProfile(profile, tls, group);
        StationBehaviour behaviourTemplate = behaviour(group.behaviour());
        int start = group.startIndex() == null ? 1 : group.startIndex();
        List<StationConfig> configs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int n = start + i;
            String id = fill(pattern, n, null);
            if (!ids.add(id)) {
                throw new IllegalArgumentException("idPattern: station id '" + id + "' appears twice");
            }
            StationConfig.Builder builder = StationConfig.builder(id, version)
                    .connectors(group.connectors() == null ? 1 : group.connectors());
            if (group.vendor() != null) {
                builder.vendor(group.vendor());
            }
            if (group.model() != null) {
                builder.model(group.model());
            }
            if (group.firmwareVersion() != null) {
                builder.firmwareVersion(group.firmwareVersion());
            }
            if (profile == 1 || profile == 2) {
                builder.credentials(Credentials.basic(fill(group.password(), n, id)));
            } else if (profile == 3) {
                String password = group.keyStorePassword() == null ? "" : group.keyStorePassword();
                builder.credentials(Credentials.clientCertificate(keyStore(baseDir.resolve(fill(group.keyStore(), n,
                        id)), password, "keyStore"), password.toCharArray()));
            }
            StationBehaviour behaviour = behaviourTemplate;
            if (group.behaviour() != null && group.behaviour().idTags() != null) {
                List<String> tags = group.behaviour().idTags().stream().map(t -> fill(t, n, id)).toList();
                int max = version.isTwoX() ? 36 : 20;
                tags.stream().filter(t -> t.isEmpty() || t.length() > max).findFirst().ifPresent(t -> {
                    throw new IllegalArgumentException("behaviour.idTags: '" + t + "' must have 1 to " + max
                            + " characters in OCPP " + version.label());
                });
                behaviour = behaviourTemplate.toBuilder().idTags(tags).build();
            }
            configs.add(builder.behaviour(behaviour).build());
        }
        return configs;
    }

    private static void checkProfile(int profile, boolean tls, StationGroup group) {
        switch (profile) {
            case 0 -> {
            }
            case 1, 2 -> {
                if (group.password() == null || group.password().isBlank()) {
                    throw new IllegalArgumentException("password: security profile " + profile + " needs one");
                }
                if ((profile == 2) != tls) {
                    throw new IllegalArgumentException("securityProfile: " + profile + " needs a "
                            + (profile == 2 ? "wss://" : "ws://") + " url");
                }
            }
            case 3 -> {
                if (group.keyStore() == null) {
                    throw new IllegalArgumentException("keyStore: security profile 3 needs a client certificate");
                }
                if (!tls) {
                    throw new IllegalArgumentException("securityProfile: 3 needs a wss:// url");
                }
            }
            default -> throw new IllegalArgumentException("securityProfile: " + profile + " is not 0, 1, 2 or 3");
        }
    }

    private static StationBehaviour behaviour(Behaviour b) {
        StationBehaviour.Builder builder = StationBehaviour.builder();
        if (b == null) {
            return builder.build();
        }
        if (b.sessionsPerHour() != null) {
            builder.sessionsPerHour(b.sessionsPerHour());
        }
        if (b.sessionDuration() != null) {
            builder.sessionDuration(b.sessionDuration());
        }
        if (b.chargingPowerKw() != null) {
            builder.chargingPowerKw(b.chargingPowerKw());
        }
        if (b.meterInterval() != null) {
            builder.meterValueInterval(b.meterInterval());
        }
        if (b.heartbeatInterval() != null) {
            builder.heartbeatInterval(b.heartbeatInterval());
        }
        if (b.authorizeBeforeStart() != null) {
            builder.authorizeBeforeStart(b.authorizeBeforeStart());
        }
        if (b.bootOnReconnect() != null) {
            builder.bootOnReconnect(b.bootOnReconnect());
        }
        if (b.firmwareFailure() != null) {
            try {
                builder.firmwareFailure(FirmwareFailure.valueOf(b.firmwareFailure().trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("behaviour.firmwareFailure: '" + b.firmwareFailure()
                        + "' is not none, download, signature or install");
            }
        }
        if (b.logUploadFails() != null) {
            builder.logUploadFails(b.logUploadFails());
        }
        if (b.firmwareStepDuration() != null) {
            builder.firmwareStepDuration(b.firmwareStepDuration());
        }
        if (b.rebootDelay() != null) {
            builder.rebootDelay(b.rebootDelay());
        }
        if (b.disconnectsPerHour() != null) {
            builder.disconnectsPerHour(b.disconnectsPerHour());
        }
        if (b.callTimeout() != null) {
            builder.callTimeout(b.callTimeout());
        }
        if (b.retryBackOff() != null) {
            BackOff o = b.retryBackOff();
            RetryBackOff d = RetryBackOff.DEFAULT;
            builder.retryBackOff(new RetryBackOff(o.waitMinimum() == null ? d.waitMinimum() : o.waitMinimum(),
                    o.randomRange() == null ? d.randomRange() : o.randomRange(),
                    o.repeatTimes() == null ? d.repeatTimes() : o.repeatTimes()));
        }
        if (b.offlineQueueLimit() != null) {
            builder.offlineQueueLimit(b.offlineQueueLimit());
        }
        return builder.build();
    }

    /** Replaces {n}, {n:05} (zero-padded to 5) and {id}. */
    static String fill(String pattern, int n, String id) {
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value;
            if (matcher.group(1).equals("id")) {
                if (id == null) {
                    throw new IllegalArgumentException("idPattern: {id} cannot be used in the id itself");
                }
                value = id;
            } else {
                value = matcher.group(3) == null ? Integer.toString(n)
                        : String.format("%" + ("0".equals(matcher.group(2)) ? "0" : "") + matcher.group(3) + "d", n);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static KeyStore keyStore(Path path, String password, String field) {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password == null ? new char[0] : password.toCharArray());
            return store;
        } catch (Exception e) {
            throw new ScenarioException(field + ": cannot read PKCS#12 '" + path + "': " + e.getMessage(), e);
        }
    }

    /** The total number of stations. */
    public int stationCount() {
        return groups.stream().mapToInt(g -> g.count() == null ? 1 : g.count()).sum();
    }

    /** How long to run, if given. */
    public Optional<Duration> runFor() {
        return Optional.ofNullable(duration);
    }
}
