package dev.csms.device.operation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.MessageTrigger;
import dev.csms.ocpp.canonical.ResetType;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.runtime.problem.ProblemException;

/** Turns the operator's requests into canonical commands for the station's version. */
final class Operations {

    private Operations() {
    }

    /**
     * Soft and Immediate are the graceful reset of each version (1.6 Soft, 2.x Immediate), Hard is 1.6 Hard and 2.x
     * Immediate (2.x has no harder reset); OnIdle and ImmediateAndResume exist only in 2.x (the adapter refuses them
     * for 1.6, a 400).
     */
    static StationCommand reset(OperationRequests.Reset request) {
        ResetType type = switch (request.type()) {
            case Soft, Immediate -> ResetType.Immediate;
            case Hard -> ResetType.Hard;
            case OnIdle -> ResetType.OnIdle;
            case ImmediateAndResume -> ResetType.ImmediateAndResume;
        };
        return new StationCommand.Reset(type, request.evseId());
    }

    static StationCommand availability(OperationRequests.Availability request) {
        return new StationCommand.ChangeAvailability(request.evseId(), request.connectorId(),
                request.operationalStatus());
    }

    static StationCommand unlock(OperationRequests.Unlock request) {
        return new StationCommand.UnlockConnector(request.evseId(),
                request.connectorId() == null ? 1 : request.connectorId());
    }

    static StationCommand trigger(OperationRequests.Trigger request) {
        return new StationCommand.TriggerMessage(request.requestedMessage(), request.evseId(), request.connectorId(),
                request.customTrigger());
    }

    /**
     * The 1.6 security extension's ExtendedTriggerMessage, whatever the message (the canonical TriggerMessage sends
     * only what the core TriggerMessage lacks as ExtendedTriggerMessage); 2.x has only TriggerMessage.
     */
    static StationCommand extendedTrigger(OcppVersion version, OperationRequests.Trigger request) {
        if (version.isTwoX()) {
            return trigger(request);
        }
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("requestedMessage", request.requestedMessage() == MessageTrigger.SignChargingStationCertificate
                ? "SignChargePointCertificate" : request.requestedMessage().name());
        if (request.connectorId() != null) {
            throw ProblemException.badRequest("OCPP 1.6 has no connectorId within an EVSE: use evseId");
        }
        if (request.evseId() != null) {
            payload.put("connectorId", request.evseId());
        }
        return new StationCommand.RawCommand("ExtendedTriggerMessage", payload);
    }

    static StationCommand dataTransfer(OperationRequests.DataTransfer request) {
        return new StationCommand.DataTransfer(request.vendorId(), request.messageId(), request.data());
    }
}
