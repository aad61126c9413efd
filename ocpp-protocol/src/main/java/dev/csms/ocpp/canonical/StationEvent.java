package dev.csms.ocpp.canonical;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A request a charging station sent (an OCPP CALL), in the version-independent canonical form. The version
 * adapters in {@code dev.csms.ocpp.adapter} build these; in JSON the property {@code "type"} names the variant (the
 * simple name of the record, e.g. {@code "type": "BootNotification"}).
 *
 * <p>Numbering convention: OCPP 1.6 has no EVSEs; every 1.6 connector is an EVSE of its own, so a 1.6
 * {@code connectorId} {@code c} is {@code evseId = c} and {@code connectorId = 1} ({@code 0}/{@code 0} for the
 * station as a whole).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = StationEvent.BootNotification.class, name = "BootNotification"),
        @JsonSubTypes.Type(value = StationEvent.Heartbeat.class, name = "Heartbeat"),
        @JsonSubTypes.Type(value = StationEvent.StatusNotification.class, name = "StatusNotification"),
        @JsonSubTypes.Type(value = StationEvent.MeterValues.class, name = "MeterValues"),
        @JsonSubTypes.Type(value = StationEvent.Authorize.class, name = "Authorize"),
        @JsonSubTypes.Type(value = StationEvent.TransactionEvent.class, name = "TransactionEvent"),
        @JsonSubTypes.Type(value = StationEvent.FirmwareStatusNotification.class, name = "FirmwareStatusNotification"),
        @JsonSubTypes.Type(value = StationEvent.LogStatusNotification.class, name = "LogStatusNotification"),
        @JsonSubTypes.Type(value = StationEvent.SecurityEventNotification.class, name = "SecurityEventNotification"),
        @JsonSubTypes.Type(value = StationEvent.DataTransfer.class, name = "DataTransfer"),
        @JsonSubTypes.Type(value = StationEvent.SignCertificate.class, name = "SignCertificate"),
        @JsonSubTypes.Type(value = StationEvent.RawStationMessage.class, name = "RawStationMessage")
})
public sealed interface StationEvent {

    /**
     * True when the station waits for a business decision (a {@link CsmsAnswer} other than
     * {@link CsmsAnswer.EmptyAnswer}); false when the gateway may answer by itself once the event is stored.
     */
    @JsonIgnore
    default boolean requiresDecision() {
        return false;
    }

    /**
     * The station (re)started (BootNotification).
     *
     * @param reason  why it booted; {@link BootReason#Unknown} for 1.6
     * @param station what the station says about itself
     */
    record BootNotification(BootReason reason, ChargingStationInfo station) implements StationEvent {
        public BootNotification {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(station, "station");
        }

        @Override
        public boolean requiresDecision() {
            return true;
        }
    }

    /** The station is alive (Heartbeat); the answer carries the current time. */
    record Heartbeat() implements StationEvent {
    }

    /**
     * A connector changed state (StatusNotification).
     *
     * @param timestamp       when the state changed (1.6 may omit it: null)
     * @param evseId          the EVSE; 0 for the station as a whole (1.6 connector 0)
     * @param connectorId     the connector within the EVSE (1 for every 1.6 connector &gt; 0)
     * @param status          the normalized status
     * @param originalStatus  the status string the station sent, e.g. {@code Charging} (1.6) or {@code Occupied}
     * @param errorCode       1.6 errorCode ({@code NoError} when none); null for 2.x, which reports errors through
     *                        NotifyEvent
     * @param info            1.6 free-text info; null when not given
     * @param vendorId        1.6 vendor of the vendor error code; null when not given
     * @param vendorErrorCode 1.6 vendor-specific error code; null when not given
     */
    record StatusNotification(Instant timestamp, int evseId, int connectorId, ConnectorStatus status,
            String originalStatus, String errorCode, String info, String vendorId, String vendorErrorCode)
            implements StationEvent {
        public StatusNotification {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(originalStatus, "originalStatus");
        }
    }

    /**
     * Meter readings outside a transaction (MeterValues). A 1.6 MeterValues with a transactionId becomes a
     * {@link TransactionEvent} of type Updated instead; a 2.x MeterValues never belongs to a transaction.
     *
     * @param evseId      the EVSE; 0 for the station's main meter
     * @param meterValues the normalized readings, at least one
     */
    record MeterValues(int evseId, List<MeterValue> meterValues) implements StationEvent {
        public MeterValues {
            meterValues = List.copyOf(meterValues);
        }
    }

    /**
     * A driver asks to be authorized (Authorize).
     *
     * @param idToken                     the token presented
     * @param certificate                 the ISO 15118 contract certificate chain (2.x); null when not sent
     * @param iso15118CertificateHashData OCSP data of the contract certificate (2.x); empty when not sent
     */
    record Authorize(IdToken idToken, String certificate, List<OcspRequestData> iso15118CertificateHashData)
            implements StationEvent {
        public Authorize {
            Objects.requireNonNull(idToken, "idToken");
            iso15118CertificateHashData = iso15118CertificateHashData == null ? List.of()
                    : List.copyOf(iso15118CertificateHashData);
        }

        @Override
        public boolean requiresDecision() {
            return true;
        }
    }

    /**
     * One step of a transaction: the 2.x TransactionEvent, and the 1.6 StartTransaction (Started),
     * MeterValues with a transactionId (Updated) and StopTransaction (Ended).
     *
     * <p>1.6 specifics: a Started event has no {@code transactionId} (the CSMS assigns one in its answer,
     * {@link CsmsAnswer.TransactionEventAnswer#assignedTransactionId()}); the ids of later events are the decimal
     * integer as a string. {@code seqNo} is synthesized so it orders the events of a transaction: Started is 0,
     * Updated is the epoch millisecond of its first reading, Ended is {@link Long#MAX_VALUE}. A 1.6 Ended event has
     * no EVSE (1.6 StopTransaction does not name the connector).
     *
     * @param eventType          Started, Updated or Ended
     * @param transactionId      the station's transaction id; null only for a 1.6 Started event
     * @param seqNo              sequence number within the transaction (see above for 1.6)
     * @param timestamp          when it happened
     * @param triggerReason      why the station sent it
     * @param idToken            the token involved; null when none
     * @param evseId             the EVSE; null when the station did not say
     * @param connectorId        the connector within the EVSE; null when the station did not say
     * @param meterValues        normalized readings; empty when none (1.6 Ended: the transactionData)
     * @param meterStartWh       1.6 StartTransaction meterStart (Wh); null otherwise
     * @param meterStopWh        1.6 StopTransaction meterStop (Wh); null otherwise
     * @param stoppedReason      why it ended; null unless Ended (or 2.x sent it)
     * @param chargingState      the energy transfer state (2.x); null when not given
     * @param offline            true when the event happened while the station was offline (2.x)
     * @param reservationId      the reservation it used; null when none
     * @param remoteStartId      the id of the RequestStartTransaction that started it (2.x); null when none
     * @param numberOfPhasesUsed phases used (2.x); null when not given
     * @param cableMaxCurrent    maximum current of the cable in A (2.x); null when not given
     * @param timeSpentCharging  seconds spent charging (2.x); null when not given
     */
    record TransactionEvent(TransactionEventType eventType, String transactionId, long seqNo, Instant timestamp,
            TriggerReason triggerReason, IdToken idToken, Integer evseId, Integer connectorId,
            List<MeterValue> meterValues, Long meterStartWh, Long meterStopWh, StoppedReason stoppedReason,
            ChargingState chargingState, boolean offline, Integer reservationId, Integer remoteStartId,
            Integer numberOfPhasesUsed, Integer cableMaxCurrent, Integer timeSpentCharging)
            implements StationEvent {
        public TransactionEvent {
            Objects.requireNonNull(eventType, "eventType");
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(triggerReason, "triggerReason");
            meterValues = meterValues == null ? List.of() : List.copyOf(meterValues);
        }

        /** A token needs a verdict, and a 1.6 start needs a transaction id from the CSMS. */
        @Override
        public boolean requiresDecision() {
            return idToken != null || transactionId == null;
        }
    }

    /**
     * Firmware update progress (FirmwareStatusNotification; 1.6 also SignedFirmwareStatusNotification).
     *
     * @param status     the progress
     * @param requestId  the UpdateFirmware request it reports on; null for 1.6 core
     * @param statusInfo detail (2.1); null when not given
     */
    record FirmwareStatusNotification(FirmwareStatus status, Integer requestId, StatusInfo statusInfo)
            implements StationEvent {
        public FirmwareStatusNotification {
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * Log upload progress (LogStatusNotification; 1.6 also DiagnosticsStatusNotification).
     *
     * @param status     the progress
     * @param requestId  the GetLog request it reports on; null for 1.6 diagnostics
     * @param statusInfo detail (2.1); null when not given
     */
    record LogStatusNotification(UploadLogStatus status, Integer requestId, StatusInfo statusInfo)
            implements StationEvent {
        public LogStatusNotification {
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * A security event on the station (SecurityEventNotification; 1.6 security extension).
     *
     * @param eventType the OCPP security event type, e.g. {@code FirmwareUpdated}, {@code TamperDetectionActivated}
     * @param timestamp when it happened
     * @param techInfo  technical detail; null when not given
     */
    record SecurityEventNotification(String eventType, Instant timestamp, String techInfo) implements StationEvent {
        public SecurityEventNotification {
            Objects.requireNonNull(eventType, "eventType");
            Objects.requireNonNull(timestamp, "timestamp");
        }
    }

    /**
     * A vendor-specific message (DataTransfer).
     *
     * @param vendorId  the vendor
     * @param messageId the message kind; null when not given
     * @param data      the data: a JSON string for 1.6, any JSON for 2.x; null when not given
     */
    record DataTransfer(String vendorId, String messageId, JsonNode data) implements StationEvent {
        public DataTransfer {
            Objects.requireNonNull(vendorId, "vendorId");
        }

        @Override
        public boolean requiresDecision() {
            return true;
        }
    }

    /**
     * The station asks to have a certificate signed (SignCertificate; 1.6 security extension).
     *
     * @param csr             the PEM certificate signing request
     * @param certificateType what it is for; 1.6: ChargingStationCertificate; null when a 2.x station omitted it,
     *                        which the spec defines as both the station and the ISO 15118 certificate
     * @param requestId       the request id (2.1); null when not given
     */
    record SignCertificate(String csr, CertificateSigningUse certificateType, Integer requestId)
            implements StationEvent {
        public SignCertificate {
            Objects.requireNonNull(csr, "csr");
        }

        @Override
        public boolean requiresDecision() {
            return true;
        }
    }

    /**
     * A request with no canonical mapping (e.g. NotifyReport, NotifyEvent), carried as the station sent it.
     *
     * @param action         the OCPP action
     * @param payload        the payload as received
     * @param answerRequired true when the version's response has required fields, so a service must answer
     *                       with a {@link CsmsAnswer.RawAnswer}; false when an empty answer is valid
     */
    record RawStationMessage(String action, JsonNode payload, boolean answerRequired) implements StationEvent {
        public RawStationMessage {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(payload, "payload");
        }

        @Override
        public boolean requiresDecision() {
            return answerRequired;
        }
    }
}
