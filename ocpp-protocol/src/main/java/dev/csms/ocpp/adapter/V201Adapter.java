package dev.csms.ocpp.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.AuthorizationData;
import dev.csms.ocpp.canonical.AuthorizationStatus;
import dev.csms.ocpp.canonical.BootReason;
import dev.csms.ocpp.canonical.CertificateSigningUse;
import dev.csms.ocpp.canonical.ChargingProfile;
import dev.csms.ocpp.canonical.ChargingProfileKind;
import dev.csms.ocpp.canonical.ChargingProfilePurpose;
import dev.csms.ocpp.canonical.ChargingRateUnit;
import dev.csms.ocpp.canonical.ChargingSchedule;
import dev.csms.ocpp.canonical.ChargingSchedulePeriod;
import dev.csms.ocpp.canonical.ChargingState;
import dev.csms.ocpp.canonical.ChargingStationInfo;
import dev.csms.ocpp.canonical.CompositeSchedule;
import dev.csms.ocpp.canonical.ConnectorStatus;
import dev.csms.ocpp.canonical.CsmsAnswer;
import dev.csms.ocpp.canonical.FirmwareStatus;
import dev.csms.ocpp.canonical.IdToken;
import dev.csms.ocpp.canonical.IdTokenInfo;
import dev.csms.ocpp.canonical.IdTokenType;
import dev.csms.ocpp.canonical.LogType;
import dev.csms.ocpp.canonical.MessageContent;
import dev.csms.ocpp.canonical.MessageFormat;
import dev.csms.ocpp.canonical.MessageTrigger;
import dev.csms.ocpp.canonical.MeterValue;
import dev.csms.ocpp.canonical.OcspRequestData;
import dev.csms.ocpp.canonical.OperationalStatus;
import dev.csms.ocpp.canonical.RecurrencyKind;
import dev.csms.ocpp.canonical.ResetType;
import dev.csms.ocpp.canonical.SampledValue;
import dev.csms.ocpp.canonical.SignedMeterValue;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.ocpp.canonical.StationEvent;
import dev.csms.ocpp.canonical.StatusInfo;
import dev.csms.ocpp.canonical.StoppedReason;
import dev.csms.ocpp.canonical.TransactionEventType;
import dev.csms.ocpp.canonical.TriggerReason;
import dev.csms.ocpp.canonical.UpdateType;
import dev.csms.ocpp.canonical.UploadLogStatus;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * OCPP 2.0.1 to and from the canonical model. The 2.x message model is the canonical model's template, so most
 * mappings are one to one. {@link V21Adapter} extends this class: 2.1 differs only in longer string limits, free
 * strings where 2.0.1 has enumerations, and values 2.0.1 does not have; those differences are the protected
 * methods below.
 */
public class V201Adapter extends BaseAdapter {

    /** Canonical values that only 2.1 can send; 2.0.1 refuses them. */
    private static final Set<Enum<?>> ONLY_IN_2_1 = Set.of(
            IdTokenType.DirectPayment, IdTokenType.EVCCID, IdTokenType.VIN,
            ResetType.ImmediateAndResume, LogType.DataCollectorLog,
            MessageTrigger.SignV2G20Certificate, MessageTrigger.CustomTrigger,
            ChargingProfilePurpose.PriorityCharging, ChargingProfilePurpose.LocalGeneration,
            ChargingProfileKind.Dynamic, MessageFormat.QRCODE, CertificateSigningUse.V2G20Certificate);

    /** Actions whose 2.0.1 response has no required field, so an EmptyAnswer is a valid answer. */
    static final Set<String> EMPTY_RESPONSE_ACTIONS_2_0_1 = Set.of("ClearedChargingLimit", "CostUpdated",
            "FirmwareStatusNotification", "LogStatusNotification", "MeterValues", "NotifyChargingLimit",
            "NotifyCustomerInformation", "NotifyDisplayMessages", "NotifyEvent", "NotifyMonitoringReport",
            "NotifyReport", "PublishFirmwareStatusNotification", "ReportChargingProfiles", "ReservationStatusUpdate",
            "SecurityEventNotification", "StatusNotification", "TransactionEvent");

    /** 2.0.1 ConnectorEnumType (2.1 made it a free string). */
    private static final Set<String> CONNECTOR_TYPES = Set.of("cCCS1", "cCCS2", "cG105", "cTesla", "cType1",
            "cType2", "s309-1P-16A", "s309-1P-32A", "s309-3P-16A", "s309-3P-32A", "sBS1361", "sCEE-7-7", "sType2",
            "sType3", "Other1PhMax16A", "Other1PhOver16A", "Other3Ph", "Pan", "wInductive", "wResonant",
            "Undetermined", "Unknown");

    /**
     * String limits that differ between 2.0.1 and 2.1.
     *
     * @param idToken        idToken and additionalIdToken
     * @param messageContent MessageContentType content
     * @param additionalInfo StatusInfoType additionalInfo
     * @param url            firmware location and log remoteLocation
     */
    protected record Limits(int idToken, int messageContent, int additionalInfo, int url) {
    }

    private static final Limits LIMITS_2_0_1 = new Limits(36, 512, 512, 512);

    public V201Adapter(Clock clock) {
        super(clock);
    }

    @Override
    public OcppVersion version() {
        return OcppVersion.V2_0_1;
    }

    /** Whether this version can send a canonical value. */
    protected boolean supports(Enum<?> value) {
        return !ONLY_IN_2_1.contains(value);
    }

    /** Actions of this version whose response has no required field. */
    protected Set<String> emptyResponseActions() {
        return EMPTY_RESPONSE_ACTIONS_2_0_1;
    }

    /** This version's string limits. */
    protected Limits limits() {
        return LIMITS_2_0_1;
    }

    /** Whether a charging schedule period may leave out its limit (2.1; 2.0.1 requires one). */
    protected boolean periodLimitOptional() {
        return false;
    }

    /** A connector type this version accepts; 2.0.1 has an enumeration. */
    protected String connectorType(String connectorType) {
        if (connectorType != null && !CONNECTOR_TYPES.contains(connectorType)) {
            throw unsupported("connector type '" + connectorType + "'");
        }
        return connectorType;
    }

    /** A token type string outside the known types; 2.0.1 has an enumeration, so it has none. */
    protected String otherTokenType(String otherType) {
        throw new OcppMappingException("OCPP " + version().label() + " has no IdToken type '" + otherType + "'");
    }

    private <E extends Enum<E>> E supported(E value) {
        if (value != null && !supports(value)) {
            throw unsupported(value.getDeclaringClass().getSimpleName() + " " + value);
        }
        return value;
    }

    // ---------------------------------------------------------------- station CALL -> canonical event

    @Override
    public StationEvent toCanonical(String action, JsonNode p) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(p, "payload");
        return switch (action) {
            case "BootNotification" -> bootNotification(p);
            case "Heartbeat" -> new StationEvent.Heartbeat();
            case "StatusNotification" -> {
                String status = Json.requiredText(p, "connectorStatus");
                yield new StationEvent.StatusNotification(Json.instant(p, "timestamp"), Json.requiredInt(p, "evseId"),
                        Json.requiredInt(p, "connectorId"), Json.enumValue(ConnectorStatus.class, status), status,
                        null, null, null, null);
            }
            case "MeterValues" -> new StationEvent.MeterValues(Json.requiredInt(p, "evseId"),
                    Json.list(p, "meterValue", this::meterValue));
            case "Authorize" -> new StationEvent.Authorize(idToken(Json.field(p, "idToken")),
                    Json.text(p, "certificate"), Json.list(p, "iso15118CertificateHashData",
                    h -> new OcspRequestData(Json.text(h, "hashAlgorithm"), Json.text(h, "issuerNameHash"),
                            Json.text(h, "issuerKeyHash"), Json.text(h, "serialNumber"),
                            Json.text(h, "responderURL"))));
            case "TransactionEvent" -> transactionEvent(p);
            case "DataTransfer" -> new StationEvent.DataTransfer(Json.requiredText(p, "vendorId"),
                    Json.text(p, "messageId"), copy(Json.field(p, "data")));
            case "FirmwareStatusNotification" -> new StationEvent.FirmwareStatusNotification(
                    Json.enumField(FirmwareStatus.class, p, "status"), Json.integer(p, "requestId"),
                    statusInfo(Json.field(p, "statusInfo")));
            case "LogStatusNotification" -> new StationEvent.LogStatusNotification(
                    Json.enumField(UploadLogStatus.class, p, "status"), Json.integer(p, "requestId"),
                    statusInfo(Json.field(p, "statusInfo")));
            case "SecurityEventNotification" -> new StationEvent.SecurityEventNotification(
                    Json.requiredText(p, "type"), Json.requiredInstant(p, "timestamp"), Json.text(p, "techInfo"));
            case "SignCertificate" -> new StationEvent.SignCertificate(Json.requiredText(p, "csr"),
                    Json.enumField(CertificateSigningUse.class, p, "certificateType"), Json.integer(p, "requestId"));
            default -> new StationEvent.RawStationMessage(action, p.deepCopy(),
                    !emptyResponseActions().contains(action));
        };
    }

    private StationEvent bootNotification(JsonNode p) {
        JsonNode station = Json.field(p, "chargingStation");
        JsonNode modem = Json.field(station, "modem");
        return new StationEvent.BootNotification(Json.enumField(BootReason.class, p, "reason"),
                new ChargingStationInfo(Json.requiredText(station, "vendorName"), Json.requiredText(station, "model"),
                        Json.text(station, "serialNumber"), Json.text(station, "firmwareVersion"),
                        modem == null ? null
                                : new ChargingStationInfo.Modem(Json.text(modem, "iccid"), Json.text(modem, "imsi")),
                        null, null));
    }

    private StationEvent transactionEvent(JsonNode p) {
        JsonNode tx = Json.field(p, "transactionInfo");
        JsonNode evse = Json.field(p, "evse");
        JsonNode token = Json.field(p, "idToken");
        Boolean offline = Json.bool(p, "offline");
        return new StationEvent.TransactionEvent(Json.enumField(TransactionEventType.class, p, "eventType"),
                Json.requiredText(tx, "transactionId"), Json.requiredInt(p, "seqNo"),
                Json.requiredInstant(p, "timestamp"), Json.enumField(TriggerReason.class, p, "triggerReason"),
                token == null ? null : idToken(token), evse == null ? null : Json.integer(evse, "id"),
                evse == null ? null : Json.integer(evse, "connectorId"), Json.list(p, "meterValue", this::meterValue),
                null, null, Json.enumField(StoppedReason.class, tx, "stoppedReason"),
                Json.enumField(ChargingState.class, tx, "chargingState"), offline != null && offline,
                Json.integer(p, "reservationId"), Json.integer(tx, "remoteStartId"),
                Json.integer(p, "numberOfPhasesUsed"), Json.integer(p, "cableMaxCurrent"),
                Json.integer(tx, "timeSpentCharging"));
    }

    private MeterValue meterValue(JsonNode node) {
        return new MeterValue(Json.requiredInstant(node, "timestamp"), Json.list(node, "sampledValue", sv -> {
            JsonNode unit = Json.field(sv, "unitOfMeasure");
            Integer multiplier = Json.integer(unit, "multiplier");
            Units.Normalized normalized = Units.normalize(Json.decimal(sv, "value"), Json.text(unit, "unit"),
                    multiplier == null ? 0 : multiplier);
            JsonNode signed = Json.field(sv, "signedMeterValue");
            return new SampledValue(normalized.value(), V16Adapter.measurand(Json.text(sv, "measurand")),
                    normalized.unit(), V16Adapter.phase(Json.text(sv, "phase")),
                    V16Adapter.location(Json.text(sv, "location")), V16Adapter.context(Json.text(sv, "context")),
                    signed == null ? null : new SignedMeterValue(Json.requiredText(signed, "signedMeterData"),
                            Json.text(signed, "signingMethod"), Json.text(signed, "encodingMethod"),
                            Json.text(signed, "publicKey")));
        }));
    }

    /**
     * A 2.1 type string outside the known list becomes Other and is kept as {@code otherType} (2.0.1 types are an
     * enumeration, all known).
     */
    private static IdToken idToken(JsonNode node) {
        String type = Json.requiredText(node, "type");
        IdTokenType tokenType = known(type) ? IdTokenType.valueOf(type) : IdTokenType.Other;
        return new IdToken(Json.requiredText(node, "idToken"), tokenType, Json.list(node, "additionalInfo",
                info -> new IdToken.AdditionalInfo(Json.requiredText(info, "additionalIdToken"),
                        Json.requiredText(info, "type"))), tokenType == IdTokenType.Other ? type : null);
    }

    /** Whether a type string is one of the known types; "Other" itself is not one (no version defines it). */
    private static boolean known(String type) {
        for (IdTokenType candidate : IdTokenType.values()) {
            if (candidate != IdTokenType.Other && candidate.name().equals(type)) {
                return true;
            }
        }
        return false;
    }

    private static StatusInfo statusInfo(JsonNode node) {
        return node == null ? null : new StatusInfo(Json.requiredText(node, "reasonCode"),
                Json.text(node, "additionalInfo"));
    }

    private static JsonNode copy(JsonNode node) {
        return node == null ? null : node.deepCopy();
    }

    // ---------------------------------------------------------------- canonical answer -> CALLRESULT

    @Override
    public JsonNode toResponse(String action, CsmsAnswer answer) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(answer, "answer");
        if (answer instanceof CsmsAnswer.RawAnswer rawAnswer) {
            return raw(rawAnswer.payload());
        }
        ObjectNode out = Json.object();
        if (action.equals("BootNotification") && answer instanceof CsmsAnswer.BootNotificationAnswer boot) {
            Json.put(out, "currentTime", boot.currentTime() != null ? boot.currentTime() : clock.instant());
            Json.put(out, "interval", boot.interval());
            Json.put(out, "status", boot.status());
            putStatusInfo(out, boot.statusInfo());
        } else if (action.equals("Heartbeat") && answer instanceof CsmsAnswer.EmptyAnswer) {
            Json.put(out, "currentTime", clock.instant());
        } else if (action.equals("Authorize") && answer instanceof CsmsAnswer.AuthorizeAnswer authorize) {
            out.set("idTokenInfo", idTokenInfo(authorize.idTokenInfo()));
            Json.put(out, "certificateStatus", authorize.certificateStatus());
        } else if (action.equals("TransactionEvent") && answer instanceof CsmsAnswer.TransactionEventAnswer tx) {
            Json.put(out, "totalCost", tx.totalCost());
            Json.put(out, "chargingPriority", tx.chargingPriority());
            if (tx.idTokenInfo() != null) {
                out.set("idTokenInfo", idTokenInfo(tx.idTokenInfo()));
            }
            if (tx.updatedPersonalMessage() != null) {
                out.set("updatedPersonalMessage", messageContent(tx.updatedPersonalMessage()));
            }
        } else if (action.equals("DataTransfer") && answer instanceof CsmsAnswer.DataTransferAnswer data) {
            Json.put(out, "status", data.status());
            putStatusInfo(out, data.statusInfo());
            Json.put(out, "data", copy(data.data()));
        } else if (action.equals("SignCertificate") && answer instanceof CsmsAnswer.SignCertificateAnswer sign) {
            Json.put(out, "status", sign.status());
            putStatusInfo(out, sign.statusInfo());
        } else if (!(answer instanceof CsmsAnswer.EmptyAnswer) || !emptyResponseActions().contains(action)) {
            throw mismatch(action, answer);
        }
        return out;
    }

    private ObjectNode idTokenInfo(IdTokenInfo info) {
        ObjectNode out = Json.object();
        Json.put(out, "status", info.status());
        Json.put(out, "cacheExpiryDateTime", info.cacheExpiryDateTime());
        Json.put(out, "chargingPriority", info.chargingPriority());
        Json.put(out, "language1", maxLength(info.language1(), 8, "language1"));
        Json.putArray(out, "evseId", info.evseIds(), Json.NODES::numberNode);
        if (info.groupIdToken() != null) {
            out.set("groupIdToken", idTokenNode(info.groupIdToken()));
        }
        Json.put(out, "language2", maxLength(info.language2(), 8, "language2"));
        if (info.personalMessage() != null) {
            out.set("personalMessage", messageContent(info.personalMessage()));
        }
        return out;
    }

    private ObjectNode idTokenNode(IdToken token) {
        if (token.type() == IdTokenType.Other && token.otherType() == null) {
            throw new OcppMappingException("an IdToken of type Other without otherType cannot be sent to a station");
        }
        if (!supports(token.type())) {
            throw new OcppMappingException("OCPP " + version().label() + " has no IdToken type " + token.type());
        }
        ObjectNode out = Json.object();
        Json.putArray(out, "additionalInfo", token.additionalInfo(), info -> {
            ObjectNode item = Json.object();
            Json.put(item, "additionalIdToken", maxLength(info.additionalIdToken(), limits().idToken(),
                    "additionalIdToken"));
            Json.put(item, "type", maxLength(info.type(), 50, "additionalInfo type"));
            return item;
        });
        Json.put(out, "idToken", maxLength(token.value(), limits().idToken(), "idToken"));
        Json.put(out, "type", token.type() == IdTokenType.Other ? otherTokenType(token.otherType())
                : token.type().name());
        return out;
    }

    private ObjectNode messageContent(MessageContent message) {
        if (!supports(message.format())) {
            throw new OcppMappingException("OCPP " + version().label() + " has no message format " + message.format());
        }
        ObjectNode out = Json.object();
        Json.put(out, "format", message.format());
        Json.put(out, "language", maxLength(message.language(), 8, "language"));
        Json.put(out, "content", maxLength(message.content(), limits().messageContent(), "message content"));
        return out;
    }

    private void putStatusInfo(ObjectNode out, StatusInfo info) {
        if (info != null) {
            ObjectNode node = out.putObject("statusInfo");
            Json.put(node, "reasonCode", maxLength(info.reasonCode(), 20, "reasonCode"));
            Json.put(node, "additionalInfo", maxLength(info.additionalInfo(), limits().additionalInfo(),
                    "additionalInfo"));
        }
    }

    // ---------------------------------------------------------------- canonical command -> CALL

    @Override
    public OcppRequest toRequest(StationCommand command) {
        Objects.requireNonNull(command, "command");
        ObjectNode p = Json.object();
        if (command instanceof StationCommand.RequestStartTransaction c) {
            if (c.evseId() != null && c.evseId() < 1) {
                throw new OcppMappingException("RequestStartTransaction needs an EVSE id of 1 or more, got "
                        + c.evseId());
            }
            Json.put(p, "evseId", c.evseId());
            if (c.groupIdToken() != null) {
                p.set("groupIdToken", idTokenNode(c.groupIdToken()));
            }
            p.set("idToken", idTokenNode(c.idToken()));
            Json.put(p, "remoteStartId", c.remoteStartId());
            if (c.chargingProfile() != null) {
                p.set("chargingProfile", chargingProfile(c.chargingProfile()));
            }
            return new OcppRequest("RequestStartTransaction", p);
        } else if (command instanceof StationCommand.RequestStopTransaction c) {
            Json.put(p, "transactionId", maxLength(c.transactionId(), 36, "transactionId"));
            return new OcppRequest("RequestStopTransaction", p);
        } else if (command instanceof StationCommand.Reset c) {
            ResetType type = supported(c.resetType()) == ResetType.Hard ? ResetType.Immediate : c.resetType();
            Json.put(p, "type", type);
            Json.put(p, "evseId", c.evseId());
            return new OcppRequest("Reset", p);
        } else if (command instanceof StationCommand.UnlockConnector c) {
            Json.put(p, "evseId", c.evseId());
            Json.put(p, "connectorId", c.connectorId());
            return new OcppRequest("UnlockConnector", p);
        } else if (command instanceof StationCommand.ChangeAvailability c) {
            putEvse(p, c.evseId(), c.connectorId());
            Json.put(p, "operationalStatus", c.operationalStatus());
            return new OcppRequest("ChangeAvailability", p);
        } else if (command instanceof StationCommand.TriggerMessage c) {
            if (c.requestedMessage() == MessageTrigger.DiagnosticsStatusNotification) {
                throw unsupported("TriggerMessage DiagnosticsStatusNotification (use LogStatusNotification)");
            }
            putEvse(p, c.evseId(), c.connectorId());
            Json.put(p, "requestedMessage", supported(c.requestedMessage()));
            if (c.requestedMessage() == MessageTrigger.CustomTrigger) {
                Json.put(p, "customTrigger", maxLength(c.customTrigger(), 50, "customTrigger"));
            }
            return new OcppRequest("TriggerMessage", p);
        } else if (command instanceof StationCommand.UpdateFirmware c) {
            Json.put(p, "retries", c.retries());
            Json.put(p, "retryInterval", c.retryInterval());
            Json.put(p, "requestId", c.requestId());
            ObjectNode firmware = p.putObject("firmware");
            Json.put(firmware, "location", maxLength(c.location(), limits().url(), "location"));
            Json.put(firmware, "retrieveDateTime", c.retrieveDateTime());
            Json.put(firmware, "installDateTime", c.installDateTime());
            Json.put(firmware, "signingCertificate", maxLength(c.signingCertificate(), 5500, "signingCertificate"));
            Json.put(firmware, "signature", maxLength(c.signature(), 800, "signature"));
            return new OcppRequest("UpdateFirmware", p);
        } else if (command instanceof StationCommand.GetLog c) {
            ObjectNode log = p.putObject("log");
            Json.put(log, "remoteLocation", maxLength(c.remoteLocation(), limits().url(), "remoteLocation"));
            Json.put(log, "oldestTimestamp", c.oldestTimestamp());
            Json.put(log, "latestTimestamp", c.latestTimestamp());
            Json.put(p, "logType", supported(c.logType()));
            Json.put(p, "requestId", c.requestId());
            Json.put(p, "retries", c.retries());
            Json.put(p, "retryInterval", c.retryInterval());
            return new OcppRequest("GetLog", p);
        } else if (command instanceof StationCommand.ReserveNow c) {
            Json.put(p, "id", c.id());
            Json.put(p, "expiryDateTime", c.expiryDateTime());
            Json.put(p, "connectorType", connectorType(c.connectorType()));
            p.set("idToken", idTokenNode(c.idToken()));
            Json.put(p, "evseId", c.evseId());
            if (c.groupIdToken() != null) {
                p.set("groupIdToken", idTokenNode(c.groupIdToken()));
            }
            return new OcppRequest("ReserveNow", p);
        } else if (command instanceof StationCommand.CancelReservation c) {
            Json.put(p, "reservationId", c.reservationId());
            return new OcppRequest("CancelReservation", p);
        } else if (command instanceof StationCommand.SendLocalList c) {
            Json.putArray(p, "localAuthorizationList", c.entries(), this::authorizationData);
            Json.put(p, "versionNumber", c.versionNumber());
            Json.put(p, "updateType", c.updateType());
            return new OcppRequest("SendLocalList", p);
        } else if (command instanceof StationCommand.ClearCache) {
            return new OcppRequest("ClearCache", p);
        } else if (command instanceof StationCommand.SetChargingProfile c) {
            Json.put(p, "evseId", c.evseId());
            p.set("chargingProfile", chargingProfile(c.chargingProfile()));
            return new OcppRequest("SetChargingProfile", p);
        } else if (command instanceof StationCommand.ClearChargingProfile c) {
            Json.put(p, "chargingProfileId", c.chargingProfileId());
            if (c.evseId() != null || c.purpose() != null || c.stackLevel() != null) {
                ObjectNode criteria = p.putObject("chargingProfileCriteria");
                Json.put(criteria, "evseId", c.evseId());
                Json.put(criteria, "chargingProfilePurpose", supported(c.purpose()));
                Json.put(criteria, "stackLevel", c.stackLevel());
            }
            return new OcppRequest("ClearChargingProfile", p);
        } else if (command instanceof StationCommand.GetCompositeSchedule c) {
            Json.put(p, "duration", c.duration());
            Json.put(p, "chargingRateUnit", c.chargingRateUnit());
            Json.put(p, "evseId", c.evseId());
            return new OcppRequest("GetCompositeSchedule", p);
        } else if (command instanceof StationCommand.DataTransfer c) {
            Json.put(p, "messageId", maxLength(c.messageId(), 50, "messageId"));
            Json.put(p, "data", copy(c.data()));
            Json.put(p, "vendorId", maxLength(c.vendorId(), 255, "vendorId"));
            return new OcppRequest("DataTransfer", p);
        } else if (command instanceof StationCommand.RawCommand c) {
            return new OcppRequest(c.action(), raw(c.payload()));
        }
        throw new IllegalStateException("unhandled command " + command.getClass());
    }

    /** EVSE 0 or none means the whole station, which 2.x expresses by leaving out {@code evse}. */
    private static void putEvse(ObjectNode p, Integer evseId, Integer connectorId) {
        if (evseId != null && evseId != 0) {
            ObjectNode evse = p.putObject("evse");
            Json.put(evse, "id", evseId);
            Json.put(evse, "connectorId", connectorId);
        }
    }

    private JsonNode authorizationData(AuthorizationData entry) {
        ObjectNode out = Json.object();
        out.set("idToken", idTokenNode(entry.idToken()));
        if (entry.idTokenInfo() != null) {
            out.set("idTokenInfo", idTokenInfo(entry.idTokenInfo()));
        }
        return out;
    }

    private ObjectNode chargingProfile(ChargingProfile profile) {
        if (profile.schedules().isEmpty() || profile.schedules().size() > 3) {
            throw unsupported("a charging profile needs one to three schedules, got " + profile.schedules().size());
        }
        ObjectNode out = Json.object();
        Json.put(out, "id", profile.id());
        Json.put(out, "stackLevel", profile.stackLevel());
        Json.put(out, "chargingProfilePurpose", supported(profile.purpose()));
        Json.put(out, "chargingProfileKind", supported(profile.kind()));
        Json.put(out, "recurrencyKind", profile.recurrencyKind());
        Json.put(out, "validFrom", profile.validFrom());
        Json.put(out, "validTo", profile.validTo());
        Json.put(out, "transactionId", maxLength(profile.transactionId(), 36, "transactionId"));
        Json.putArray(out, "chargingSchedule", profile.schedules(), this::chargingSchedule);
        return out;
    }

    private JsonNode chargingSchedule(ChargingSchedule schedule) {
        ObjectNode out = Json.object();
        Json.put(out, "id", schedule.id());
        Json.put(out, "startSchedule", schedule.startSchedule());
        Json.put(out, "duration", schedule.duration());
        Json.put(out, "chargingRateUnit", schedule.chargingRateUnit());
        Json.putArray(out, "chargingSchedulePeriod", schedule.periods(), period -> {
            if (period.limit() == null && !periodLimitOptional()) {
                throw unsupported("a charging schedule period without limit");
            }
            ObjectNode item = Json.object();
            Json.put(item, "startPeriod", period.startPeriod());
            Json.put(item, "limit", period.limit());
            Json.put(item, "numberPhases", period.numberPhases());
            Json.put(item, "phaseToUse", period.phaseToUse());
            return item;
        });
        Json.put(out, "minChargingRate", schedule.minChargingRate());
        return out;
    }

    // ---------------------------------------------------------------- CALL -> canonical command

    @Override
    public StationCommand toCommand(String action, JsonNode p) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(p, "request");
        return switch (action) {
            case "RequestStartTransaction" -> {
                JsonNode group = Json.field(p, "groupIdToken");
                JsonNode profile = Json.field(p, "chargingProfile");
                yield new StationCommand.RequestStartTransaction(Json.integer(p, "evseId"),
                        idToken(Json.field(p, "idToken")), group == null ? null : idToken(group),
                        Json.requiredInt(p, "remoteStartId"), profile == null ? null : readChargingProfile(profile));
            }
            case "RequestStopTransaction" -> new StationCommand.RequestStopTransaction(
                    Json.requiredText(p, "transactionId"));
            case "Reset" -> new StationCommand.Reset(Json.enumField(ResetType.class, p, "type"),
                    Json.integer(p, "evseId"));
            case "UnlockConnector" -> new StationCommand.UnlockConnector(Json.requiredInt(p, "evseId"),
                    Json.requiredInt(p, "connectorId"));
            case "ChangeAvailability" -> {
                JsonNode evse = Json.field(p, "evse");
                yield new StationCommand.ChangeAvailability(Json.integer(evse, "id"),
                        Json.integer(evse, "connectorId"), Json.enumField(OperationalStatus.class, p,
                        "operationalStatus"));
            }
            case "TriggerMessage" -> {
                JsonNode evse = Json.field(p, "evse");
                yield new StationCommand.TriggerMessage(Json.enumField(MessageTrigger.class, p, "requestedMessage"),
                        Json.integer(evse, "id"), Json.integer(evse, "connectorId"), Json.text(p, "customTrigger"));
            }
            case "UpdateFirmware" -> {
                JsonNode firmware = Json.field(p, "firmware");
                yield new StationCommand.UpdateFirmware(Json.requiredInt(p, "requestId"),
                        Json.requiredText(firmware, "location"), Json.requiredInstant(firmware, "retrieveDateTime"),
                        Json.instant(firmware, "installDateTime"), Json.text(firmware, "signingCertificate"),
                        Json.text(firmware, "signature"), Json.integer(p, "retries"),
                        Json.integer(p, "retryInterval"));
            }
            case "GetLog" -> {
                JsonNode log = Json.field(p, "log");
                yield new StationCommand.GetLog(Json.requiredInt(p, "requestId"),
                        Json.enumField(LogType.class, p, "logType"), Json.requiredText(log, "remoteLocation"),
                        Json.instant(log, "oldestTimestamp"), Json.instant(log, "latestTimestamp"),
                        Json.integer(p, "retries"), Json.integer(p, "retryInterval"));
            }
            case "ReserveNow" -> {
                JsonNode group = Json.field(p, "groupIdToken");
                yield new StationCommand.ReserveNow(Json.requiredInt(p, "id"),
                        Json.requiredInstant(p, "expiryDateTime"), idToken(Json.field(p, "idToken")),
                        group == null ? null : idToken(group), Json.integer(p, "evseId"),
                        Json.text(p, "connectorType"));
            }
            case "CancelReservation" -> new StationCommand.CancelReservation(Json.requiredInt(p, "reservationId"));
            case "SendLocalList" -> new StationCommand.SendLocalList(Json.requiredInt(p, "versionNumber"),
                    Json.enumField(UpdateType.class, p, "updateType"),
                    Json.list(p, "localAuthorizationList", entry -> {
                        JsonNode info = Json.field(entry, "idTokenInfo");
                        return new AuthorizationData(idToken(Json.field(entry, "idToken")),
                                info == null ? null : readIdTokenInfo(info));
                    }));
            case "ClearCache" -> new StationCommand.ClearCache();
            case "SetChargingProfile" -> new StationCommand.SetChargingProfile(Json.requiredInt(p, "evseId"),
                    readChargingProfile(Json.field(p, "chargingProfile")));
            case "ClearChargingProfile" -> {
                JsonNode criteria = Json.field(p, "chargingProfileCriteria");
                yield new StationCommand.ClearChargingProfile(Json.integer(p, "chargingProfileId"),
                        Json.integer(criteria, "evseId"),
                        Json.enumField(ChargingProfilePurpose.class, criteria, "chargingProfilePurpose"),
                        Json.integer(criteria, "stackLevel"));
            }
            case "GetCompositeSchedule" -> new StationCommand.GetCompositeSchedule(Json.requiredInt(p, "evseId"),
                    Json.requiredInt(p, "duration"), Json.enumField(ChargingRateUnit.class, p, "chargingRateUnit"));
            case "DataTransfer" -> new StationCommand.DataTransfer(Json.requiredText(p, "vendorId"),
                    Json.text(p, "messageId"), copy(Json.field(p, "data")));
            default -> new StationCommand.RawCommand(action, p.deepCopy());
        };
    }

    private static IdTokenInfo readIdTokenInfo(JsonNode info) {
        JsonNode group = Json.field(info, "groupIdToken");
        JsonNode message = Json.field(info, "personalMessage");
        return new IdTokenInfo(Json.enumField(AuthorizationStatus.class, info, "status"),
                Json.instant(info, "cacheExpiryDateTime"), group == null ? null : idToken(group),
                Json.integer(info, "chargingPriority"), Json.list(info, "evseId", JsonNode::intValue),
                Json.text(info, "language1"), Json.text(info, "language2"),
                message == null ? null : new MessageContent(Json.enumField(MessageFormat.class, message, "format"),
                        Json.text(message, "language"), Json.requiredText(message, "content")));
    }

    private static ChargingProfile readChargingProfile(JsonNode p) {
        return new ChargingProfile(Json.requiredInt(p, "id"), Json.requiredInt(p, "stackLevel"),
                Json.enumField(ChargingProfilePurpose.class, p, "chargingProfilePurpose"),
                Json.enumField(ChargingProfileKind.class, p, "chargingProfileKind"),
                Json.enumField(RecurrencyKind.class, p, "recurrencyKind"), Json.instant(p, "validFrom"),
                Json.instant(p, "validTo"), Json.text(p, "transactionId"),
                Json.list(p, "chargingSchedule", s -> new ChargingSchedule(Json.requiredInt(s, "id"),
                        Json.instant(s, "startSchedule"), Json.integer(s, "duration"),
                        Json.enumField(ChargingRateUnit.class, s, "chargingRateUnit"),
                        Json.list(s, "chargingSchedulePeriod", V201Adapter::readPeriod),
                        Json.decimal(s, "minChargingRate"))));
    }

    // ---------------------------------------------------------------- station CALLRESULT -> canonical response

    @Override
    protected Details details(String action, JsonNode r) {
        return switch (action) {
            case "RequestStartTransaction" -> new Details(Json.text(r, "transactionId"), null, null, null);
            case "GetLog" -> new Details(null, Json.text(r, "filename"), null, null);
            case "DataTransfer" -> new Details(null, null, copy(Json.field(r, "data")), null);
            case "GetCompositeSchedule" -> {
                JsonNode s = Json.field(r, "schedule");
                yield new Details(null, null, null, s == null ? null : new CompositeSchedule(
                        Json.requiredInt(s, "evseId"), Json.integer(s, "duration"), Json.instant(s, "scheduleStart"),
                        Json.enumField(ChargingRateUnit.class, s, "chargingRateUnit"),
                        Json.list(s, "chargingSchedulePeriod", V201Adapter::readPeriod)));
            }
            default -> Details.NONE;
        };
    }

    /** A period as 2.x sends it; 2.1 may leave out the limit (the period then carries only setpoints). */
    private static ChargingSchedulePeriod readPeriod(JsonNode period) {
        return new ChargingSchedulePeriod(Json.requiredInt(period, "startPeriod"), Json.decimal(period, "limit"),
                Json.integer(period, "numberPhases"), Json.integer(period, "phaseToUse"));
    }
}
