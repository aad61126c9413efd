package dev.csms.ocpp.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.CommandResponse;
import dev.csms.ocpp.canonical.CsmsAnswer;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.ocpp.canonical.StationEvent;

import java.time.Clock;

/**
 * Translates between one OCPP version's JSON payloads and the canonical model, in the four directions of the
 * protocol. Implementations are stateless and thread-safe; they work on Jackson trees (not on generated classes)
 * and expect inbound payloads that already passed the version's schema validation. Every payload they produce is
 * valid against the version's official schema; when that is impossible they throw an
 * {@link OcppMappingException} (for commands: {@link UnsupportedCommandException}) instead of producing it.
 *
 * <p>A round trip for a station request: {@code toCanonical(action, payload)} gives the event that goes to Kafka;
 * a service decides a {@link CsmsAnswer}; {@code toResponse(action, answer)} gives the CALLRESULT payload.
 * For a command: {@code toRequest(command)} gives the CALL; the station's CALLRESULT payload goes through
 * {@code toCommandResponse(request.action(), payload)}. {@code toCommand(action, payload)} reads a CALL back into
 * the canonical command (for the station simulator and for logs of what was sent).
 */
public interface OcppAdapter {

    /** The version this adapter speaks. */
    OcppVersion version();

    /**
     * The canonical event for a station's CALL.
     *
     * @param action  the OCPP action, e.g. {@code BootNotification}
     * @param payload the CALL payload, already valid against the action's request schema
     * @return the canonical event; a {@link StationEvent.RawStationMessage} for actions without canonical form
     * @throws OcppMappingException when the payload cannot be read (it was not schema-valid)
     */
    StationEvent toCanonical(String action, JsonNode payload);

    /**
     * The CALLRESULT payload answering a station's CALL.
     *
     * @param action the action of the CALL being answered
     * @param answer the canonical answer ({@link CsmsAnswer.RawAnswer} payloads are returned as they are)
     * @return the response payload, valid against the action's response schema
     * @throws OcppMappingException when the answer does not fit the action or cannot be expressed in this version
     */
    JsonNode toResponse(String action, CsmsAnswer answer);

    /**
     * The CALL for a command.
     *
     * @param command the canonical command ({@link StationCommand.RawCommand}s are passed through)
     * @return the version's action and request payload, valid against the action's request schema
     * @throws UnsupportedCommandException when this version has no equivalent of the command or of one of its
     *                                     values
     */
    OcppRequest toRequest(StationCommand command);

    /**
     * The canonical command a CSMS CALL expresses: the reverse of {@link #toRequest(StationCommand)}, for the
     * station simulator and for logs. {@code toRequest(toCommand(action, request))} sends the same action again,
     * with the same content except the values the canonical model does not carry (listed per action in
     * docs/ocpp-protocol.md, "Round trip coverage").
     *
     * @param action  the OCPP action of the CALL, e.g. {@code RemoteStartTransaction} or {@code SetVariables}
     * @param request the CALL payload, already valid against the action's request schema
     * @return the canonical command; a {@link StationCommand.RawCommand} with a copy of the payload for actions
     *         without canonical form, and for requests whose canonical command this version would send as another
     *         action (1.6 ExtendedTriggerMessage for a message the core TriggerMessage covers, 1.6 GetLog of the
     *         diagnostics log, which is sent as GetDiagnostics)
     * @throws OcppMappingException when the payload cannot be read (it was not schema-valid)
     */
    StationCommand toCommand(String action, JsonNode request);

    /**
     * The normalized form of a station's CALLRESULT to a command.
     *
     * @param action   the action of the CALL the station answered ({@link OcppRequest#action()})
     * @param response the CALLRESULT payload
     * @return the normalized response, with the payload attached
     */
    CommandResponse toCommandResponse(String action, JsonNode response);

    /**
     * The adapter for a version.
     *
     * @param clock the clock for the times the CSMS reports to stations (Heartbeat, BootNotification)
     */
    static OcppAdapter forVersion(OcppVersion version, Clock clock) {
        return switch (version) {
            case V1_6 -> new V16Adapter(clock);
            case V2_0_1 -> new V201Adapter(clock);
            case V2_1 -> new V21Adapter(clock);
        };
    }
}
