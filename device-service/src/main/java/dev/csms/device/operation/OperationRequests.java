package dev.csms.device.operation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.ocpp.canonical.MessageTrigger;
import dev.csms.ocpp.canonical.OperationalStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The bodies of {@code POST /api/v1/stations/{id}/operations/...}. */
public final class OperationRequests {

    private OperationRequests() {
    }

    /** How to reset, as an operator says it; mapped per version by {@link Operations#reset}. */
    public enum ResetKind {
        /** 1.6 Soft; 2.x Immediate. */
        Soft,
        /** 1.6 Hard; 2.x Immediate. */
        Hard,
        /** 2.x Immediate; 1.6 Soft. */
        Immediate,
        /** 2.x OnIdle (after running transactions end); not in 1.6. */
        OnIdle,
        /** 2.1 ImmediateAndResume. */
        ImmediateAndResume
    }

    /**
     * Reset.
     *
     * @param type   how
     * @param evseId one EVSE only (2.x); null for the station
     */
    public record Reset(@NotNull ResetKind type, @Positive Integer evseId) {
    }

    /**
     * ChangeAvailability.
     *
     * @param operationalStatus Operative or Inoperative
     * @param evseId            the EVSE (1.6: connector); null or 0 for the station
     * @param connectorId       the connector of the EVSE (2.x); null for the whole EVSE
     */
    public record Availability(@NotNull OperationalStatus operationalStatus, @PositiveOrZero Integer evseId,
            @Positive Integer connectorId) {
    }

    /**
     * UnlockConnector.
     *
     * @param evseId      the EVSE (1.6: the connector)
     * @param connectorId the connector of the EVSE (2.x); null for 1
     */
    public record Unlock(@NotNull @Positive Integer evseId, @Positive Integer connectorId) {
    }

    /**
     * TriggerMessage, or ExtendedTriggerMessage.
     *
     * @param requestedMessage the message wanted
     * @param evseId           the EVSE (1.6: connector); null for the station
     * @param connectorId      the connector of the EVSE (2.x); null for the whole EVSE
     * @param customTrigger    the vendor trigger for CustomTrigger (2.1); null otherwise
     */
    public record Trigger(@NotNull MessageTrigger requestedMessage, @PositiveOrZero Integer evseId,
            @Positive Integer connectorId, @Size(max = 50) String customTrigger) {
    }

    /**
     * DataTransfer to the station.
     *
     * @param vendorId  the vendor
     * @param messageId the message kind; null for none
     * @param data      any JSON (1.6 sends it as text); null for none
     */
    public record DataTransfer(@NotBlank @Size(max = 255) String vendorId, @Size(max = 50) String messageId,
            JsonNode data) {
    }
}
