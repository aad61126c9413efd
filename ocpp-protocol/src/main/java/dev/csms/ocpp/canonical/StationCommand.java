package dev.csms.ocpp.canonical;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A command the CSMS sends to a station (a CALL from the CSMS), version-independent. The adapters turn it into
 * the version's action and payload, or throw {@code UnsupportedCommandException} when the version has no
 * equivalent. EVSEs follow the numbering convention of {@link StationEvent}: for 1.6 the {@code evseId} is the
 * connector id. In JSON the property {@code "type"} names the variant (the simple record name).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = StationCommand.RequestStartTransaction.class, name = "RequestStartTransaction"),
        @JsonSubTypes.Type(value = StationCommand.RequestStopTransaction.class, name = "RequestStopTransaction"),
        @JsonSubTypes.Type(value = StationCommand.Reset.class, name = "Reset"),
        @JsonSubTypes.Type(value = StationCommand.UnlockConnector.class, name = "UnlockConnector"),
        @JsonSubTypes.Type(value = StationCommand.ChangeAvailability.class, name = "ChangeAvailability"),
        @JsonSubTypes.Type(value = StationCommand.TriggerMessage.class, name = "TriggerMessage"),
        @JsonSubTypes.Type(value = StationCommand.UpdateFirmware.class, name = "UpdateFirmware"),
        @JsonSubTypes.Type(value = StationCommand.GetLog.class, name = "GetLog"),
        @JsonSubTypes.Type(value = StationCommand.ReserveNow.class, name = "ReserveNow"),
        @JsonSubTypes.Type(value = StationCommand.CancelReservation.class, name = "CancelReservation"),
        @JsonSubTypes.Type(value = StationCommand.SendLocalList.class, name = "SendLocalList"),
        @JsonSubTypes.Type(value = StationCommand.ClearCache.class, name = "ClearCache"),
        @JsonSubTypes.Type(value = StationCommand.SetChargingProfile.class, name = "SetChargingProfile"),
        @JsonSubTypes.Type(value = StationCommand.ClearChargingProfile.class, name = "ClearChargingProfile"),
        @JsonSubTypes.Type(value = StationCommand.GetCompositeSchedule.class, name = "GetCompositeSchedule"),
        @JsonSubTypes.Type(value = StationCommand.DataTransfer.class, name = "DataTransfer"),
        @JsonSubTypes.Type(value = StationCommand.RawCommand.class, name = "RawCommand")
})
public sealed interface StationCommand {

    /**
     * Start a transaction remotely (2.x RequestStartTransaction, 1.6 RemoteStartTransaction).
     *
     * @param evseId          the EVSE; null to let the station choose
     * @param idToken         the token to start with (1.6: its value becomes the idTag)
     * @param groupIdToken    the token's group (2.x); null for none
     * @param remoteStartId   the id the station echoes in its TransactionEvents (2.x; ignored by 1.6)
     * @param chargingProfile a TxProfile for the transaction; null for none
     */
    record RequestStartTransaction(Integer evseId, IdToken idToken, IdToken groupIdToken, int remoteStartId,
            ChargingProfile chargingProfile) implements StationCommand {
        public RequestStartTransaction {
            Objects.requireNonNull(idToken, "idToken");
        }
    }

    /**
     * Stop a transaction remotely (2.x RequestStopTransaction, 1.6 RemoteStopTransaction).
     *
     * @param transactionId the station's transaction id (a decimal integer for 1.6)
     */
    record RequestStopTransaction(String transactionId) implements StationCommand {
        public RequestStopTransaction {
            Objects.requireNonNull(transactionId, "transactionId");
        }
    }

    /**
     * Reset the station or one EVSE.
     *
     * @param resetType the normalized kind, see {@link ResetType} for the mapping per version
     * @param evseId    the EVSE to reset (2.x only); null for the whole station
     */
    record Reset(ResetType resetType, Integer evseId) implements StationCommand {
        public Reset {
            Objects.requireNonNull(resetType, "resetType");
        }
    }

    /**
     * Unlock a connector.
     *
     * @param evseId      the EVSE (1.6: the connector id)
     * @param connectorId the connector within the EVSE (ignored by 1.6)
     */
    record UnlockConnector(int evseId, int connectorId) implements StationCommand {
    }

    /**
     * Make the station, an EVSE or a connector operative or inoperative.
     *
     * @param evseId            the EVSE; null (or 0) for the whole station
     * @param connectorId       the connector within the EVSE (2.x); null for the whole EVSE
     * @param operationalStatus the target state
     */
    record ChangeAvailability(Integer evseId, Integer connectorId, OperationalStatus operationalStatus)
            implements StationCommand {
        public ChangeAvailability {
            Objects.requireNonNull(operationalStatus, "operationalStatus");
        }
    }

    /**
     * Ask the station to send a message now.
     *
     * @param requestedMessage the message wanted
     * @param evseId           the EVSE it concerns; null for the station
     * @param connectorId      the connector within the EVSE (2.x); null for the whole EVSE
     * @param customTrigger    the vendor trigger when {@code requestedMessage} is CustomTrigger (2.1); null otherwise
     */
    record TriggerMessage(MessageTrigger requestedMessage, Integer evseId, Integer connectorId, String customTrigger)
            implements StationCommand {
        public TriggerMessage {
            Objects.requireNonNull(requestedMessage, "requestedMessage");
        }
    }

    /**
     * Install new firmware. For 1.6 a signed update (signingCertificate and signature present) is the security
     * extension's SignedUpdateFirmware, otherwise the core UpdateFirmware (which has no requestId and no
     * installDateTime).
     *
     * @param requestId          the id the station echoes in FirmwareStatusNotification
     * @param location           URI of the firmware
     * @param retrieveDateTime   when to download
     * @param installDateTime    when to install; null for right after download
     * @param signingCertificate PEM certificate that signed the firmware; null for unsigned firmware
     * @param signature          base64 signature of the firmware; null for unsigned firmware
     * @param retries            download attempts; null for the station's default
     * @param retryInterval      seconds between attempts; null for the station's default
     */
    record UpdateFirmware(int requestId, String location, Instant retrieveDateTime, Instant installDateTime,
            String signingCertificate, String signature, Integer retries, Integer retryInterval)
            implements StationCommand {
        public UpdateFirmware {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(retrieveDateTime, "retrieveDateTime");
        }
    }

    /**
     * Upload a log. For 1.6 a DiagnosticsLog is the core GetDiagnostics, a SecurityLog the security extension's
     * GetLog.
     *
     * @param requestId       the id the station echoes in LogStatusNotification (ignored by 1.6 GetDiagnostics)
     * @param logType         which log
     * @param remoteLocation  URL to upload to
     * @param oldestTimestamp oldest entry wanted; null for no limit
     * @param latestTimestamp newest entry wanted; null for no limit
     * @param retries         upload attempts; null for the station's default
     * @param retryInterval   seconds between attempts; null for the station's default
     */
    record GetLog(int requestId, LogType logType, String remoteLocation, Instant oldestTimestamp,
            Instant latestTimestamp, Integer retries, Integer retryInterval) implements StationCommand {
        public GetLog {
            Objects.requireNonNull(logType, "logType");
            Objects.requireNonNull(remoteLocation, "remoteLocation");
        }
    }

    /**
     * Reserve an EVSE (or any EVSE) for a token.
     *
     * @param id             the reservation id
     * @param expiryDateTime when the reservation ends
     * @param idToken        the token it is for
     * @param groupIdToken   the token's group (1.6 parentIdTag); null for none
     * @param evseId         the EVSE; null (1.6: connector 0) for any
     * @param connectorType  the connector type wanted (2.x ConnectorEnumType); null for any
     */
    record ReserveNow(int id, Instant expiryDateTime, IdToken idToken, IdToken groupIdToken, Integer evseId,
            String connectorType) implements StationCommand {
        public ReserveNow {
            Objects.requireNonNull(expiryDateTime, "expiryDateTime");
            Objects.requireNonNull(idToken, "idToken");
        }
    }

    /**
     * Cancel a reservation.
     *
     * @param reservationId the reservation id
     */
    record CancelReservation(int reservationId) implements StationCommand {
    }

    /**
     * Update the station's local authorization list.
     *
     * @param versionNumber the list version after the update (1.6 listVersion)
     * @param updateType    Full or Differential
     * @param entries       the entries; may be empty (a Full update with no entries clears the list)
     */
    record SendLocalList(int versionNumber, UpdateType updateType, List<AuthorizationData> entries)
            implements StationCommand {
        public SendLocalList {
            Objects.requireNonNull(updateType, "updateType");
            entries = entries == null ? List.of() : List.copyOf(entries);
        }
    }

    /** Clear the station's authorization cache. */
    record ClearCache() implements StationCommand {
    }

    /**
     * Install a charging profile.
     *
     * @param evseId          the EVSE; 0 for the whole station
     * @param chargingProfile the profile
     */
    record SetChargingProfile(int evseId, ChargingProfile chargingProfile) implements StationCommand {
        public SetChargingProfile {
            Objects.requireNonNull(chargingProfile, "chargingProfile");
        }
    }

    /**
     * Remove charging profiles; every criterion given must match, none given removes all.
     *
     * @param chargingProfileId the profile id; null for any
     * @param evseId            the EVSE; null for any
     * @param purpose           the purpose; null for any
     * @param stackLevel        the stack level; null for any
     */
    record ClearChargingProfile(Integer chargingProfileId, Integer evseId, ChargingProfilePurpose purpose,
            Integer stackLevel) implements StationCommand {
    }

    /**
     * Ask for the composite schedule of an EVSE.
     *
     * @param evseId           the EVSE; 0 for the grid connection
     * @param duration         seconds from now
     * @param chargingRateUnit unit wanted; null for the station's choice
     */
    record GetCompositeSchedule(int evseId, int duration, ChargingRateUnit chargingRateUnit)
            implements StationCommand {
    }

    /**
     * A vendor-specific message to the station.
     *
     * @param vendorId  the vendor
     * @param messageId the message kind; null for none
     * @param data      the data (1.6: sent as a string; a non-textual node is sent as its JSON text); null for none
     */
    record DataTransfer(String vendorId, String messageId, JsonNode data) implements StationCommand {
        public DataTransfer {
            Objects.requireNonNull(vendorId, "vendorId");
        }
    }

    /**
     * A version-specific action without canonical form (e.g. ChangeConfiguration, GetConfiguration,
     * GetVariables, SetVariables, GetBaseReport), sent as is. The caller must know the station's version.
     *
     * @param action  the OCPP action
     * @param payload the request payload
     */
    record RawCommand(String action, JsonNode payload) implements StationCommand {
        public RawCommand {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(payload, "payload");
        }
    }
}
