package dev.csms.device.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CA alone: generated, read from PEM files, refused settings; the CSR check. */
class CertificateAuthorityTest {

    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    Path dir;

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String pem(Object object) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }

    private static String csr(String commonName, KeyPair pair) throws Exception {
        PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(
                new X500Name("CN=" + commonName), pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
        return pem(request);
    }

    @Test
    void aConfiguredCaFromPemFilesSignsCertificatesThatVerifyAgainstIt() throws Exception {
        // a CA to configure, made here and written as PEM files (certificate, PKCS#8 key)
        KeyPair caKeys = keyPair();
        X500Name caName = new X500Name("CN=Operator CA");
        X509Certificate caCert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                caName, BigInteger.TEN, new Date(), Date.from(CLOCK.instant().plus(Duration.ofDays(365))), caName,
                caKeys.getPublic()).addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
        Path cert = Files.writeString(dir.resolve("ca.pem"), CertificateAuthority.pem(caCert));
        Path key = Files.writeString(dir.resolve("ca-key.pem"),
                pem(new JcaPKCS8Generator(caKeys.getPrivate(), null)));

        CertificateAuthority configured = new CertificateAuthority(Optional.of(cert), Optional.of(key), 30, CLOCK);
        assertThat(configured.generated()).isFalse();
        assertThat(configured.certificate()).isEqualTo(caCert);
        assertThat(new CertificateAuthority(Optional.empty(), Optional.empty(), 30, CLOCK).generated()).isTrue();

        CsrCheck.Result checked = CsrCheck.check("CP-1", csr("CP-1", keyPair()));
        assertThat(checked.accepted()).isTrue();
        X509Certificate signed = configured.sign(checked.request());
        signed.verify(caCert.getPublicKey());
        assertThat(signed.getSubjectX500Principal().getName()).isEqualTo("CN=CP-1");
        assertThat(signed.getNotAfter().toInstant()).isBefore(CLOCK.instant().plus(Duration.ofDays(31)));
        assertThat(signed.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.2"); // clientAuth
    }

    @Test
    void badSettingsStopTheStartupNamingTheSetting() throws Exception {
        Path cert = Files.writeString(dir.resolve("ca.pem"), "not pem");
        assertThatThrownBy(() -> new CertificateAuthority(Optional.of(cert), Optional.empty(), 30, CLOCK))
                .hasMessageContaining("csms.device.certificates.ca-key");
        assertThatThrownBy(() -> new CertificateAuthority(Optional.of(cert), Optional.of(cert), 30, CLOCK))
                .hasMessageContaining("csms.device.certificates.ca-cert");
        assertThatThrownBy(() -> new CertificateAuthority(Optional.of(dir.resolve("missing.pem")),
                Optional.of(cert), 30, CLOCK)).hasMessageContaining("cannot read");
    }

    @Test
    void theCsrCheckRefusesAnotherNameAndABadSignature() throws Exception {
        assertThat(CsrCheck.check("CP-1", csr("CP-2", keyPair())).refusal()).contains("CP-2");
        assertThat(CsrCheck.check("CP-1", "hello").accepted()).isFalse();
        // a request whose signature does not match its key: signed with another key than the one it carries
        KeyPair carried = keyPair();
        PKCS10CertificationRequest forged = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=CP-1"),
                carried.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair().getPrivate()));
        assertThat(CsrCheck.check("CP-1", pem(forged)).refusal()).contains("signature");
    }
}
