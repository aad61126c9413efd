package dev.csms.device.certificate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.csms.device.testing.StationCalls;
import dev.csms.device.testing.StationCommands;
import dev.csms.device.testing.Stations;
import dev.csms.device.testing.Tokens;
import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.ocpp.CallAnswer;
import dev.csms.localstack.LocalStackTestResource;
import dev.csms.localstack.testing.TopicProbe;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.CertificateSigningUse;
import dev.csms.ocpp.canonical.CsmsAnswer;
import dev.csms.ocpp.canonical.GenericStatus;
import dev.csms.ocpp.canonical.StationEvent.SignCertificate;
import dev.csms.runtime.presence.PresenceView;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Certificates end to end: a station's SignCertificate on ocpp.inbound -> answer on ocpp.outbound and, when
 * accepted, CertificateSigned with a chain that verifies against the CA; the operator's InstallCertificate,
 * GetInstalledCertificateIds and DeleteCertificate sent through the ledger and their results recorded.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "device"))
class CertificateTest {

    private static final OcppVersion V201 = OcppVersion.V2_0_1;
    private final EventCodec codec = new EventCodec();
    private StationCalls gateway;
    private TopicProbe outbound;
    private StationCommands commands;

    @Inject
    PresenceView presence;

    @Inject
    CertificateAuthority authority;

    @BeforeEach
    void open() {
        gateway = new StationCalls();
        outbound = new TopicProbe(Topics.unprefixed().outbound());
        commands = new StationCommands(outbound, gateway);
    }

    @AfterEach
    void close() {
        outbound.close();
        gateway.close();
    }

    private static String csr(String commonName) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        var request = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + commonName + ",O=ACME"),
                pair.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(request);
        }
        return out.toString();
    }

    private CsmsAnswer answerTo(String callEventId) {
        ConsumerRecord<String, byte[]> record = outbound.await(r -> {
            var correlation = r.headers().lastHeader(CloudEventHeaders.PREFIX + CloudEventHeaders.CORRELATION_ID);
            return correlation != null && callEventId.equals(new String(correlation.value(), StandardCharsets.UTF_8));
        });
        CallAnswer answer = codec.fromRecord(record, EventTypes.CALL_ANSWER).data();
        return answer.answer();
    }

    private static List<X509Certificate> chain(String pem) throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        return new ArrayList<>(factory.generateCertificates(new ByteArrayInputStream(
                pem.getBytes(StandardCharsets.US_ASCII))).stream().map(c -> (X509Certificate) c).toList());
    }

    private static void awaitAnswered(String commandId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                .when().get("/api/v1/commands/" + commandId)
                .then().statusCode(200).body("status", equalTo("Answered")).body("kind", equalTo("certificates")));
    }

    @Test
    void aValidCsrIsSignedAndTheChainSentWithCertificateSigned() throws Exception {
        assertThat(authority.generated()).isTrue(); // no CA configured in tests: the local one
        for (OcppVersion version : List.of(V201, OcppVersion.V1_6)) {
            String id = Stations.register("CRT-", 2, List.of("1.6", "2.0.1"));
            Stations.connect(gateway, presence, id, version);
            String call = gateway.call(id, version, "SignCertificate",
                    new SignCertificate(csr(id), CertificateSigningUse.ChargingStationCertificate, null));
            CsmsAnswer answer = answerTo(call);
            assertThat(answer).isInstanceOf(CsmsAnswer.SignCertificateAnswer.class);
            assertThat(((CsmsAnswer.SignCertificateAnswer) answer).status()).isEqualTo(GenericStatus.Accepted);

            StationCommands.Sent sent = commands.awaitNext(id, Set.of(), version);
            assertThat(sent.request().action()).isEqualTo("CertificateSigned");
            assertThat(sent.request().payload().has("certificateType")).isEqualTo(version != OcppVersion.V1_6);
            List<X509Certificate> chain = chain(sent.request().payload().path("certificateChain").asText());
            assertThat(chain).hasSize(2);
            X509Certificate leaf = chain.get(0);
            assertThat(chain.get(1)).isEqualTo(authority.certificate());
            leaf.verify(authority.certificate().getPublicKey()); // throws when the CA did not sign it
            leaf.checkValidity();
            assertThat(leaf.getSubjectX500Principal().getName()).contains("CN=" + id);
            assertThat(leaf.getIssuerX500Principal()).isEqualTo(authority.certificate().getSubjectX500Principal());

            commands.answer(sent, version, "{\"status\":\"Accepted\"}");
            awaitAnswered(sent.command().commandId());
            given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/commands/" + sent.command().commandId())
                    .then().body("requestedBy", equalTo("device-service")).body("response.status", equalTo("Accepted"));
        }
    }

    @Test
    void aCsrInAnotherStationsNameOrUnreadableIsRejected() throws Exception {
        String id = Stations.register("CRT-", 2, List.of("1.6", "2.0.1"));
        Stations.connect(gateway, presence, id, V201);
        String wrongName = gateway.call(id, V201, "SignCertificate",
                new SignCertificate(csr("SOMEONE-ELSE"), CertificateSigningUse.ChargingStationCertificate, null));
        CsmsAnswer.SignCertificateAnswer answer = (CsmsAnswer.SignCertificateAnswer) answerTo(wrongName);
        assertThat(answer.status()).isEqualTo(GenericStatus.Rejected);
        assertThat(answer.statusInfo().additionalInfo()).contains("SOMEONE-ELSE");

        String garbage = gateway.call(id, V201, "SignCertificate",
                new SignCertificate("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n",
                        null, null));
        assertThat(((CsmsAnswer.SignCertificateAnswer) answerTo(garbage)).status()).isEqualTo(GenericStatus.Rejected);
        assertThat(outbound.collectFor(r -> commands.isCommandFor(id, r), Duration.ofSeconds(1))).isEmpty();
    }

    private static ValidatableResponse post(String id, String path, Object body) {
        return given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/stations/" + id + "/certificates/" + path).then();
    }

    @Test
    void installGetInstalledAndDeleteAreSentAndTheirResultsRecorded() throws Exception {
        String id = Stations.register("CRT-", 2, List.of("1.6", "2.0.1"));
        Stations.connect(gateway, presence, id, V201);
        String pem = CertificateAuthority.pem(authority.certificate());

        String install = post(id, "install", Map.of("certificateType", "CSMSRootCertificate", "certificate", pem))
                .statusCode(202).header("Location", containsString("/api/v1/commands/"))
                .body("kind", equalTo("certificates")).extract().path("commandId");
        StationCommands.Sent sent = commands.await(id, install, V201);
        assertThat(sent.request().action()).isEqualTo("InstallCertificate");
        assertThat(sent.request().payload().path("certificate").asText()).isEqualTo(pem);
        commands.answer(sent, V201, "{\"status\":\"Accepted\"}");
        awaitAnswered(install);

        String ids = post(id, "installed-ids", Map.of("certificateTypes", List.of("CSMSRootCertificate")))
                .statusCode(202).extract().path("commandId");
        sent = commands.await(id, ids, V201);
        assertThat(sent.request().action()).isEqualTo("GetInstalledCertificateIds");
        assertThat(sent.request().payload().path("certificateType").get(0).asText()).isEqualTo("CSMSRootCertificate");
        String hash = "{\"hashAlgorithm\":\"SHA256\",\"issuerNameHash\":\"aa11\",\"issuerKeyHash\":\"bb22\","
                + "\"serialNumber\":\"01\"}";
        commands.answer(sent, V201, "{\"status\":\"Accepted\",\"certificateHashDataChain\":[{\"certificateType\":"
                + "\"CSMSRootCertificate\",\"certificateHashData\":" + hash + "}]}");
        awaitAnswered(ids);
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/commands/" + ids).then()
                .body("response.rawResponse.certificateHashDataChain[0].certificateHashData.serialNumber",
                        equalTo("01"));

        String delete = post(id, "delete", Map.of("certificateHashData", Map.of("hashAlgorithm", "SHA256",
                "issuerNameHash", "aa11", "issuerKeyHash", "bb22", "serialNumber", "01")))
                .statusCode(202).extract().path("commandId");
        sent = commands.await(id, delete, V201);
        assertThat(sent.request().action()).isEqualTo("DeleteCertificate");
        assertThat(sent.request().payload().path("certificateHashData").path("serialNumber").asText()).isEqualTo("01");
        commands.answer(sent, V201, "{\"status\":\"NotFound\"}");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                .when().get("/api/v1/commands/" + delete).then().body("status", equalTo("Answered"))
                .body("response.status", equalTo("NotFound")).body("response.accepted", equalTo(false)));

        // 1.6: exactly one type
        String v16 = Stations.register("CRT-", 2, List.of("1.6", "2.0.1"));
        Stations.connect(gateway, presence, v16, OcppVersion.V1_6);
        post(v16, "installed-ids", Map.of()).statusCode(400).contentType("application/problem+json");
        String one = post(v16, "installed-ids", Map.of("certificateTypes", List.of("CentralSystemRootCertificate")))
                .statusCode(202).extract().path("commandId");
        sent = commands.await(v16, one, OcppVersion.V1_6);
        assertThat(sent.request().payload().path("certificateType").asText()).isEqualTo("CentralSystemRootCertificate");
    }

    @Test
    void errors() throws Exception {
        String offline = Stations.register("CRT-", 2, List.of("1.6", "2.0.1"));
        Map<String, Object> install = Map.of("certificateType", "CSMSRootCertificate", "certificate", "PEM");
        post(offline, "install", install).statusCode(409).contentType("application/problem+json");
        post("NOPE-" + UUID.randomUUID(), "install", install).statusCode(404).contentType("application/problem+json");
        post(offline, "install", Map.of("certificateType", "CSMSRootCertificate")).statusCode(400)
                .contentType("application/problem+json");
        post(offline, "delete", Map.of()).statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(install).when()
                .post("/api/v1/stations/" + offline + "/certificates/install").then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).body(install).when()
                .post("/api/v1/stations/" + offline + "/certificates/install").then().statusCode(403);

        String v201 = Stations.register("CRT-", 2, List.of("1.6", "2.0.1"));
        Stations.connect(gateway, presence, v201, V201);
        // a type the station's version does not have is refused before anything is sent
        post(v201, "install", Map.of("certificateType", "CentralSystemRootCertificate", "certificate", "PEM"))
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("InstallCertificate"));
    }
}
