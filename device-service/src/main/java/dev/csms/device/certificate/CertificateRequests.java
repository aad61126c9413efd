package dev.csms.device.certificate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Bodies of the operator's certificate commands. */
public final class CertificateRequests {

    private CertificateRequests() {
    }

    /**
     * InstallCertificate.
     *
     * @param certificateType 1.6: CentralSystemRootCertificate, ManufacturerRootCertificate; 2.x: V2GRootCertificate,
     *                        MORootCertificate, CSMSRootCertificate, ManufacturerRootCertificate (checked against the
     *                        station's version)
     * @param certificate     the PEM certificate
     */
    public record Install(@NotBlank String certificateType, @NotBlank @Size(max = 5500) String certificate) {
    }

    /**
     * GetInstalledCertificateIds.
     *
     * @param certificateTypes which kinds; 1.6 needs exactly one, 2.x takes none (all) or several
     */
    public record InstalledIds(List<@NotBlank String> certificateTypes) {
    }

    /** DeleteCertificate of the certificate with these hashes. */
    public record Delete(@Valid @NotNull HashData certificateHashData) {
    }

    /** CertificateHashDataType (the same in 1.6 security and 2.x). */
    public record HashData(@NotBlank String hashAlgorithm, @NotBlank @Size(max = 128) String issuerNameHash,
            @NotBlank @Size(max = 128) String issuerKeyHash, @NotBlank @Size(max = 40) String serialNumber) {
    }
}
