package dev.csms.ocpp.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.canonical.CommandResponse;
import dev.csms.ocpp.canonical.CompositeSchedule;
import dev.csms.ocpp.canonical.CsmsAnswer;
import dev.csms.ocpp.canonical.StatusInfo;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/** What every version adapter does the same way. */
abstract class BaseAdapter implements OcppAdapter {

    /**
     * Station statuses that mean the command was taken on (see {@link CommandResponse}): besides the Accepted
     * family, 1.6 ChangeConfiguration RebootRequired (the value is set, it applies after a reboot) and 2.x
     * UnpublishFirmware Unpublished (done).
     */
    private static final Set<String> ACCEPTING = Set.of("Accepted", "AcceptedCanceled", "Scheduled", "Unlocked",
            "RebootRequired", "Unpublished");

    protected final Clock clock;

    BaseAdapter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The parts of a command response that differ per action and version. */
    record Details(String transactionId, String fileName, JsonNode data, CompositeSchedule compositeSchedule) {
        static final Details NONE = new Details(null, null, null, null);
    }

    @Override
    public CommandResponse toCommandResponse(String action, JsonNode response) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(response, "response");
        String status = Json.text(response, "status");
        JsonNode info = Json.field(response, "statusInfo");
        StatusInfo statusInfo = info == null ? null
                : new StatusInfo(Json.requiredText(info, "reasonCode"), Json.text(info, "additionalInfo"));
        Details details = details(action, response);
        return new CommandResponse(accepted(action, status, response), status, statusInfo, details.transactionId(),
                details.fileName(), details.data(), details.compositeSchedule(), response.deepCopy());
    }

    /** Whether a response means the command was taken on; overridden where a version has no status. */
    protected boolean accepted(String action, String status, JsonNode response) {
        return status == null || ACCEPTING.contains(status);
    }

    /** The action-specific content of a command response. */
    protected abstract Details details(String action, JsonNode response);

    protected UnsupportedCommandException unsupported(String message) {
        return new UnsupportedCommandException(version(), message);
    }

    protected OcppMappingException mismatch(String action, CsmsAnswer answer) {
        return new OcppMappingException("OCPP " + version().label() + ": a " + answer.getClass().getSimpleName()
                + " cannot answer " + action);
    }

    /** Refuses a string the target schema would reject for its length, naming the field. */
    protected String maxLength(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw new OcppMappingException("OCPP " + version().label() + ": " + field + " is longer than " + max
                    + " characters");
        }
        return value;
    }

    /** A copy of a raw payload, so that later changes by the caller cannot alter what is sent. */
    protected static JsonNode raw(JsonNode payload) {
        return payload.deepCopy();
    }

    protected static ObjectNode empty() {
        return Json.object();
    }
}
