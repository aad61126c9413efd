package dev.csms.device.certificate;

import dev.csms.device.config.DeviceConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.jboss.logging.Logger;

/**
 * The CA that signs stations' certificate signing requests: the one configured with
 * {@code csms.device.certificates.ca-cert} and {@code ca-key} (PEM files), or, when neither is set, a local CA
 * generated at startup (embedded default only: its key lives in memory and is lost on restart; logged as such).
 */
@ApplicationScoped
@Startup // reads or generates the CA at startup, so a bad setting stops the service and no request waits for it
public class CertificateAuthority {

    private static final Logger LOG = Logger.getLogger(CertificateAuthority.class);
    /** BouncyCastle's JCA provider, used explicitly (not installed JVM-wide). */
    static final Provider PROVIDER = new BouncyCastleProvider();

    private final X509Certificate certificate;
    private final PrivateKey key;
    private final boolean generated;
    private final int validityDays;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Inject
    CertificateAuthority(DeviceConfig config, Clock clock) {
        this(config.certificates().caCert(), config.certificates().caKey(), config.certificates().validityDays(),
                clock);
    }

    /** The CA of the PEM files, or a generated one when both are absent. */
    CertificateAuthority(Optional<Path> certPath, Optional<Path> keyPath, int validityDays, Clock clock) {
        this.clock = clock;
        this.validityDays = validityDays;
        if (certPath.isPresent() != keyPath.isPresent()) {
            throw new IllegalStateException("csms.device.certificates.ca-cert and csms.device.certificates.ca-key "
                    + "go together: set both (PEM files of the CA certificate and its private key) or neither");
        }
        if (certPath.isPresent()) {
            this.certificate = readCertificate(certPath.get());
            this.key = readKey(keyPath.get());
            this.generated = false;
            LOG.infof("Station certificates are signed by the configured CA %s",
                    certificate.getSubjectX500Principal().getName());
        } else {
            KeyPair pair = newKeyPair();
            this.key = pair.getPrivate();
            this.certificate = selfSigned(pair);
            this.generated = true;
            LOG.warnf("csms.device.certificates.ca-cert/ca-key are not set: generated a local CA %s for the embedded "
                    + "default; its key is lost on restart, configure a CA for production",
                    certificate.getSubjectX500Principal().getName());
        }
    }

    /** The CA's certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** Whether the CA was generated at startup (no CA configured). */
    public boolean generated() {
        return generated;
    }

    /**
     * Signs the (checked) request: a certificate with the request's subject and public key, valid for
     * {@code validity-days}, for TLS client authentication. CPU work of a few milliseconds, no I/O.
     */
    public X509Certificate sign(PKCS10CertificationRequest request) {
        Instant now = clock.instant();
        try {
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
                    X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
                    new BigInteger(127, random).add(BigInteger.ONE), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(Duration.ofDays(validityDays))), request.getSubject(),
                    request.getSubjectPublicKeyInfo());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(certificate));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    utils.createSubjectKeyIdentifier(request.getSubjectPublicKeyInfo()));
            return convert(builder.build(signer()));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("could not sign a certificate", e);
        }
    }

    /** PEM text of certificates, in the given order (a chain: leaf first). */
    public static String pem(X509Certificate... certificates) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (X509Certificate c : certificates) {
                writer.writeObject(c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private ContentSigner signer() throws OperatorCreationException {
        // By type, not name: BouncyCastle names its EC keys "ECDSA", the JDK "EC".
        String algorithm = key instanceof java.security.interfaces.ECPrivateKey ? "SHA256withECDSA" : "SHA256withRSA";
        return new JcaContentSignerBuilder(algorithm).setProvider(PROVIDER).build(key);
    }

    private X509Certificate selfSigned(KeyPair pair) {
        Instant now = clock.instant();
        X500Name name = new X500Name("CN=CSMS local station CA,O=CSMS embedded default");
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(3650))), name,
                    pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
            return convert(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(PROVIDER)
                    .build(pair.getPrivate())));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("could not generate the local CA", e);
        }
    }

    private static X509Certificate convert(X509CertificateHolder holder) throws GeneralSecurityException {
        return new JcaX509CertificateConverter().setProvider(PROVIDER).getCertificate(holder);
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not generate the local CA's key", e);
        }
    }

    private static X509Certificate readCertificate(Path path) {
        Object read = readPem(path, "csms.device.certificates.ca-cert");
        if (!(read instanceof X509CertificateHolder holder)) {
            throw new IllegalStateException("csms.device.certificates.ca-cert: " + path + " holds no PEM certificate");
        }
        try {
            return convert(holder);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("csms.device.certificates.ca-cert: " + path + " is not a valid certificate",
                    e);
        }
    }

    private static PrivateKey readKey(Path path) {
        Object read = readPem(path, "csms.device.certificates.ca-key");
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(PROVIDER);
            if (read instanceof PEMKeyPair pair) {
                // Only the private part: an SEC1 key need not carry its public key.
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (read instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
        } catch (IOException e) {
            throw new IllegalStateException("csms.device.certificates.ca-key: " + path + " is not a usable key", e);
        }
        throw new IllegalStateException("csms.device.certificates.ca-key: " + path
                + " holds no unencrypted PEM private key (PKCS#8, PKCS#1 or SEC1)");
    }

    private static Object readPem(Path path, String setting) {
        try (Reader reader = Files.newBufferedReader(path); PEMParser parser = new PEMParser(reader)) {
            Object read = parser.readObject();
            if (read == null) {
                throw new IllegalStateException(setting + ": " + path + " holds no PEM object");
            }
            return read;
        } catch (IOException e) {
            throw new IllegalStateException(setting + ": cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
