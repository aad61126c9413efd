package dev.csms.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.rpc.CallResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Security profiles (HTTP Basic; TLS with a client certificate) and the certificate messages: installing,
 * listing and deleting root certificates, the CSR of SignCertificate, and CertificateSigned.
 */
class SecurityTest extends SimulatorTestSupport {

    /** One CA for every test of the class: keytool runs take a second each on a busy machine. */
    private static Path caDir;
    private static Path ca;
    private static String rootPem;

    @BeforeAll
    static void createCa() throws Exception {
        caDir = Files.createTempDirectory("ca");
        ca = caDir.resolve("ca.p12");
        Keytool.genKeyPair(ca, "ca", "CN=Test CSMS Root,O=CSMS", null);
        rootPem = Keytool.exportPem(ca, "ca");
    }

    @AfterAll
    static void deleteCa() throws Exception {
        Keytool.delete(caDir);
    }

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void basicAuthWithTheStationIdAsUser(OcppVersion version) {
        csms.password("AUTH-" + version.label(), "correct-horse-battery");
        csms.password("WRONG-" + version.label(), "correct-horse-battery");
        SimulatedStation good = station(StationConfig.builder("AUTH-" + version.label(), version)
                .password("correct-horse-battery").behaviour(behaviour().build()).build());
        SimulatedStation bad = station(StationConfig.builder("WRONG-" + version.label(), version)
                .password("wrong-password-here").behaviour(behaviour().build()).build());
        good.start();
        bad.start();
        awaitAccepted(good);
        await().atMost(DEADLINE).until(() -> bad.connectionState() == ConnectionState.WAITING_TO_RECONNECT);
        assertThat(simulator.stats().snapshot().connectFailures()).isEqualTo(Map.of("HTTP 401", 1L));
        assertThat(bad.bootState()).isEqualTo(BootState.NOT_BOOTED);
    }

    @Test
    void securityProfile3ConnectsOverTlsWithItsClientCertificate() throws Exception {
        Path dir = Files.createTempDirectory("tls");
        try {
            Path server = dir.resolve("server.p12");
            Keytool.genKeyPair(server, "server", "CN=localhost", "dns:localhost,ip:127.0.0.1");
            Path station = dir.resolve("station.p12");
            Keytool.genKeyPair(station, "station", "CN=TLS-1,O=Simulated CPO", null);
            KeyStore trustStation = Keytool.trustStoreOf(station, "station", dir);
            KeyStore trustServer = Keytool.trustStoreOf(server, "server", dir);
            try (TestCsms tls = TestCsms.startTls(validator(), Keytool.load(server), Keytool.PASSWORD.toCharArray(),
                    trustStation);
                    Simulator fleet = Simulator.create(SimulatorOptions.builder(tls.tlsUrl()).trustStore(trustServer)
                            .clock(clock).build(), validator())) {
                SimulatedStation tlsStation = fleet.add(StationConfig.builder("TLS-1", OcppVersion.V2_0_1)
                        .credentials(Credentials.clientCertificate(Keytool.load(station),
                                Keytool.PASSWORD.toCharArray()))
                        .behaviour(behaviour().build()).build());
                tlsStation.start();
                awaitAccepted(tlsStation);
                assertThat(tlsStation.tls()).isTrue();
                assertThat(tls.clientCertificateSubjects()).containsExactly("CN=TLS-1,O=Simulated CPO");
                assertThat(tls.violations()).isEmpty();
                // SecurityCtrlr.SecurityProfile follows from URL and credentials
                ObjectNode get = json();
                ObjectNode data = get.putArray("getVariableData").addObject();
                data.putObject("component").put("name", "SecurityCtrlr");
                data.putObject("variable").put("name", "SecurityProfile");
                JsonNode answer = ((CallResult) tls.call("TLS-1", "GetVariables", get)
                        .get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).payload();
                assertThat(answer.path("getVariableResult").path(0).path("attributeValue").asText()).isEqualTo("3");
            }
        } finally {
            Keytool.delete(dir);
        }
    }

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void certificatesAreInstalledListedDeletedAndSigned(OcppVersion version) throws Exception {
        SimulatedStation station = started("CERT-" + version.label(), version);
        String id = station.id();
        String type = version.isTwoX() ? "CSMSRootCertificate" : "CentralSystemRootCertificate";

        ObjectNode install = json().put("certificateType", type).put("certificate", rootPem);
        assertThat(answered(id, "InstallCertificate", install).path("status").asText()).isEqualTo("Accepted");
        ObjectNode garbage = json().put("certificateType", type).put("certificate", "-----BEGIN nothing");
        assertThat(answered(id, "InstallCertificate", garbage).path("status").asText()).isEqualTo("Rejected");

        ObjectNode list = version.isTwoX() ? json() : json().put("certificateType", type);
        if (version.isTwoX()) {
            list.putArray("certificateType").add(type);
        }
        JsonNode listed = answered(id, "GetInstalledCertificateIds", list);
        assertThat(listed.path("status").asText()).isEqualTo("Accepted");
        JsonNode hash = version.isTwoX() ? listed.path("certificateHashDataChain").path(0)
                .path("certificateHashData") : listed.path("certificateHashData").path(0);
        assertThat(hash.path("hashAlgorithm").asText()).isEqualTo("SHA256");
        assertThat(hash.path("issuerNameHash").asText()).hasSize(64);

        ObjectNode delete = json();
        delete.set("certificateHashData", hash.deepCopy());
        assertThat(answered(id, "DeleteCertificate", delete).path("status").asText()).isEqualTo("Accepted");
        assertThat(answered(id, "DeleteCertificate", delete).path("status").asText()).isEqualTo("NotFound");
        assertThat(answered(id, "GetInstalledCertificateIds", list).path("status").asText()).isEqualTo("NotFound");

        // the station asks for a certificate: a real PKCS#10 request, signed by its own key
        String trigger = version.isTwoX() ? "TriggerMessage" : "ExtendedTriggerMessage";
        String what = version.isTwoX() ? "SignChargingStationCertificate" : "SignChargePointCertificate";
        assertThat(answered(id, trigger, json().put("requestedMessage", what)).path("status").asText())
                .isEqualTo("Accepted");
        String csr = awaitCalls(id, "SignCertificate", 1).get(0).payload().path("csr").asText();
        assertThat(Keytool.printCsr(csr)).contains("CN=" + id);
        String signed = Keytool.signCsr(ca, "ca", csr);
        ObjectNode chain = json().put("certificateChain", signed);
        assertThat(answered(id, "CertificateSigned", chain).path("status").asText()).isEqualTo("Accepted");
        assertThat(station.inspect(r -> r.certificates().stationChain().get(0).getSubjectX500Principal()
                .getName()).get()).contains("CN=" + id);
        ObjectNode junk = json().put("certificateChain", "junk");
        assertThat(answered(id, "CertificateSigned", junk).path("status").asText()).isEqualTo("Rejected");
        assertNoViolations();
    }
}
