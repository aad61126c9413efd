package dev.csms.ocpp.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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
import dev.csms.ocpp.canonical.ChargingStationInfo;
import dev.csms.ocpp.canonical.CompositeSchedule;
import dev.csms.ocpp.canonical.ConnectorStatus;
import dev.csms.ocpp.canonical.CsmsAnswer;
import dev.csms.ocpp.canonical.FirmwareStatus;
import dev.csms.ocpp.canonical.IdToken;
import dev.csms.ocpp.canonical.IdTokenInfo;
import dev.csms.ocpp.canonical.Location;
import dev.csms.ocpp.canonical.LogType;
import dev.csms.ocpp.canonical.Measurand;
import dev.csms.ocpp.canonical.MessageTrigger;
import dev.csms.ocpp.canonical.MeterValue;
import dev.csms.ocpp.canonical.OperationalStatus;
import dev.csms.ocpp.canonical.Phase;
import dev.csms.ocpp.canonical.ReadingContext;
import dev.csms.ocpp.canonical.RecurrencyKind;
import dev.csms.ocpp.canonical.ResetType;
import dev.csms.ocpp.canonical.SampledValue;
import dev.csms.ocpp.canonical.SignedMeterValue;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.ocpp.canonical.StationEvent;
import dev.csms.ocpp.canonical.StoppedReason;
import dev.csms.ocpp.canonical.TransactionEventType;
import dev.csms.ocpp.canonical.TriggerReason;
import dev.csms.ocpp.canonical.UpdateType;
import dev.csms.ocpp.canonical.UploadLogStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * OCPP 1.6 (JSON, with the "Improved security for OCPP 1.6-J" extension) to and from the canonical model.
 *
 * <p>Mappings worth knowing: a connector is an EVSE of its own ({@code evseId = connectorId}, see
 * {@link StationEvent}); StartTransaction, StopTransaction and MeterValues with a transactionId become
 * {@link StationEvent.TransactionEvent}s (Started, Ended, Updated) with a synthesized {@code seqNo}; an idTag is an
 * {@link IdToken} of type Central; DiagnosticsStatusNotification is a LogStatusNotification and
 * SignedFirmwareStatusNotification a FirmwareStatusNotification.
 */
public class V16Adapter extends BaseAdapter {

    /** 1.6 idTag, parentIdTag: CiString20Type. */
    private static final int ID_TAG_LENGTH = 20;

    /** Actions whose 1.6 response has no required field, so an EmptyAnswer is a valid answer. */
    private static final Set<String> EMPTY_RESPONSE_ACTIONS = Set.of("StatusNotification", "MeterValues",
            "FirmwareStatusNotification", "DiagnosticsStatusNotification", "LogStatusNotification",
            "SecurityEventNotification", "SignedFirmwareStatusNotification", "StopTransaction");

    /** The requested messages of the core TriggerMessage. */
    private static final Set<String> CORE_TRIGGERS = Set.of("BootNotification", "DiagnosticsStatusNotification",
            "FirmwareStatusNotification", "Heartbeat", "MeterValues", "StatusNotification");

    public V16Adapter(Clock clock) {
        super(clock);
    }

    @Override
    public OcppVersion version() {
        return OcppVersion.V1_6;
    }

    // ---------------------------------------------------------------- station CALL -> canonical event

    @Override
    public StationEvent toCanonical(String action, JsonNode p) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(p, "payload");
        return switch (action) {
            case "BootNotification" -> bootNotification(p);
            case "Heartbeat" -> new StationEvent.Heartbeat();
            case "StatusNotification" -> statusNotification(p);
            case "MeterValues" -> meterValues(p);
            case "Authorize" -> new StationEvent.Authorize(IdToken.ofIdTag(Json.requiredText(p, "idTag")), null,
                    List.of());
            case "StartTransaction" -> startTransaction(p);
            case "StopTransaction" -> stopTransaction(p);
            case "DataTransfer" -> new StationEvent.DataTransfer(Json.requiredText(p, "vendorId"),
                    Json.text(p, "messageId"), Json.field(p, "data"));
            case "FirmwareStatusNotification", "SignedFirmwareStatusNotification" ->
                    new StationEvent.FirmwareStatusNotification(Json.enumField(FirmwareStatus.class, p, "status"),
                            Json.integer(p, "requestId"), null);
            case "DiagnosticsStatusNotification" -> new StationEvent.LogStatusNotification(
                    diagnosticsStatus(Json.requiredText(p, "status")), null, null);
            case "LogStatusNotification" -> new StationEvent.LogStatusNotification(
                    Json.enumField(UploadLogStatus.class, p, "status"), Json.integer(p, "requestId"), null);
            case "SecurityEventNotification" -> new StationEvent.SecurityEventNotification(
                    Json.requiredText(p, "type"), Json.requiredInstant(p, "timestamp"), Json.text(p, "techInfo"));
            case "SignCertificate" -> new StationEvent.SignCertificate(Json.requiredText(p, "csr"),
                    CertificateSigningUse.ChargingStationCertificate, null);
            // Every 1.6 station-initiated action is mapped above; anything else is unknown, so assume it
            // needs an answer rather than acknowledge something nobody looked at.
            default -> new StationEvent.RawStationMessage(action, p.deepCopy(), true);
        };
    }

    private StationEvent bootNotification(JsonNode p) {
        String iccid = Json.text(p, "iccid");
        String imsi = Json.text(p, "imsi");
        String serial = Json.text(p, "chargePointSerialNumber");
        return new StationEvent.BootNotification(BootReason.Unknown, new ChargingStationInfo(
                Json.requiredText(p, "chargePointVendor"), Json.requiredText(p, "chargePointModel"),
                serial != null ? serial : Json.text(p, "chargeBoxSerialNumber"), Json.text(p, "firmwareVersion"),
                iccid == null && imsi == null ? null : new ChargingStationInfo.Modem(iccid, imsi),
                Json.text(p, "meterType"), Json.text(p, "meterSerialNumber")));
    }

    private StationEvent statusNotification(JsonNode p) {
        int connector = Json.requiredInt(p, "connectorId");
        String status = Json.requiredText(p, "status");
        return new StationEvent.StatusNotification(Json.instant(p, "timestamp"), connector, connectorOf(connector),
                connectorStatus(status), status, Json.requiredText(p, "errorCode"), Json.text(p, "info"),
                Json.text(p, "vendorId"), Json.text(p, "vendorErrorCode"));
    }

    static ConnectorStatus connectorStatus(String status16) {
        return switch (status16) {
            case "Available" -> ConnectorStatus.Available;
            case "Preparing", "Charging", "SuspendedEV", "SuspendedEVSE", "Finishing" -> ConnectorStatus.Occupied;
            case "Reserved" -> ConnectorStatus.Reserved;
            case "Unavailable" -> ConnectorStatus.Unavailable;
            case "Faulted" -> ConnectorStatus.Faulted;
            default -> throw new OcppMappingException("unknown 1.6 ChargePointStatus '" + status16 + "'");
        };
    }

    private StationEvent meterValues(JsonNode p) {
        int connector = Json.requiredInt(p, "connectorId");
        List<MeterValue> values = Json.list(p, "meterValue", this::meterValue);
        Integer transactionId = Json.integer(p, "transactionId");
        if (transactionId == null) {
            return new StationEvent.MeterValues(connector, values);
        }
        Instant first = values.stream().map(MeterValue::timestamp).min(Comparator.naturalOrder())
                .orElseThrow(() -> new OcppMappingException("MeterValues without meterValue"));
        Instant last = values.stream().map(MeterValue::timestamp).max(Comparator.naturalOrder()).orElseThrow();
        return new StationEvent.TransactionEvent(TransactionEventType.Updated, transactionId.toString(),
                first.toEpochMilli(), last, meterTrigger(values), null, connector, connectorOf(connector), values,
                null, null, null, null, false, null, null, null, null, null);
    }

    private static TriggerReason meterTrigger(List<MeterValue> values) {
        // 1.6 allows a meterValue without sampledValue, so look for the first sample there is.
        ReadingContext context = values.stream().flatMap(v -> v.sampledValues().stream()).findFirst()
                .map(SampledValue::context).orElse(ReadingContext.SAMPLE_PERIODIC);
        return switch (context) {
            case SAMPLE_CLOCK -> TriggerReason.MeterValueClock;
            case TRIGGER -> TriggerReason.Trigger;
            default -> TriggerReason.MeterValuePeriodic;
        };
    }

    private StationEvent startTransaction(JsonNode p) {
        int connector = Json.requiredInt(p, "connectorId");
        return new StationEvent.TransactionEvent(TransactionEventType.Started, null, 0,
                Json.requiredInstant(p, "timestamp"), TriggerReason.Authorized,
                IdToken.ofIdTag(Json.requiredText(p, "idTag")), connector, connectorOf(connector), List.of(),
                (long) Json.requiredInt(p, "meterStart"), null, null, null, false, Json.integer(p, "reservationId"),
                null, null, null, null);
    }

    private StationEvent stopTransaction(JsonNode p) {
        String reason = Json.text(p, "reason");
        String idTag = Json.text(p, "idTag");
        return new StationEvent.TransactionEvent(TransactionEventType.Ended,
                String.valueOf(Json.requiredInt(p, "transactionId")), Long.MAX_VALUE,
                Json.requiredInstant(p, "timestamp"), stopTrigger(reason),
                idTag == null ? null : IdToken.ofIdTag(idTag), null, null,
                Json.list(p, "transactionData", this::meterValue), null, (long) Json.requiredInt(p, "meterStop"),
                stoppedReason(reason), null, false, null, null, null, null, null);
    }

    private static TriggerReason stopTrigger(String reason) {
        if (reason == null) {
            return TriggerReason.StopAuthorized;
        }
        return switch (reason) {
            case "Local" -> TriggerReason.StopAuthorized;
            case "Remote" -> TriggerReason.RemoteStop;
            case "DeAuthorized" -> TriggerReason.Deauthorized;
            case "EVDisconnected" -> TriggerReason.EVCommunicationLost;
            case "HardReset", "SoftReset" -> TriggerReason.ResetCommand;
            case "UnlockCommand" -> TriggerReason.UnlockCommand;
            default -> TriggerReason.AbnormalCondition;
        };
    }

    private static StoppedReason stoppedReason(String reason) {
        if (reason == null) {
            return StoppedReason.Local;
        }
        return switch (reason) {
            case "HardReset", "SoftReset" -> StoppedReason.ImmediateReset;
            case "UnlockCommand" -> StoppedReason.Other;
            default -> Json.enumValue(StoppedReason.class, reason);
        };
    }

    private static UploadLogStatus diagnosticsStatus(String status) {
        return "UploadFailed".equals(status) ? UploadLogStatus.UploadFailure
                : Json.enumValue(UploadLogStatus.class, status);
    }

    private MeterValue meterValue(JsonNode node) {
        return new MeterValue(Json.requiredInstant(node, "timestamp"), Json.list(node, "sampledValue", sv -> {
            String raw = Json.requiredText(sv, "value");
            boolean signed = "SignedData".equals(Json.text(sv, "format"));
            BigDecimal value = signed ? null : number(raw);
            Units.Normalized normalized = Units.normalize(value, Json.text(sv, "unit"), 0);
            return new SampledValue(normalized.value(), measurand(Json.text(sv, "measurand")), normalized.unit(),
                    phase(Json.text(sv, "phase")), location(Json.text(sv, "location")),
                    context(Json.text(sv, "context")), signed ? new SignedMeterValue(raw, null, null, null) : null);
        }));
    }

    /** A 1.6 value is a string; one that is not a number (firmware bugs happen) is kept out of the sums. */
    private static BigDecimal number(String raw) {
        try {
            return new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Measurand measurand(String name) {
        return name == null ? Measurand.ENERGY_ACTIVE_IMPORT_REGISTER : Measurand.fromOcpp(name)
                .orElseThrow(() -> new OcppMappingException("unknown measurand '" + name + "'"));
    }

    static Phase phase(String name) {
        return name == null ? null
                : Phase.fromOcpp(name).orElseThrow(() -> new OcppMappingException("unknown phase '" + name + "'"));
    }

    static Location location(String name) {
        return name == null ? Location.Outlet : Json.enumValue(Location.class, name);
    }

    static ReadingContext context(String name) {
        return name == null ? ReadingContext.SAMPLE_PERIODIC : ReadingContext.fromOcpp(name)
                .orElseThrow(() -> new OcppMappingException("unknown reading context '" + name + "'"));
    }

    /** Connector 0 is the station itself; every other 1.6 connector is connector 1 of its own EVSE. */
    private static int connectorOf(int connector16) {
        return connector16 == 0 ? 0 : 1;
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
        switch (action) {
            case "BootNotification" -> {
                if (!(answer instanceof CsmsAnswer.BootNotificationAnswer boot)) {
                    throw mismatch(action, answer);
                }
                Json.put(out, "status", boot.status());
                Json.put(out, "currentTime", boot.currentTime() != null ? boot.currentTime() : clock.instant());
                Json.put(out, "interval", boot.interval());
            }
            case "Heartbeat" -> {
                if (!(answer instanceof CsmsAnswer.EmptyAnswer)) {
                    throw mismatch(action, answer);
                }
                Json.put(out, "currentTime", clock.instant());
            }
            case "Authorize" -> {
                if (!(answer instanceof CsmsAnswer.AuthorizeAnswer authorize)) {
                    throw mismatch(action, answer);
                }
                out.set("idTagInfo", idTagInfo(authorize.idTokenInfo()));
            }
            case "StartTransaction" -> {
                if (!(answer instanceof CsmsAnswer.TransactionEventAnswer tx) || tx.assignedTransactionId() == null
                        || tx.idTokenInfo() == null) {
                    throw new OcppMappingException("OCPP 1.6: StartTransaction needs a TransactionEventAnswer with "
                            + "assignedTransactionId and idTokenInfo, got " + answer);
                }
                out.set("idTagInfo", idTagInfo(tx.idTokenInfo()));
                Json.put(out, "transactionId", tx.assignedTransactionId());
            }
            case "StopTransaction", "MeterValues" -> {
                // MeterValues with a transactionId is a TransactionEvent, so a transaction answer may come back.
                if (answer instanceof CsmsAnswer.TransactionEventAnswer tx) {
                    if (action.equals("StopTransaction") && tx.idTokenInfo() != null) {
                        out.set("idTagInfo", idTagInfo(tx.idTokenInfo()));
                    }
                } else if (!(answer instanceof CsmsAnswer.EmptyAnswer)) {
                    throw mismatch(action, answer);
                }
            }
            case "DataTransfer" -> {
                if (!(answer instanceof CsmsAnswer.DataTransferAnswer data)) {
                    throw mismatch(action, answer);
                }
                Json.put(out, "status", data.status());
                Json.put(out, "data", dataText(data.data()));
            }
            case "SignCertificate" -> {
                if (!(answer instanceof CsmsAnswer.SignCertificateAnswer sign)) {
                    throw mismatch(action, answer);
                }
                Json.put(out, "status", sign.status());
            }
            default -> {
                if (!(answer instanceof CsmsAnswer.EmptyAnswer) || !EMPTY_RESPONSE_ACTIONS.contains(action)) {
                    throw mismatch(action, answer);
                }
            }
        }
        return out;
    }

    private ObjectNode idTagInfo(IdTokenInfo info) {
        ObjectNode out = Json.object();
        Json.put(out, "expiryDate", info.cacheExpiryDateTime());
        if (info.groupIdToken() != null) {
            Json.put(out, "parentIdTag", maxLength(info.groupIdToken().value(), ID_TAG_LENGTH, "parentIdTag"));
        }
        Json.put(out, "status", authorizationStatus(info.status()));
        return out;
    }

    /** 1.6 knows five statuses; the 2.x refinements of a refusal are all a refusal: Invalid. */
    private static String authorizationStatus(AuthorizationStatus status) {
        return switch (status) {
            case Accepted, Blocked, ConcurrentTx, Expired, Invalid -> status.name();
            case NoCredit, NotAllowedTypeEVSE, NotAtThisLocation, NotAtThisTime, Unknown -> "Invalid";
        };
    }

    /** 1.6 DataTransfer data is a string: text as is, anything else as its JSON text. */
    private static String dataText(JsonNode data) {
        if (data == null || data.isNull()) {
            return null;
        }
        return data.isTextual() ? data.textValue() : data.toString();
    }

    // ---------------------------------------------------------------- canonical command -> CALL

    @Override
    public OcppRequest toRequest(StationCommand command) {
        Objects.requireNonNull(command, "command");
        ObjectNode p = Json.object();
        if (command instanceof StationCommand.RequestStartTransaction c) {
            Json.put(p, "connectorId", c.evseId());
            Json.put(p, "idTag", idTag(c.idToken(), "idTag"));
            if (c.chargingProfile() != null) {
                p.set("chargingProfile", chargingProfile(c.chargingProfile()));
            }
            return new OcppRequest("RemoteStartTransaction", p);
        } else if (command instanceof StationCommand.RequestStopTransaction c) {
            Json.put(p, "transactionId", integerTransactionId(c.transactionId()));
            return new OcppRequest("RemoteStopTransaction", p);
        } else if (command instanceof StationCommand.Reset c) {
            if (c.evseId() != null) {
                throw unsupported("Reset of a single EVSE");
            }
            Json.put(p, "type", switch (c.resetType()) {
                case Immediate -> "Soft";
                case Hard -> "Hard";
                case OnIdle, ImmediateAndResume -> throw unsupported("Reset " + c.resetType());
            });
            return new OcppRequest("Reset", p);
        } else if (command instanceof StationCommand.UnlockConnector c) {
            Json.put(p, "connectorId", c.evseId());
            return new OcppRequest("UnlockConnector", p);
        } else if (command instanceof StationCommand.ChangeAvailability c) {
            Json.put(p, "connectorId", c.evseId() == null ? 0 : c.evseId());
            Json.put(p, "type", c.operationalStatus());
            return new OcppRequest("ChangeAvailability", p);
        } else if (command instanceof StationCommand.TriggerMessage c) {
            return triggerMessage(c, p);
        } else if (command instanceof StationCommand.UpdateFirmware c) {
            return updateFirmware(c, p);
        } else if (command instanceof StationCommand.GetLog c) {
            return getLog(c, p);
        } else if (command instanceof StationCommand.ReserveNow c) {
            Json.put(p, "connectorId", c.evseId() == null ? 0 : c.evseId());
            Json.put(p, "expiryDate", c.expiryDateTime());
            Json.put(p, "idTag", idTag(c.idToken(), "idTag"));
            if (c.groupIdToken() != null) {
                Json.put(p, "parentIdTag", idTag(c.groupIdToken(), "parentIdTag"));
            }
            Json.put(p, "reservationId", c.id());
            return new OcppRequest("ReserveNow", p);
        } else if (command instanceof StationCommand.CancelReservation c) {
            Json.put(p, "reservationId", c.reservationId());
            return new OcppRequest("CancelReservation", p);
        } else if (command instanceof StationCommand.SendLocalList c) {
            Json.put(p, "listVersion", c.versionNumber());
            // An empty list is left out: 1.6 reads an absent list as empty, and absent stays absent both ways.
            Json.putArray(p, "localAuthorizationList", c.entries(), entry -> {
                ObjectNode item = Json.object();
                Json.put(item, "idTag", idTag(entry.idToken(), "idTag"));
                if (entry.idTokenInfo() != null) {
                    item.set("idTagInfo", idTagInfo(entry.idTokenInfo()));
                }
                return item;
            });
            Json.put(p, "updateType", c.updateType());
            return new OcppRequest("SendLocalList", p);
        } else if (command instanceof StationCommand.ClearCache) {
            return new OcppRequest("ClearCache", p);
        } else if (command instanceof StationCommand.SetChargingProfile c) {
            Json.put(p, "connectorId", c.evseId());
            p.set("csChargingProfiles", chargingProfile(c.chargingProfile()));
            return new OcppRequest("SetChargingProfile", p);
        } else if (command instanceof StationCommand.ClearChargingProfile c) {
            Json.put(p, "id", c.chargingProfileId());
            Json.put(p, "connectorId", c.evseId());
            Json.put(p, "chargingProfilePurpose", c.purpose() == null ? null : purpose(c.purpose()));
            Json.put(p, "stackLevel", c.stackLevel());
            return new OcppRequest("ClearChargingProfile", p);
        } else if (command instanceof StationCommand.GetCompositeSchedule c) {
            Json.put(p, "connectorId", c.evseId());
            Json.put(p, "duration", c.duration());
            Json.put(p, "chargingRateUnit", c.chargingRateUnit());
            return new OcppRequest("GetCompositeSchedule", p);
        } else if (command instanceof StationCommand.DataTransfer c) {
            Json.put(p, "vendorId", maxLength(c.vendorId(), 255, "vendorId"));
            Json.put(p, "messageId", maxLength(c.messageId(), 50, "messageId"));
            Json.put(p, "data", dataText(c.data()));
            return new OcppRequest("DataTransfer", p);
        } else if (command instanceof StationCommand.RawCommand c) {
            return new OcppRequest(c.action(), raw(c.payload()));
        }
        throw new IllegalStateException("unhandled command " + command.getClass());
    }

    private OcppRequest triggerMessage(StationCommand.TriggerMessage c, ObjectNode p) {
        String requested = c.requestedMessage().name();
        String action;
        if (CORE_TRIGGERS.contains(requested)) {
            action = "TriggerMessage";
        } else {
            // The security extension's ExtendedTriggerMessage carries the certificate and log triggers.
            action = "ExtendedTriggerMessage";
            requested = switch (c.requestedMessage()) {
                case LogStatusNotification -> "LogStatusNotification";
                case SignChargingStationCertificate -> "SignChargePointCertificate";
                default -> throw unsupported("TriggerMessage " + c.requestedMessage());
            };
        }
        Json.put(p, "requestedMessage", requested);
        Json.put(p, "connectorId", c.evseId());
        return new OcppRequest(action, p);
    }

    private OcppRequest updateFirmware(StationCommand.UpdateFirmware c, ObjectNode p) {
        if ((c.signingCertificate() == null) != (c.signature() == null)) {
            throw new OcppMappingException("OCPP 1.6: a signed firmware update needs both signingCertificate and "
                    + "signature");
        }
        Json.put(p, "retries", c.retries());
        Json.put(p, "retryInterval", c.retryInterval());
        if (c.signature() == null) {
            Json.put(p, "location", c.location());
            Json.put(p, "retrieveDate", c.retrieveDateTime());
            return new OcppRequest("UpdateFirmware", p);
        }
        Json.put(p, "requestId", c.requestId());
        ObjectNode firmware = p.putObject("firmware");
        Json.put(firmware, "location", maxLength(c.location(), 512, "location"));
        Json.put(firmware, "retrieveDateTime", c.retrieveDateTime());
        Json.put(firmware, "installDateTime", c.installDateTime());
        Json.put(firmware, "signingCertificate", maxLength(c.signingCertificate(), 5500, "signingCertificate"));
        Json.put(firmware, "signature", maxLength(c.signature(), 800, "signature"));
        return new OcppRequest("SignedUpdateFirmware", p);
    }

    private OcppRequest getLog(StationCommand.GetLog c, ObjectNode p) {
        Json.put(p, "retries", c.retries());
        Json.put(p, "retryInterval", c.retryInterval());
        if (c.logType() == LogType.DiagnosticsLog) {
            Json.put(p, "location", c.remoteLocation());
            Json.put(p, "startTime", c.oldestTimestamp());
            Json.put(p, "stopTime", c.latestTimestamp());
            return new OcppRequest("GetDiagnostics", p);
        }
        if (c.logType() != LogType.SecurityLog) {
            throw unsupported("GetLog " + c.logType());
        }
        ObjectNode log = p.putObject("log");
        Json.put(log, "remoteLocation", maxLength(c.remoteLocation(), 512, "remoteLocation"));
        Json.put(log, "oldestTimestamp", c.oldestTimestamp());
        Json.put(log, "latestTimestamp", c.latestTimestamp());
        Json.put(p, "logType", c.logType());
        Json.put(p, "requestId", c.requestId());
        return new OcppRequest("GetLog", p);
    }

    private String idTag(IdToken token, String field) {
        return maxLength(token.value(), ID_TAG_LENGTH, field);
    }

    private int integerTransactionId(String transactionId) {
        try {
            return Integer.parseInt(transactionId);
        } catch (NumberFormatException e) {
            throw unsupported("transaction id '" + transactionId + "' is not an integer");
        }
    }

    private String purpose(ChargingProfilePurpose purpose) {
        return switch (purpose) {
            case ChargingStationMaxProfile -> "ChargePointMaxProfile";
            case TxDefaultProfile, TxProfile -> purpose.name();
            case ChargingStationExternalConstraints, PriorityCharging, LocalGeneration ->
                    throw unsupported("charging profile purpose " + purpose);
        };
    }

    private ObjectNode chargingProfile(ChargingProfile profile) {
        if (profile.schedules().size() != 1) {
            throw unsupported("a charging profile needs exactly one schedule, got " + profile.schedules().size());
        }
        if (profile.kind() == ChargingProfileKind.Dynamic) {
            throw unsupported("charging profile kind Dynamic");
        }
        ObjectNode out = Json.object();
        Json.put(out, "chargingProfileId", profile.id());
        Json.put(out, "transactionId",
                profile.transactionId() == null ? null : integerTransactionId(profile.transactionId()));
        Json.put(out, "stackLevel", profile.stackLevel());
        Json.put(out, "chargingProfilePurpose", purpose(profile.purpose()));
        Json.put(out, "chargingProfileKind", profile.kind());
        Json.put(out, "recurrencyKind", profile.recurrencyKind());
        Json.put(out, "validFrom", profile.validFrom());
        Json.put(out, "validTo", profile.validTo());
        ChargingSchedule schedule = profile.schedules().get(0);
        ObjectNode s = out.putObject("chargingSchedule");
        Json.put(s, "duration", schedule.duration());
        Json.put(s, "startSchedule", schedule.startSchedule());
        Json.put(s, "chargingRateUnit", schedule.chargingRateUnit());
        ArrayNode periods = s.putArray("chargingSchedulePeriod");
        for (ChargingSchedulePeriod period : schedule.periods()) {
            if (period.limit() == null) {
                throw unsupported("a charging schedule period without limit");
            }
            ObjectNode item = periods.addObject();
            Json.put(item, "startPeriod", period.startPeriod());
            Json.put(item, "limit", tenths(period.limit()));
            Json.put(item, "numberPhases", period.numberPhases());
        }
        Json.put(s, "minChargingRate", tenths(schedule.minChargingRate()));
        return out;
    }

    /** 1.6 limits are multiples of 0.1; rounding down never lets an EV draw more than it was granted. */
    private static BigDecimal tenths(BigDecimal value) {
        return value == null ? null : value.setScale(1, RoundingMode.DOWN);
    }

    // ---------------------------------------------------------------- CALL -> canonical command

    @Override
    public StationCommand toCommand(String action, JsonNode p) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(p, "request");
        return switch (action) {
            case "RemoteStartTransaction" -> {
                JsonNode profile = Json.field(p, "chargingProfile");
                // 1.6 has no remoteStartId; 0 stands for none (toRequest leaves it out for 1.6).
                yield new StationCommand.RequestStartTransaction(Json.integer(p, "connectorId"),
                        IdToken.ofIdTag(Json.requiredText(p, "idTag")), null, 0,
                        profile == null ? null : readChargingProfile(profile));
            }
            case "RemoteStopTransaction" -> new StationCommand.RequestStopTransaction(
                    String.valueOf(Json.requiredInt(p, "transactionId")));
            case "Reset" -> new StationCommand.Reset(
                    "Hard".equals(Json.requiredText(p, "type")) ? ResetType.Hard : ResetType.Immediate, null);
            case "UnlockConnector" -> {
                int connector = Json.requiredInt(p, "connectorId");
                yield new StationCommand.UnlockConnector(connector, connectorOf(connector));
            }
            case "ChangeAvailability" -> new StationCommand.ChangeAvailability(
                    wholeStationAsNull(Json.requiredInt(p, "connectorId")), null,
                    Json.enumField(OperationalStatus.class, p, "type"));
            case "TriggerMessage" -> new StationCommand.TriggerMessage(
                    Json.enumField(MessageTrigger.class, p, "requestedMessage"), Json.integer(p, "connectorId"), null,
                    null);
            case "ExtendedTriggerMessage" -> extendedTriggerMessage(p);
            case "UpdateFirmware" -> new StationCommand.UpdateFirmware(0, Json.requiredText(p, "location"),
                    Json.requiredInstant(p, "retrieveDate"), null, null, null, Json.integer(p, "retries"),
                    Json.integer(p, "retryInterval"));
            case "SignedUpdateFirmware" -> {
                JsonNode firmware = Json.field(p, "firmware");
                yield new StationCommand.UpdateFirmware(Json.requiredInt(p, "requestId"),
                        Json.requiredText(firmware, "location"), Json.requiredInstant(firmware, "retrieveDateTime"),
                        Json.instant(firmware, "installDateTime"), Json.requiredText(firmware, "signingCertificate"),
                        Json.requiredText(firmware, "signature"), Json.integer(p, "retries"),
                        Json.integer(p, "retryInterval"));
            }
            case "GetDiagnostics" -> new StationCommand.GetLog(0, LogType.DiagnosticsLog,
                    Json.requiredText(p, "location"), Json.instant(p, "startTime"), Json.instant(p, "stopTime"),
                    Json.integer(p, "retries"), Json.integer(p, "retryInterval"));
            case "GetLog" -> {
                JsonNode log = Json.field(p, "log");
                LogType type = Json.enumField(LogType.class, p, "logType");
                yield type == LogType.DiagnosticsLog
                        // The canonical DiagnosticsLog is sent as GetDiagnostics; keep this GetLog as it is.
                        ? new StationCommand.RawCommand(action, p.deepCopy())
                        : new StationCommand.GetLog(Json.requiredInt(p, "requestId"), type,
                        Json.requiredText(log, "remoteLocation"), Json.instant(log, "oldestTimestamp"),
                        Json.instant(log, "latestTimestamp"), Json.integer(p, "retries"),
                        Json.integer(p, "retryInterval"));
            }
            case "ReserveNow" -> {
                String parent = Json.text(p, "parentIdTag");
                yield new StationCommand.ReserveNow(Json.requiredInt(p, "reservationId"),
                        Json.requiredInstant(p, "expiryDate"), IdToken.ofIdTag(Json.requiredText(p, "idTag")),
                        parent == null ? null : IdToken.ofIdTag(parent),
                        wholeStationAsNull(Json.requiredInt(p, "connectorId")), null);
            }
            case "CancelReservation" -> new StationCommand.CancelReservation(Json.requiredInt(p, "reservationId"));
            case "SendLocalList" -> new StationCommand.SendLocalList(Json.requiredInt(p, "listVersion"),
                    Json.enumField(UpdateType.class, p, "updateType"),
                    Json.list(p, "localAuthorizationList", entry -> {
                        JsonNode info = Json.field(entry, "idTagInfo");
                        return new AuthorizationData(IdToken.ofIdTag(Json.requiredText(entry, "idTag")),
                                info == null ? null : readIdTagInfo(info));
                    }));
            case "ClearCache" -> new StationCommand.ClearCache();
            case "SetChargingProfile" -> new StationCommand.SetChargingProfile(Json.requiredInt(p, "connectorId"),
                    readChargingProfile(Json.field(p, "csChargingProfiles")));
            case "ClearChargingProfile" -> {
                String purpose = Json.text(p, "chargingProfilePurpose");
                yield new StationCommand.ClearChargingProfile(Json.integer(p, "id"), Json.integer(p, "connectorId"),
                        purpose == null ? null : readPurpose(purpose), Json.integer(p, "stackLevel"));
            }
            case "GetCompositeSchedule" -> new StationCommand.GetCompositeSchedule(Json.requiredInt(p, "connectorId"),
                    Json.requiredInt(p, "duration"), Json.enumField(ChargingRateUnit.class, p, "chargingRateUnit"));
            case "DataTransfer" -> new StationCommand.DataTransfer(Json.requiredText(p, "vendorId"),
                    Json.text(p, "messageId"), Json.field(p, "data") == null ? null
                    : TextNode.valueOf(Json.text(p, "data")));
            default -> new StationCommand.RawCommand(action, p.deepCopy());
        };
    }

    /** Connector 0 of a 1.6 ChangeAvailability or ReserveNow is the station; the canonical command says null. */
    private static Integer wholeStationAsNull(int connector) {
        return connector == 0 ? null : connector;
    }

    /**
     * The security extension's triggers; those the core TriggerMessage also has stay raw, since their canonical
     * command is sent as the core TriggerMessage.
     */
    private static StationCommand extendedTriggerMessage(JsonNode p) {
        MessageTrigger trigger = switch (Json.requiredText(p, "requestedMessage")) {
            case "LogStatusNotification" -> MessageTrigger.LogStatusNotification;
            case "SignChargePointCertificate" -> MessageTrigger.SignChargingStationCertificate;
            default -> null;
        };
        return trigger == null ? new StationCommand.RawCommand("ExtendedTriggerMessage", p.deepCopy())
                : new StationCommand.TriggerMessage(trigger, Json.integer(p, "connectorId"), null, null);
    }

    private static IdTokenInfo readIdTagInfo(JsonNode info) {
        String parent = Json.text(info, "parentIdTag");
        return new IdTokenInfo(Json.enumField(AuthorizationStatus.class, info, "status"),
                Json.instant(info, "expiryDate"), parent == null ? null : IdToken.ofIdTag(parent), null, List.of(),
                null, null, null);
    }

    private static ChargingProfilePurpose readPurpose(String purpose16) {
        return "ChargePointMaxProfile".equals(purpose16) ? ChargingProfilePurpose.ChargingStationMaxProfile
                : Json.enumValue(ChargingProfilePurpose.class, purpose16);
    }

    /** A 1.6 profile: one schedule, which gets id 0 (1.6 schedules have none). */
    private static ChargingProfile readChargingProfile(JsonNode p) {
        Integer transactionId = Json.integer(p, "transactionId");
        JsonNode s = Json.field(p, "chargingSchedule");
        ChargingSchedule schedule = new ChargingSchedule(0, Json.instant(s, "startSchedule"),
                Json.integer(s, "duration"), Json.enumField(ChargingRateUnit.class, s, "chargingRateUnit"),
                Json.list(s, "chargingSchedulePeriod", period -> new ChargingSchedulePeriod(
                        Json.requiredInt(period, "startPeriod"), Json.decimal(period, "limit"),
                        Json.integer(period, "numberPhases"), null)),
                Json.decimal(s, "minChargingRate"));
        return new ChargingProfile(Json.requiredInt(p, "chargingProfileId"), Json.requiredInt(p, "stackLevel"),
                readPurpose(Json.requiredText(p, "chargingProfilePurpose")),
                Json.enumField(ChargingProfileKind.class, p, "chargingProfileKind"),
                Json.enumField(RecurrencyKind.class, p, "recurrencyKind"), Json.instant(p, "validFrom"),
                Json.instant(p, "validTo"), transactionId == null ? null : transactionId.toString(),
                List.of(schedule));
    }

    // ---------------------------------------------------------------- station CALLRESULT -> canonical response

    @Override
    protected boolean accepted(String action, String status, JsonNode response) {
        if (action.equals("GetDiagnostics")) {
            // GetDiagnostics.conf has no status: a file name means an upload follows.
            return Json.text(response, "fileName") != null;
        }
        return super.accepted(action, status, response);
    }

    @Override
    protected Details details(String action, JsonNode r) {
        return switch (action) {
            case "GetDiagnostics" -> new Details(null, Json.text(r, "fileName"), null, null);
            case "GetLog" -> new Details(null, Json.text(r, "filename"), null, null);
            case "DataTransfer" -> new Details(null, null, Json.field(r, "data") == null ? null
                    : TextNode.valueOf(Json.text(r, "data")), null);
            case "GetCompositeSchedule" -> new Details(null, null, null, compositeSchedule(r));
            default -> Details.NONE;
        };
    }

    private static CompositeSchedule compositeSchedule(JsonNode r) {
        JsonNode schedule = Json.field(r, "chargingSchedule");
        if (schedule == null) {
            return null;
        }
        Instant start = Json.instant(r, "scheduleStart");
        return new CompositeSchedule(r.path("connectorId").asInt(0), Json.integer(schedule, "duration"),
                start != null ? start : Json.instant(schedule, "startSchedule"),
                Json.enumField(ChargingRateUnit.class, schedule, "chargingRateUnit"),
                Json.list(schedule, "chargingSchedulePeriod", period -> new ChargingSchedulePeriod(
                        Json.requiredInt(period, "startPeriod"), Json.decimal(period, "limit"),
                        Json.integer(period, "numberPhases"), null)));
    }
}
