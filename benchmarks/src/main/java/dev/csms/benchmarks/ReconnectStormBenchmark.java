package dev.csms.benchmarks;

import dev.csms.localstack.launcher.ServiceProcess;
import dev.csms.simulator.load.LoadProtocol.Message;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reconnect-storm}: N stations registered in device-service beforehand (Accepted) connect and boot once;
 * then every one is switched off and, once all are off and the platform has taken that in ({@link PowerOffIntake}),
 * all reconnect at the same moment and boot again through the Kafka round trip to device-service, first
 * {@code --warm-up-storms} times on the freshly started platform (reported, not measured), then once more.
 * Measured: time from that restart until every station is Accepted again, and errors.
 */
@Command(name = "reconnect-storm", sortOptions = false,
        description = "N stations reconnecting at once, booted through device-service (target 19,000 within 20 s, "
                + "no errors).")
final class ReconnectStormBenchmark extends BenchmarkCommand {

    /** The gateway's handshake cap in this benchmark: above the largest fleet one gateway takes (19,500). */
    static final int STORM_HANDSHAKES = 20_000;

    static final Duration TARGET = Duration.ofSeconds(20);
    private static final int REGISTRATION_CONCURRENCY = 16;
    /** device-service's consumer group on {@code ocpp.inbound} (its application.properties). */
    private static final String DEVICE_GROUP = "device-service";

    @Option(names = "--stations", description = "Stations (default: ${DEFAULT-VALUE})", defaultValue = "19000")
    int stations;

    @Option(names = "--ramp-up", description = "Stations per second of the first connection, before the storm "
            + "(default: ${DEFAULT-VALUE})", defaultValue = "1000")
    double rampUp;

    @Option(names = "--timeout", description = "How long the storm may take before it counts as failed "
            + "(default: ${DEFAULT-VALUE})", defaultValue = "180s")
    Duration timeout;

    @Option(names = "--warm-up-storms", description = "Storms before the measured one, reported but not measured: "
            + "a freshly started platform compiles its reconnect path during its first storms (default: "
            + "${DEFAULT-VALUE})", defaultValue = "2")
    int warmUpStorms;

    @Option(names = "--device-property", paramLabel = "KEY=VALUE", description = "Extra device-service setting, "
            + "repeatable, over the benchmark's own, e.g. csms.device.alerts.boot-loop.count=3")
    Map<String, String> deviceProperties = new LinkedHashMap<>();

    @Override
    String name() {
        return "reconnect-storm";
    }

    @Override
    int stations() {
        return stations;
    }

    @Override
    void measure(BenchPlatform platform, ResultTable table) throws Exception {
        if (warmUpStorms < 0) {
            throw new IllegalArgumentException("--warm-up-storms must be 0 or more, not " + warmUpStorms);
        }
        // The fleet boots 2 + W times and disconnects 1 + W times within minutes. The alert rules count from W + 5,
        // so the measured storm is a storm and not a fleet-wide boot loop (docs/benchmarks.md, "Choices").
        String alertCount = String.valueOf(warmUpStorms + 5);
        Map<String, String> deviceSettings = new LinkedHashMap<>();
        deviceSettings.put("csms.device.boot.heartbeat-interval", heartbeatSeconds() + "s");
        deviceSettings.put("csms.device.alerts.boot-loop.count", alertCount);
        deviceSettings.put("csms.device.alerts.disconnects.count", alertCount);
        deviceSettings.putAll(deviceProperties);
        ServiceProcess device = platform.startService("device-service", deviceSettings, "device-service");
        // A gateway sized for a whole replica's storm: every upgrade admitted at once instead of deferred to the
        // stations' RetryBackOff (docs/gateway.md, "the handshake cap"; docs/benchmarks.md, "Choices").
        ServiceProcess gateway = platform.startGateway(Map.of("csms.gateway.connections.max-concurrent-handshakes",
                String.valueOf(STORM_HANDSHAKES)));
        long registrationStart = System.nanoTime();
        String prefix = "STORM-";
        long registered = register(device, platform.operatorToken(), prefix);
        double registrationSeconds = (System.nanoTime() - registrationStart) / 1e9;

        Fleet fleet = new Fleet(platform.startGenerators(BenchPlatform.stationUrl(gateway), stations,
                generatorCount(), prefix));
        List<Message> first = fleet.connect(rampUp, Duration.ofSeconds((long) (stations / rampUp) + 180));
        List<String> warmUps = new ArrayList<>();
        List<Duration> intakes = new ArrayList<>();
        List<Message> storm;
        try (Admin admin = platform.stack().kafka().admin()) {
            PowerOffIntake intake = new PowerOffIntake(admin, gateway, platform.operatorToken(), DEVICE_GROUP);
            for (int w = 0; w < warmUpStorms; w++) {
                Storm warmUp = restartAll(fleet, intake);
                intakes.add(warmUp.intake());
                warmUps.add(String.format(Locale.ROOT, "%d / %d in %.1f s, %d errors",
                        Fleet.sum(warmUp.booted(), "accepted"), stations,
                        Fleet.max(warmUp.booted(), "elapsedMs") / 1000.0, Fleet.sum(warmUp.booted(), "errors")));
            }
            Storm measured = restartAll(fleet, intake);
            intakes.add(measured.intake());
            storm = measured.booted();
        }
        long accepted = Fleet.sum(storm, "accepted");
        long errors = Fleet.sum(storm, "errors");
        long deferred = Fleet.sum(storm, "deferred");
        double seconds = Fleet.max(storm, "elapsedMs") / 1000.0;
        boolean complete = Fleet.allComplete(storm);

        table.add("stations registered (Accepted)", String.format(Locale.ROOT, "%d in %.1f s", registered,
                        registrationSeconds))
                .add("first boot of the fleet", String.format(Locale.ROOT, "%d / %d in %.1f s at %.0f/s",
                        Fleet.sum(first, "accepted"), stations, Fleet.max(first, "elapsedMs") / 1000.0, rampUp))
                .add("warm-up storms (not measured; the first is the cold platform's)",
                        warmUps.isEmpty() ? "none" : String.join("; ", warmUps))
                .add("before each storm: power-off taken in (no connection left, device-service caught up)",
                        intakes.stream().map(d -> String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0))
                                .collect(Collectors.joining(", ")))
                .add("storm: booted again", accepted + " / " + stations)
                .add("storm: time until all booted", complete ? String.format(Locale.ROOT, "%.1f s", seconds)
                                : String.format(Locale.ROOT, "not all within %d s", timeout.toSeconds()),
                        "<= 20 s for 19,000", complete && seconds <= TARGET.toSeconds() && stations >= 19_000)
                .add("storm: errors", String.format(Locale.ROOT, "%d (CALLERRORs %d, timeouts %d, schema "
                        + "violations %d, unreadable frames %d, failed connections %d)", errors, Fleet.sum(storm, "callErrors"),
                        Fleet.sum(storm, "timeouts"), Fleet.sum(storm, "violations"), Fleet.sum(storm, "frameErrors"),
                        Fleet.sum(storm, "connectFailures")), "0", errors == 0)
                .add("storm: upgrades deferred by the handshake cap (HTTP 503 + Retry-After, retried)",
                        String.valueOf(deferred))
                .add("storm: booted per second", String.format(Locale.ROOT, "%,.0f/s", accepted / Math.max(0.001,
                        seconds)))
                .add("load generators", String.valueOf(fleet.size()));
    }

    /** One storm: how long the platform took to take the power-off in, and each generator's {@code booted}. */
    private record Storm(Duration intake, List<Message> booted) {
    }

    /**
     * Switches every station off (each generator waits until all of its stations' connections are closed), waits
     * until the platform has taken the power-off in ({@link PowerOffIntake}), then on: the {@code on} command goes to
     * every generator at once, so that the whole fleet starts at one moment and each generator's time counts from
     * it; each generator answers {@code booted} once all of its stations booted.
     */
    private Storm restartAll(Fleet fleet, PowerOffIntake intake) throws InterruptedException {
        List<Message> off = fleet.all(i -> "off " + timeout.toSeconds(), "off", timeout.plusSeconds(60));
        if (!Fleet.allComplete(off)) {
            throw new IllegalStateException("not every station was switched off within " + timeout.toSeconds()
                    + " s: " + Fleet.sum(off, "off") + " / " + stations + " off, " + Fleet.sum(off, "closing")
                    + " connections still closing");
        }
        Duration intakeTime = intake.await(timeout);
        return new Storm(intakeTime, fleet.all(i -> "on " + timeout.toSeconds(), "booted", timeout.plusSeconds(60)));
    }

    /** Registers every station through device-service's operator API (security profile 1, no password). */
    private long register(ServiceProcess device, String token, String prefix) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create("http://127.0.0.1:" + device.spec().port() + "/api/v1/stations");
        Semaphore slots = new Semaphore(REGISTRATION_CONCURRENCY);
        AtomicLong created = new AtomicLong();
        List<String> failures = new ArrayList<>();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (int n = 1; n <= stations; n++) {
            String id = prefix + String.format(Locale.ROOT, "%06d", n);
            String body = "{\"id\":\"" + id + "\",\"securityProfile\":1,\"enabled\":true,"
                    + "\"allowedOcppVersions\":[\"2.0.1\"]}";
            slots.acquire();
            pending.add(http.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                        slots.release();
                        if (error == null && (response.statusCode() == 201 || response.statusCode() == 409)) {
                            created.incrementAndGet();
                        } else {
                            synchronized (failures) {
                                failures.add(id + ": " + (error != null ? error : response.statusCode() + " "
                                        + response.body()));
                            }
                        }
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " registrations failed, e.g. " + failures.get(0));
        }
        return created.get();
    }
}
