package dev.csms.ocpp.canonical;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What the CSMS answers to a station's request, version-independent; the adapters turn it into the version's
 * CALLRESULT payload for the request's action. In JSON the property {@code "type"} names the variant (the simple
 * record name).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = CsmsAnswer.BootNotificationAnswer.class, name = "BootNotificationAnswer"),
        @JsonSubTypes.Type(value = CsmsAnswer.AuthorizeAnswer.class, name = "AuthorizeAnswer"),
        @JsonSubTypes.Type(value = CsmsAnswer.TransactionEventAnswer.class, name = "TransactionEventAnswer"),
        @JsonSubTypes.Type(value = CsmsAnswer.DataTransferAnswer.class, name = "DataTransferAnswer"),
        @JsonSubTypes.Type(value = CsmsAnswer.SignCertificateAnswer.class, name = "SignCertificateAnswer"),
        @JsonSubTypes.Type(value = CsmsAnswer.EmptyAnswer.class, name = "EmptyAnswer"),
        @JsonSubTypes.Type(value = CsmsAnswer.RawAnswer.class, name = "RawAnswer")
})
public sealed interface CsmsAnswer {

    /**
     * The boot decision (BootNotification response).
     *
     * @param status      Accepted, Pending or Rejected
     * @param interval    Accepted: the heartbeat interval; Pending/Rejected: seconds before the next boot attempt
     * @param currentTime the CSMS time; null to let the adapter use its clock
     * @param statusInfo  detail (2.x); null for none
     */
    record BootNotificationAnswer(RegistrationStatus status, int interval, Instant currentTime,
            StatusInfo statusInfo) implements CsmsAnswer {
        public BootNotificationAnswer {
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * The verdict on an Authorize.
     *
     * @param idTokenInfo       the verdict
     * @param certificateStatus result of the contract certificate check (2.x); null when none was asked for
     */
    record AuthorizeAnswer(IdTokenInfo idTokenInfo, AuthorizeCertificateStatus certificateStatus)
            implements CsmsAnswer {
        public AuthorizeAnswer {
            Objects.requireNonNull(idTokenInfo, "idTokenInfo");
        }
    }

    /**
     * The answer to a transaction step: 2.x TransactionEventResponse, 1.6 StartTransaction.conf (which needs
     * {@code assignedTransactionId} and {@code idTokenInfo}) and StopTransaction.conf ({@code idTokenInfo}
     * optional).
     *
     * @param assignedTransactionId the transaction id the CSMS assigns to a 1.6 StartTransaction; null otherwise
     * @param idTokenInfo           the verdict on the event's idToken; null when it had none
     * @param totalCost             running or final cost including taxes (2.x); null when unknown
     * @param chargingPriority      priority from -9 to 9 (2.x); null for unchanged
     * @param updatedPersonalMessage message for the driver (2.x); null for none
     */
    record TransactionEventAnswer(Integer assignedTransactionId, IdTokenInfo idTokenInfo, BigDecimal totalCost,
            Integer chargingPriority, MessageContent updatedPersonalMessage) implements CsmsAnswer {
    }

    /**
     * The answer to a station's DataTransfer.
     *
     * @param status     the outcome
     * @param data       answer data (1.6: sent as a string; a non-textual node is sent as its JSON text); null for
     *                   none
     * @param statusInfo detail (2.x); null for none
     */
    record DataTransferAnswer(DataTransferStatus status, JsonNode data, StatusInfo statusInfo)
            implements CsmsAnswer {
        public DataTransferAnswer {
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * The answer to a SignCertificate: whether the CSR was accepted for signing (the certificate follows later
     * with a CertificateSigned command).
     *
     * @param status     Accepted or Rejected
     * @param statusInfo detail (2.x); null for none
     */
    record SignCertificateAnswer(GenericStatus status, StatusInfo statusInfo) implements CsmsAnswer {
        public SignCertificateAnswer {
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * The answer that carries no decision: an empty payload, or for Heartbeat the current time from the adapter's
     * clock. Valid for every request whose response has no required business field.
     */
    record EmptyAnswer() implements CsmsAnswer {
    }

    /**
     * A version-specific response payload, sent as is (the answer to a {@link StationEvent.RawStationMessage}).
     *
     * @param payload the CALLRESULT payload
     */
    record RawAnswer(JsonNode payload) implements CsmsAnswer {
        public RawAnswer {
            Objects.requireNonNull(payload, "payload");
        }
    }
}
