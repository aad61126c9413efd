package dev.csms.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Firmware updates with their status sequence and reboot, and diagnostics / log uploads. */
class FirmwareAndLogsTest extends SimulatorTestSupport {

    private static final Duration STEP = Duration.ofSeconds(5);

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void firmwareUpdateReportsEachStepThenRebootsIntoTheNewVersion(OcppVersion version) throws Exception {
        SimulatedStation station = started("FW-" + version.label(), version);
        String id = station.id();
        // a running transaction delays the installation until it ends
        station.startSession(1, "TAG-1").get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        String retrieve = T0.plusSeconds(60).toString();
        ObjectNode request;
        if (version.isTwoX()) {
            request = json().put("requestId", 5);
            request.putObject("firmware").put("location", "https://fw.example/charger-2.0.0.bin")
                    .put("retrieveDateTime", retrieve).put("signature", "c2lnbmF0dXJl");
        } else {
            request = json().put("location", "https://fw.example/charger-2.0.0.bin").put("retrieveDate", retrieve);
        }
        ObjectNode answer = answered(id, "UpdateFirmware", request);
        if (version.isTwoX()) {
            assertThat(answer.path("status").asText()).isEqualTo("Accepted");
        }
        tick(Duration.ofSeconds(59));
        assertThat(csms.calls(id, "FirmwareStatusNotification")).isEmpty();
        tick(Duration.ofSeconds(1));
        tick(STEP);
        tick(STEP);
        assertThat(statuses(id)).containsExactlyElementsOf(version.isTwoX()
                ? List.of("Downloading", "Downloaded", "SignatureVerified") : List.of("Downloading", "Downloaded"));
        station.stopSession(1).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        tick(STEP);
        await().atMost(DEADLINE).until(() -> statuses(id).contains("Installed"));
        assertThat(statuses(id)).endsWith("Installing", "Installed");
        if (version.isTwoX()) {
            assertThat(csms.calls(id, "FirmwareStatusNotification")).extracting(c -> c.payload().path("requestId")
                    .asInt()).containsOnly(5);
        }
        await().atMost(DEADLINE).until(() -> station.connectionState() == ConnectionState.OFF);
        tick(Duration.ofSeconds(5));
        awaitAccepted(station);
        assertThat(station.firmwareVersion()).isEqualTo("charger-2.0.0");
        ObjectNode boot = awaitCalls(id, "BootNotification", 2).get(1).payload();
        if (version.isTwoX()) {
            assertThat(boot.path("reason").asText()).isEqualTo("FirmwareUpdate");
            assertThat(boot.path("chargingStation").path("firmwareVersion").asText()).isEqualTo("charger-2.0.0");
        } else {
            assertThat(boot.path("firmwareVersion").asText()).isEqualTo("charger-2.0.0");
        }
        assertNoViolations();
    }

    @ParameterizedTest
    @EnumSource(value = FirmwareFailure.class, names = {"DOWNLOAD", "SIGNATURE", "INSTALL"})
    void configuredFailuresEndTheSequence(FirmwareFailure failure) throws Exception {
        SimulatedStation station = station(StationConfig.builder("FAIL-" + failure, OcppVersion.V2_0_1)
                .behaviour(behaviour().firmwareFailure(failure).build()).build());
        station.start();
        awaitAccepted(station);
        ObjectNode request = json().put("requestId", 6);
        request.putObject("firmware").put("location", "https://fw.example/bad.bin")
                .put("retrieveDateTime", T0.toString()).put("signature", "c2ln");
        answered(station.id(), "UpdateFirmware", request);
        for (int i = 0; i < 5; i++) {
            tick(STEP);
        }
        List<String> expected = switch (failure) {
            case DOWNLOAD -> List.of("Downloading", "DownloadFailed");
            case SIGNATURE -> List.of("Downloading", "Downloaded", "InvalidSignature");
            default -> List.of("Downloading", "Downloaded", "SignatureVerified", "Installing", "InstallationFailed");
        };
        assertThat(statuses(station.id())).containsExactlyElementsOf(expected);
        assertThat(station.firmwareVersion()).isEqualTo("1.0.0");
        assertThat(station.connectionState()).isEqualTo(ConnectionState.CONNECTED);
        assertNoViolations();
    }

    @Test
    void signedUpdateFirmwareOf16UsesTheSecurityMessages() throws Exception {
        SimulatedStation station = started("FW-SIGNED", OcppVersion.V1_6);
        ObjectNode request = json().put("requestId", 9);
        request.putObject("firmware").put("location", "https://fw.example/signed-3.1.bin")
                .put("retrieveDateTime", T0.toString())
                .put("signingCertificate", Keytool.selfSignedPem("CN=Firmware Signer"))
                .put("signature", "c2lnbmF0dXJl");
        assertThat(answered(station.id(), "SignedUpdateFirmware", request).path("status").asText())
                .isEqualTo("Accepted");
        for (int i = 0; i < 5; i++) {
            tick(STEP);
        }
        assertThat(csms.calls(station.id(), "SignedFirmwareStatusNotification"))
                .extracting(c -> c.payload().path("status").asText())
                .containsExactly("Downloading", "Downloaded", "SignatureVerified", "Installing", "Installed");
        ObjectNode invalid = request.deepCopy();
        ((ObjectNode) invalid.path("firmware")).put("signingCertificate", "not a certificate");
        tick(Duration.ofSeconds(5));
        awaitAccepted(station);
        assertThat(answered(station.id(), "SignedUpdateFirmware", invalid).path("status").asText())
                .isEqualTo("InvalidCertificate");
        assertNoViolations();
    }

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void logUploadReportsUploadingThenUploaded(OcppVersion version) throws Exception {
        SimulatedStation station = started("LOG-" + version.label(), version);
        String id = station.id();
        ObjectNode request = json().put("requestId", 12).put("logType", "DiagnosticsLog");
        request.putObject("log").put("remoteLocation", "https://logs.example/upload");
        ObjectNode answer = answered(id, "GetLog", request);
        assertThat(answer.path("status").asText()).isEqualTo("Accepted");
        assertThat(answer.path("filename").asText()).contains(id);
        tick(STEP);
        assertThat(csms.calls(id, "LogStatusNotification"))
                .extracting(c -> c.payload().path("status").asText() + "/" + c.payload().path("requestId").asInt())
                .containsExactly("Uploading/12", "Uploaded/12");
        if (!version.isTwoX()) {
            ObjectNode diagnostics = answered(id, "GetDiagnostics", json().put("location", "ftp://logs.example/"));
            assertThat(diagnostics.path("fileName").asText()).endsWith(".zip");
            tick(STEP);
            assertThat(csms.calls(id, "DiagnosticsStatusNotification"))
                    .extracting(c -> c.payload().path("status").asText()).containsExactly("Uploading", "Uploaded");
        }
        assertNoViolations();
    }

    private List<String> statuses(String id) {
        return csms.calls(id, "FirmwareStatusNotification").stream()
                .map(c -> c.payload().path("status").asText()).toList();
    }
}
