package dev.csms.gateway.auth;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Security profile 3: a station's client certificate must chain to the configured station CA and name the station
 * in its subject's common name (the OCPP security profile 3 rule for station certificates). The TLS layer has already
 * checked possession of the key.
 */
public final class StationCertificates {

    private final Set<TrustAnchor> anchors;

    private StationCertificates(Set<TrustAnchor> anchors) {
        this.anchors = anchors;
    }

    /**
     * Loads the CA certificates of a PEM file.
     *
     * @throws IllegalArgumentException naming the setting when the file cannot be read or holds no certificate
     */
    public static StationCertificates load(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            Set<TrustAnchor> anchors = new HashSet<>();
            for (Certificate certificate : certificates) {
                anchors.add(new TrustAnchor((X509Certificate) certificate, null));
            }
            if (anchors.isEmpty()) {
                throw new IllegalArgumentException("csms.gateway.auth.station-ca: " + caFile
                        + " holds no certificate");
            }
            return new StationCertificates(Set.copyOf(anchors));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("csms.gateway.auth.station-ca: cannot read " + caFile + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Why a presented chain does not identify the station, or empty when it does.
     *
     * @param chain the peer's chain, leaf first
     */
    public Optional<String> check(String stationId, Certificate[] chain) {
        if (chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
            return Optional.of("no client certificate");
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<Certificate> path = Arrays.stream(chain).filter(c -> !isAnchor(c)).toList();
            CertPath certPath = factory.generateCertPath(path.isEmpty() ? List.of(leaf) : path);
            PKIXParameters parameters = new PKIXParameters(anchors);
            // stations rarely reach an OCSP responder or CRL from the CSMS network; revocation is device-service's
            // job (it disables the station's credentials)
            parameters.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
        } catch (GeneralSecurityException e) {
            return Optional.of("the client certificate does not chain to the station CA: " + e.getMessage());
        }
        Optional<String> commonName = commonName(leaf);
        if (commonName.isEmpty()) {
            return Optional.of("the client certificate's subject has no common name");
        }
        if (!commonName.get().equals(stationId)) {
            return Optional.of("the client certificate names " + commonName.get() + ", not " + stationId);
        }
        return Optional.empty();
    }

    private boolean isAnchor(Certificate certificate) {
        return anchors.stream().anyMatch(anchor -> anchor.getTrustedCert().equals(certificate));
    }

    static Optional<String> commonName(X509Certificate certificate) {
        try {
            LdapName name = new LdapName(certificate.getSubjectX500Principal().getName());
            return name.getRdns().stream().filter(rdn -> rdn.getType().equalsIgnoreCase("CN"))
                    .map(Rdn::getValue).map(Object::toString).reduce((first, last) -> last);
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }
}
