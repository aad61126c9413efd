package dev.csms.simulator.station;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The certificates of a station: root certificates the CSMS installed (InstallCertificate, listed by
 * GetInstalledCertificateIds, removed by DeleteCertificate), the station's own key pair with the certificate
 * signing request it sends in SignCertificate, and the chain the CSMS signed for it (CertificateSigned).
 * Certificates are parsed as real X.509; anything else is refused the way a station refuses it.
 */
public final class CertificateStore {

    private static final byte[] OID_COMMON_NAME = {0x55, 0x04, 0x03};
    private static final byte[] OID_ORGANIZATION = {0x55, 0x04, 0x0A};
    private static final byte[] OID_ECDSA_SHA256 = {0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x04, 0x03, 0x02};

    /**
     * The OCPP CertificateHashDataType.
     *
     * @param hashAlgorithm  always SHA256
     * @param issuerNameHash SHA-256 of the DER issuer name, hex
     * @param issuerKeyHash  SHA-256 of the issuer's public key bits, hex
     * @param serialNumber   the serial number, hex without leading zeros
     */
    public record HashData(String hashAlgorithm, String issuerNameHash, String issuerKeyHash, String serialNumber) {
    }

    /**
     * An installed certificate.
     *
     * @param type        the certificate type as the CSMS named it
     * @param certificate the certificate
     * @param hash        its hash data
     */
    public record Installed(String type, X509Certificate certificate, HashData hash) {
    }

    private List<Installed> installed;
    private KeyPair keyPair;
    private List<X509Certificate> stationChain;

    /** Parses one or more PEM certificates; throws if there is none or one is not X.509. */
    public static List<X509Certificate> parse(String pem) throws CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> certificates = new ArrayList<>();
        for (var c : factory.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
            certificates.add((X509Certificate) c);
        }
        if (certificates.isEmpty()) {
            throw new CertificateException("no certificate in PEM");
        }
        return certificates;
    }

    /** Installs a certificate; false if it is not a certificate. */
    public boolean install(String type, String pem) {
        List<X509Certificate> certificates;
        try {
            certificates = parse(pem);
        } catch (CertificateException e) {
            return false;
        }
        if (installed == null) {
            installed = new ArrayList<>();
        }
        for (X509Certificate certificate : certificates) {
            HashData hash = hash(certificate);
            installed.removeIf(i -> i.hash().equals(hash));
            installed.add(new Installed(type, certificate, hash));
        }
        return true;
    }

    /** The installed certificates of the given types (all when {@code types} is empty). */
    public List<Installed> find(Set<String> types) {
        if (installed == null) {
            return List.of();
        }
        return installed.stream().filter(i -> types.isEmpty() || types.contains(i.type())).toList();
    }

    /** Removes the certificate with this hash data; false if there is none. */
    public boolean delete(HashData hash) {
        if (installed == null) {
            return false;
        }
        boolean removed = installed.removeIf(i -> i.hash().serialNumber().equalsIgnoreCase(hash.serialNumber())
                && i.hash().issuerNameHash().equalsIgnoreCase(hash.issuerNameHash())
                && i.hash().issuerKeyHash().equalsIgnoreCase(hash.issuerKeyHash()));
        if (installed.isEmpty()) {
            installed = null;
        }
        return removed;
    }

    /** Accepts a signed chain for the station's key; false if it is not a certificate chain. */
    public boolean acceptSigned(String chainPem) {
        try {
            stationChain = parse(chainPem);
            return true;
        } catch (CertificateException e) {
            return false;
        }
    }

    /** The chain the CSMS signed for the station, empty before CertificateSigned. */
    public List<X509Certificate> stationChain() {
        return stationChain == null ? List.of() : stationChain;
    }

    /** A PKCS#10 certificate signing request (PEM) for the station's EC P-256 key, made on first use. */
    public String createCsr(String commonName, String organization) {
        try {
            if (keyPair == null) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                keyPair = generator.generateKeyPair();
            }
            byte[] subject = sequence(set(sequence(oid(OID_ORGANIZATION), utf8(organization))),
                    set(sequence(oid(OID_COMMON_NAME), utf8(commonName))));
            byte[] info = sequence(new byte[] {0x02, 0x01, 0x00}, subject, keyPair.getPublic().getEncoded(),
                    new byte[] {(byte) 0xA0, 0x00});
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keyPair.getPrivate());
            signer.update(info);
            byte[] csr = sequence(info, sequence(oid(OID_ECDSA_SHA256)), bitString(signer.sign()));
            return "-----BEGIN CERTIFICATE REQUEST-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(csr)
                    + "\n-----END CERTIFICATE REQUEST-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a CSR", e);
        }
    }

    /** The OCPP hash data of a certificate; the issuer key is found among the installed certificates. */
    HashData hash(X509Certificate certificate) {
        PublicKey issuerKey = certificate.getPublicKey();
        if (!certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal()) && installed != null) {
            // the issuer's key is known only if its certificate is installed; else the certificate's own key
            // stands in (a station without the issuer cannot compute the real value either)
            issuerKey = installed.stream()
                    .map(Installed::certificate)
                    .filter(c -> c.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()))
                    .map(X509Certificate::getPublicKey)
                    .findFirst()
                    .orElse(issuerKey);
        }
        return new HashData("SHA256", sha256(certificate.getIssuerX500Principal().getEncoded()),
                sha256(publicKeyBits(issuerKey.getEncoded())), certificate.getSerialNumber().toString(16));
    }

    /** The BIT STRING content of a SubjectPublicKeyInfo: SEQUENCE { AlgorithmIdentifier, BIT STRING }. */
    static byte[] publicKeyBits(byte[] spki) {
        int[] pos = {0};
        readHeader(spki, pos);
        int algorithmLength = readHeader(spki, pos);
        pos[0] += algorithmLength;
        int bitsLength = readHeader(spki, pos);
        // the first content byte counts the unused bits of the last byte (0 for keys)
        return Arrays.copyOfRange(spki, pos[0] + 1, pos[0] + bitsLength);
    }

    private static int readHeader(byte[] der, int[] pos) {
        pos[0]++;
        int first = der[pos[0]++] & 0xFF;
        if (first < 0x80) {
            return first;
        }
        int length = 0;
        for (int i = 0; i < (first & 0x7F); i++) {
            length = (length << 8) | (der[pos[0]++] & 0xFF);
        }
        return length;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sequence(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    private static byte[] set(byte[]... parts) {
        return tlv(0x31, concat(parts));
    }

    private static byte[] oid(byte[] encoded) {
        return tlv(0x06, encoded);
    }

    private static byte[] utf8(String text) {
        return tlv(0x0C, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bitString(byte[] bits) {
        byte[] content = new byte[bits.length + 1];
        System.arraycopy(bits, 0, content, 1, bits.length);
        return tlv(0x03, content);
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xFF);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
