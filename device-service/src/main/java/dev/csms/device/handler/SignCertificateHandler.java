package dev.csms.device.handler;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.device.certificate.CertificateAuthority;
import dev.csms.device.certificate.CertificateSigning;
import dev.csms.device.certificate.CertificateResource;
import dev.csms.device.certificate.CsrCheck;
import dev.csms.device.config.DeviceConfig;
import dev.csms.device.operation.CommandChecks;
import dev.csms.device.service.StationRecords;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.CallAnswer;
import dev.csms.events.ocpp.StationCall;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.CsmsAnswer.SignCertificateAnswer;
import dev.csms.ocpp.canonical.GenericStatus;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.ocpp.canonical.StationEvent.SignCertificate;
import dev.csms.ocpp.canonical.StatusInfo;
import dev.csms.runtime.command.CommandLedger;
import dev.csms.runtime.command.CommandRequest;
import dev.csms.runtime.inbound.StationCallHandler;
import dev.csms.runtime.outbox.Outbox;
import dev.csms.runtime.presence.PresenceView;
import dev.csms.runtime.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * SignCertificate (1.6 security extension, 2.x): the CSR is checked ({@link CsrCheck}: PKCS#10, valid signature,
 * subject CN = the station id) and signed by the {@link CertificateAuthority}; the call is answered Accepted and the
 * chain (certificate, CA) follows as a CertificateSigned command through the ledger, both in one transaction (the
 * answer is enqueued first, so the station gets it first). A refused CSR is answered Rejected. A redelivered call
 * is answered again with the recorded decision and not signed twice.
 */
@ApplicationScoped
public class SignCertificateHandler implements StationCallHandler<SignCertificate> {

    private static final Logger LOG = Logger.getLogger(SignCertificateHandler.class);
    static final String REQUESTED_BY = "device-service";

    private final CertificateAuthority authority;
    private final CommandLedger ledger;
    private final CommandChecks checks;
    private final Outbox outbox;
    private final StationRecords records;
    private final PresenceView presence;
    private final Duration commandTimeout;

    SignCertificateHandler(CertificateAuthority authority, CommandLedger ledger, CommandChecks checks, Outbox outbox,
            StationRecords records, PresenceView presence, DeviceConfig config) {
        this.presence = presence;
        this.authority = authority;
        this.ledger = ledger;
        this.checks = checks;
        this.outbox = outbox;
        this.records = records;
        this.commandTimeout = config.certificates().commandTimeout();
    }

    @Override
    public Class<SignCertificate> eventClass() {
        return SignCertificate.class;
    }

    @Override
    public Uni<Void> handle(EventEnvelope<StationCall> envelope, SignCertificate event) {
        StationCall call = envelope.data();
        return Panache.withTransaction(() -> CertificateSigning.<CertificateSigning>find(
                "stationId = ?1 and callId = ?2", call.stationId(), envelope.id()).firstResult()
                .chain(recorded -> recorded != null ? answer(envelope, recorded) : decide(envelope, event)));
    }

    private Uni<Void> decide(EventEnvelope<StationCall> envelope, SignCertificate event) {
        StationCall call = envelope.data();
        CertificateSigning signing = new CertificateSigning();
        signing.stationId = call.stationId();
        signing.callId = envelope.id();
        signing.ocppVersion = call.ocppVersion().label();
        signing.certificateType = event.certificateType() == null ? null : event.certificateType().name();
        signing.receivedAt = call.receivedAt();
        CsrCheck.Result checked = CsrCheck.check(call.stationId(), event.csr());
        if (!checked.accepted()) {
            return reject(envelope, signing, checked.refusal());
        }
        if (!presence.isConnected(call.stationId())) {
            // The chain could not be delivered (the ledger refuses commands to an offline station).
            return reject(envelope, signing, "the station is not connected");
        }
        // Signing is a few milliseconds of CPU, no I/O: done inline.
        X509Certificate signed = authority.sign(checked.request());
        signing.status = GenericStatus.Accepted.name();
        signing.serialNumber = signed.getSerialNumber().toString(16);
        StationCommand command = certificateSigned(call.ocppVersion(), event,
                CertificateAuthority.pem(signed, authority.certificate()));
        Uni<Void> sent;
        try {
            checks.check(call.ocppVersion(), command);
            // The answer goes first into the outbox, so the station sees Accepted before CertificateSigned.
            sent = answer(envelope, signing).chain(() -> ledger.submit(new CommandRequest(call.stationId(), command,
                    CertificateResource.KIND, "sign:" + envelope.id(), REQUESTED_BY, commandTimeout)))
                    .invoke(record -> signing.commandId = record.commandId())
                    .chain(() -> signing.persist()).replaceWithVoid();
        } catch (ProblemException e) {
            return reject(envelope, signing, e.detail());
        }
        LOG.infof("Signed a %s for station %s (serial %s)", signing.certificateType, call.stationId(),
                signing.serialNumber);
        return sent;
    }

    private Uni<Void> reject(EventEnvelope<StationCall> envelope, CertificateSigning signing, String reason) {
        LOG.infof("Refused the certificate signing request of station %s: %s", signing.stationId, reason);
        signing.status = GenericStatus.Rejected.name();
        signing.reason = reason.length() <= 500 ? reason : reason.substring(0, 500);
        return signing.persist().chain(() -> answer(envelope, signing));
    }

    private Uni<Void> answer(EventEnvelope<StationCall> envelope, CertificateSigning signing) {
        GenericStatus status = GenericStatus.valueOf(signing.status);
        StatusInfo info = status == GenericStatus.Rejected ? new StatusInfo("InvalidCSR",
                signing.reason == null ? null : truncate(signing.reason, 512)) : null;
        return outbox.enqueue(records.answer(CallAnswer.of(envelope.data(), envelope.id(),
                new SignCertificateAnswer(status, info))));
    }

    /** CertificateSigned with the chain: 1.6 has only the chain; 2.x also the type and (2.1) the request id. */
    private static StationCommand certificateSigned(OcppVersion version, SignCertificate event, String chain) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("certificateChain", chain);
        if (version != OcppVersion.V1_6) {
            if (event.certificateType() != null) {
                payload.put("certificateType", event.certificateType().name());
            }
            if (version == OcppVersion.V2_1 && event.requestId() != null) {
                payload.put("requestId", event.requestId());
            }
        }
        return new StationCommand.RawCommand("CertificateSigned", payload);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
