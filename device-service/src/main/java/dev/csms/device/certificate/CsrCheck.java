package dev.csms.device.certificate;

import java.io.IOException;
import java.io.StringReader;
import java.security.PublicKey;
import java.util.Optional;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Checks a station's certificate signing request: PEM PKCS#10, its signature valid (the station holds the key), its
 * subject's common name the station's id (so no station can obtain a certificate in another's name).
 */
public final class CsrCheck {

    private CsrCheck() {
    }

    /** The outcome: the parsed request when accepted, else why it was refused. */
    public record Result(PKCS10CertificationRequest request, String refusal) {

        public boolean accepted() {
            return refusal == null;
        }

        static Result refused(String why) {
            return new Result(null, why);
        }
    }

    public static Result check(String stationId, String pem) {
        PKCS10CertificationRequest request;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object read = parser.readObject();
            if (!(read instanceof PKCS10CertificationRequest csr)) {
                return Result.refused("not a PEM PKCS#10 certificate signing request");
            }
            request = csr;
        } catch (IOException | RuntimeException e) {
            return Result.refused("unreadable certificate signing request: " + e.getMessage());
        }
        try {
            // The key through BouncyCastle's converter: the JDK has no KeyFactory named by the EC key's OID.
            PublicKey key = new JcaPEMKeyConverter().setProvider(CertificateAuthority.PROVIDER)
                    .getPublicKey(request.getSubjectPublicKeyInfo());
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder()
                    .setProvider(CertificateAuthority.PROVIDER).build(key))) {
                return Result.refused("the request's signature is invalid");
            }
        } catch (IOException | OperatorCreationException | PKCSException | RuntimeException e) {
            return Result.refused("the request's signature cannot be verified: " + e.getMessage());
        }
        Optional<String> commonName = commonName(request);
        if (commonName.isEmpty()) {
            return Result.refused("the subject has no common name (CN)");
        }
        if (!commonName.get().equals(stationId)) {
            return Result.refused("the subject's common name " + commonName.get() + " is not the station's id");
        }
        return new Result(request, null);
    }

    private static Optional<String> commonName(PKCS10CertificationRequest request) {
        RDN[] names = request.getSubject().getRDNs(BCStyle.CN);
        if (names.length != 1) {
            return Optional.empty();
        }
        return Optional.of(IETFUtils.valueToString(names[0].getFirst().getValue()));
    }
}
