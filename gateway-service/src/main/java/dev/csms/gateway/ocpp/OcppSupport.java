package dev.csms.gateway.ocpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.adapter.OcppAdapter;
import dev.csms.ocpp.rpc.CallError;
import dev.csms.ocpp.rpc.RpcCodec;
import dev.csms.ocpp.rpc.RpcErrorCode;
import dev.csms.ocpp.rpc.RpcMessage;
import dev.csms.ocpp.schema.MessageKind;
import dev.csms.ocpp.schema.OcppActions;
import dev.csms.ocpp.schema.OcppSchemaValidator;
import dev.csms.ocpp.schema.ValidationResult;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * The ocpp-protocol pieces the gateway uses, built once and shared by every connection (all are thread-safe): the
 * framing codec, the schema validator, the action catalog and one adapter per version.
 */
public final class OcppSupport {

    private final RpcCodec codec = new RpcCodec();
    private final OcppSchemaValidator validator;
    private final OcppActions actions = OcppActions.catalog();
    private final Map<OcppVersion, OcppAdapter> adapters = new EnumMap<>(OcppVersion.class);

    /**
     * @param validator compiled once per process (it takes up to seconds)
     * @param clock     the time the adapters report to stations (Heartbeat, BootNotification)
     */
    public OcppSupport(OcppSchemaValidator validator, Clock clock) {
        this.validator = validator;
        for (OcppVersion version : OcppVersion.values()) {
            adapters.put(version, OcppAdapter.forVersion(version, clock));
        }
    }

    public RpcCodec codec() {
        return codec;
    }

    public OcppActions actions() {
        return actions;
    }

    public OcppAdapter adapter(OcppVersion version) {
        return adapters.get(version);
    }

    public ValidationResult validate(OcppVersion version, String action, MessageKind kind, JsonNode payload) {
        return validator.validate(version, action, kind, payload);
    }

    /** A frame for a station of that version. */
    public String frame(OcppVersion version, RpcMessage message) {
        return codec.serialize(version, message);
    }

    /** A CALLERROR frame with the version's spelling of the code (GenericError where the version lacks it). */
    public String errorFrame(OcppVersion version, String messageId, RpcErrorCode code, String description,
            ObjectNode details) {
        RpcErrorCode spoken = code.isDefinedIn(version) ? code : RpcErrorCode.GENERIC_ERROR;
        return codec.serialize(version, CallError.of(version, messageId, spoken, description, details));
    }
}
