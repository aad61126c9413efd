package dev.csms.gateway.support;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Certificates generated in the test (BouncyCastle, EC P-256): a server CA and the gateway's server certificate for
 * 127.0.0.1, and a station CA that signs station client certificates (security profile 3). Written as PEM files to
 * a directory, so that the application (another class loader) and the tests share them.
 */
public final class TestPki {

    public static final String SERVER_CA = "server-ca.crt";
    public static final String SERVER_CERT = "server.crt";
    public static final String SERVER_KEY = "server.key";
    public static final String STATION_CA = "station-ca.crt";
    public static final String STATION_CA_KEY = "station-ca.key";

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final Path directory;
    private final X509Certificate serverCa;
    private final X509Certificate stationCa;
    private final PrivateKey stationCaKey;

    private TestPki(Path directory, X509Certificate serverCa, X509Certificate stationCa, PrivateKey stationCaKey) {
        this.directory = directory;
        this.serverCa = serverCa;
        this.stationCa = stationCa;
        this.stationCaKey = stationCaKey;
    }

    /** Generates everything into a directory. */
    public static TestPki create(Path directory) {
        KeyPair serverCaKeys = keyPair();
        X509Certificate serverCa = issue("CN=CSMS test server CA", serverCaKeys.getPublic(), "CN=CSMS test server CA",
                serverCaKeys.getPrivate(), true, false, true);
        KeyPair serverKeys = keyPair();
        X509Certificate server = issue("CN=127.0.0.1", serverKeys.getPublic(), "CN=CSMS test server CA",
                serverCaKeys.getPrivate(), false, true, true);
        KeyPair stationCaKeys = keyPair();
        X509Certificate stationCa = issue("CN=CSMS test station CA", stationCaKeys.getPublic(),
                "CN=CSMS test station CA", stationCaKeys.getPrivate(), true, false, false);
        write(directory.resolve(SERVER_CA), pem("CERTIFICATE", encoded(serverCa)));
        write(directory.resolve(SERVER_CERT), pem("CERTIFICATE", encoded(server)));
        write(directory.resolve(SERVER_KEY), pem("PRIVATE KEY", serverKeys.getPrivate().getEncoded()));
        write(directory.resolve(STATION_CA), pem("CERTIFICATE", encoded(stationCa)));
        write(directory.resolve(STATION_CA_KEY), pem("PRIVATE KEY", stationCaKeys.getPrivate().getEncoded()));
        return new TestPki(directory, serverCa, stationCa, stationCaKeys.getPrivate());
    }

    /** Reads what {@link #create} wrote. */
    public static TestPki load(Path directory) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            X509Certificate serverCa = (X509Certificate) factory.generateCertificate(
                    new ByteArrayInputStream(Files.readAllBytes(directory.resolve(SERVER_CA))));
            X509Certificate stationCa = (X509Certificate) factory.generateCertificate(
                    new ByteArrayInputStream(Files.readAllBytes(directory.resolve(STATION_CA))));
            String keyPem = Files.readString(directory.resolve(STATION_CA_KEY));
            byte[] der = Base64.getMimeDecoder().decode(keyPem.replaceAll("-----[A-Z ]+-----", ""));
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new TestPki(directory, serverCa, stationCa, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Path directory() {
        return directory;
    }

    /** A TLS client context that trusts the gateway's server certificate and presents no client certificate. */
    public SSLContext clientWithoutCertificate() {
        return context(null, null);
    }

    /** A TLS client context presenting a certificate for {@code commonName}, signed by the station CA. */
    public SSLContext stationClient(String commonName) {
        KeyPair keys = keyPair();
        X509Certificate certificate = issue("CN=" + commonName + ",O=Test CPO", keys.getPublic(),
                "CN=CSMS test station CA", stationCaKey, false, false, false);
        return context(keys.getPrivate(), new Certificate[] {certificate, stationCa});
    }

    /** A TLS client context presenting a certificate for {@code commonName} from a CA the gateway does not know. */
    public SSLContext foreignStationClient(String commonName) {
        KeyPair caKeys = keyPair();
        X509Certificate foreignCa = issue("CN=Foreign CA", caKeys.getPublic(), "CN=Foreign CA", caKeys.getPrivate(),
                true, false, false);
        KeyPair keys = keyPair();
        X509Certificate certificate = issue("CN=" + commonName, keys.getPublic(), "CN=Foreign CA",
                caKeys.getPrivate(), false, false, false);
        return context(keys.getPrivate(), new Certificate[] {certificate, foreignCa});
    }

    private SSLContext context(PrivateKey key, Certificate[] chain) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("server-ca", serverCa);
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            KeyManagerFactory keyManagers = null;
            if (key != null) {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                keys.setKeyEntry("station", key, "secret".toCharArray(), chain);
                keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keyManagers.init(keys, "secret".toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(),
                    null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the test TLS context", e);
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate issue(String subject, PublicKey key, String issuer, PrivateKey issuerKey,
            boolean ca, boolean server, boolean loopbackNames) {
        try {
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(2))), new X500Name(subject), key);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (ca) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
                builder.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(server ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
            }
            if (loopbackNames && !ca) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                        new GeneralName(GeneralName.dNSName, "localhost")}));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue " + subject, e);
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
