package dev.csms.ocpp.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.CommandResponse;
import dev.csms.ocpp.canonical.IdToken;
import dev.csms.ocpp.canonical.IdTokenType;
import dev.csms.ocpp.canonical.MeterValue;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.ocpp.canonical.StationEvent;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fields that must keep their meaning between a version's payload and the canonical model: ids, EVSE and
 * connector, tokens, timestamps, statuses, meter value counts. The round trip test checks them for every sample;
 * a mapping that swaps or loses one of them fails here even when the way back would hide it.
 */
final class CoreFields {

    private CoreFields() {
    }

    // ---------------------------------------------------------------- payload readers (null when absent)

    private static String text(JsonNode p, String pointer) {
        JsonNode node = p.at(pointer);
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static Integer integer(JsonNode p, String pointer) {
        JsonNode node = p.at(pointer);
        return node.isMissingNode() || node.isNull() ? null : node.intValue();
    }

    private static Instant instant(JsonNode p, String pointer) {
        String text = text(p, pointer);
        return text == null ? null : Instant.parse(text);
    }

    private static int size(JsonNode p, String pointer) {
        return p.at(pointer).size();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** A 2.x token: its value and its type (an unknown 2.1 type is Other and keeps its string). */
    private static void assertToken(IdToken token, JsonNode node) {
        assertThat(token.value()).isEqualTo(text(node, "/idToken"));
        String type = text(node, "/type");
        if (token.type() == IdTokenType.Other) {
            assertThat(token.otherType()).isEqualTo(type);
        } else {
            assertThat(token.type().name()).isEqualTo(type);
        }
        assertThat(token.additionalInfo()).hasSize(size(node, "/additionalInfo"));
    }

    private static void assertMeterValues(List<MeterValue> values, JsonNode array) {
        assertThat(values).hasSize(array.size());
        for (int i = 0; i < values.size(); i++) {
            assertThat(values.get(i).timestamp()).isEqualTo(instant(array.get(i), "/timestamp"));
            assertThat(values.get(i).sampledValues()).hasSize(array.get(i).path("sampledValue").size());
        }
    }

    // ---------------------------------------------------------------- station requests

    static void assertEventKeeps(OcppVersion version, String action, JsonNode p, StationEvent event) {
        boolean v16 = version == OcppVersion.V1_6;
        if (event instanceof StationEvent.RawStationMessage raw) {
            assertThat(raw.action()).isEqualTo(action);
            assertThat(raw.payload()).isEqualTo(p);
        } else if (event instanceof StationEvent.BootNotification boot) {
            var station = boot.station();
            String prefix = v16 ? "/chargePoint" : "/chargingStation/";
            assertThat(station.vendorName()).isEqualTo(text(p, v16 ? "/chargePointVendor" : prefix + "vendorName"));
            assertThat(station.model()).isEqualTo(text(p, v16 ? "/chargePointModel" : prefix + "model"));
            assertThat(station.serialNumber()).isEqualTo(text(p, v16 ? "/chargePointSerialNumber"
                    : prefix + "serialNumber"));
            assertThat(station.firmwareVersion()).isEqualTo(text(p, v16 ? "/firmwareVersion"
                    : prefix + "firmwareVersion"));
            assertThat(station.modem() == null ? null : station.modem().iccid())
                    .isEqualTo(text(p, v16 ? "/iccid" : prefix + "modem/iccid"));
            assertThat(station.modem() == null ? null : station.modem().imsi())
                    .isEqualTo(text(p, v16 ? "/imsi" : prefix + "modem/imsi"));
            assertThat(name(boot.reason())).isEqualTo(v16 ? "Unknown" : text(p, "/reason"));
        } else if (event instanceof StationEvent.StatusNotification status) {
            assertThat(status.timestamp()).isEqualTo(instant(p, "/timestamp"));
            if (v16) {
                int connector = integer(p, "/connectorId");
                assertThat(status.evseId()).isEqualTo(connector);
                assertThat(status.connectorId()).isEqualTo(connector == 0 ? 0 : 1);
                assertThat(status.originalStatus()).isEqualTo(text(p, "/status"));
                assertThat(status.errorCode()).isEqualTo(text(p, "/errorCode"));
                assertThat(status.vendorErrorCode()).isEqualTo(text(p, "/vendorErrorCode"));
            } else {
                assertThat(status.evseId()).isEqualTo(integer(p, "/evseId"));
                assertThat(status.connectorId()).isEqualTo(integer(p, "/connectorId"));
                assertThat(status.originalStatus()).isEqualTo(text(p, "/connectorStatus"));
                assertThat(status.status().name()).isEqualTo(text(p, "/connectorStatus"));
            }
        } else if (event instanceof StationEvent.MeterValues meter) {
            assertThat(meter.evseId()).isEqualTo(integer(p, v16 ? "/connectorId" : "/evseId"));
            assertMeterValues(meter.meterValues(), p.path("meterValue"));
        } else if (event instanceof StationEvent.Authorize authorize) {
            if (v16) {
                assertThat(authorize.idToken()).isEqualTo(IdToken.ofIdTag(text(p, "/idTag")));
            } else {
                assertToken(authorize.idToken(), p.path("idToken"));
                assertThat(authorize.certificate()).isEqualTo(text(p, "/certificate"));
                assertThat(authorize.iso15118CertificateHashData()).hasSize(size(p, "/iso15118CertificateHashData"));
            }
        } else if (event instanceof StationEvent.TransactionEvent tx) {
            assertTransaction(version, action, p, tx);
        } else if (event instanceof StationEvent.FirmwareStatusNotification firmware) {
            assertThat(firmware.status().name()).isEqualTo(text(p, "/status"));
            assertThat(firmware.requestId()).isEqualTo(integer(p, "/requestId"));
            assertThat(firmware.statusInfo() == null ? null : firmware.statusInfo().reasonCode())
                    .isEqualTo(text(p, "/statusInfo/reasonCode"));
        } else if (event instanceof StationEvent.LogStatusNotification log) {
            String status = text(p, "/status");
            assertThat(log.status().name()).isEqualTo("UploadFailed".equals(status) ? "UploadFailure" : status);
            assertThat(log.requestId()).isEqualTo(integer(p, "/requestId"));
            assertThat(log.statusInfo() == null ? null : log.statusInfo().reasonCode())
                    .isEqualTo(text(p, "/statusInfo/reasonCode"));
        } else if (event instanceof StationEvent.SecurityEventNotification security) {
            assertThat(security.eventType()).isEqualTo(text(p, "/type"));
            assertThat(security.timestamp()).isEqualTo(instant(p, "/timestamp"));
            assertThat(security.techInfo()).isEqualTo(text(p, "/techInfo"));
        } else if (event instanceof StationEvent.DataTransfer data) {
            assertThat(data.vendorId()).isEqualTo(text(p, "/vendorId"));
            assertThat(data.messageId()).isEqualTo(text(p, "/messageId"));
            assertThat(data.data()).isEqualTo(p.get("data"));
        } else if (event instanceof StationEvent.SignCertificate sign) {
            assertThat(sign.csr()).isEqualTo(text(p, "/csr"));
            assertThat(name(sign.certificateType())).isEqualTo(v16 ? "ChargingStationCertificate"
                    : text(p, "/certificateType"));
            assertThat(sign.requestId()).isEqualTo(integer(p, "/requestId"));
        } else {
            assertThat(event).isInstanceOf(StationEvent.Heartbeat.class);
        }
    }

    private static void assertTransaction(OcppVersion version, String action, JsonNode p,
            StationEvent.TransactionEvent tx) {
        if (version.isTwoX()) {
            assertThat(tx.eventType().name()).isEqualTo(text(p, "/eventType"));
            assertThat(tx.transactionId()).isEqualTo(text(p, "/transactionInfo/transactionId"));
            assertThat(tx.seqNo()).isEqualTo(p.path("seqNo").longValue());
            assertThat(tx.timestamp()).isEqualTo(instant(p, "/timestamp"));
            assertThat(tx.triggerReason().name()).isEqualTo(text(p, "/triggerReason"));
            if (p.has("idToken")) {
                assertToken(tx.idToken(), p.path("idToken"));
            } else {
                assertThat(tx.idToken()).isNull();
            }
            assertThat(tx.evseId()).isEqualTo(integer(p, "/evse/id"));
            assertThat(tx.connectorId()).isEqualTo(integer(p, "/evse/connectorId"));
            assertMeterValues(tx.meterValues(), p.path("meterValue"));
            assertThat(name(tx.stoppedReason())).isEqualTo(text(p, "/transactionInfo/stoppedReason"));
            assertThat(name(tx.chargingState())).isEqualTo(text(p, "/transactionInfo/chargingState"));
            assertThat(tx.offline()).isEqualTo(p.path("offline").asBoolean(false));
            assertThat(tx.reservationId()).isEqualTo(integer(p, "/reservationId"));
            assertThat(tx.remoteStartId()).isEqualTo(integer(p, "/transactionInfo/remoteStartId"));
            assertThat(tx.timeSpentCharging()).isEqualTo(integer(p, "/transactionInfo/timeSpentCharging"));
            return;
        }
        switch (action) {
            case "StartTransaction" -> {
                assertThat(tx.eventType().name()).isEqualTo("Started");
                assertThat(tx.transactionId()).isNull();
                assertThat(tx.idToken()).isEqualTo(IdToken.ofIdTag(text(p, "/idTag")));
                assertThat(tx.evseId()).isEqualTo(integer(p, "/connectorId"));
                assertThat(tx.meterStartWh()).isEqualTo(p.path("meterStart").longValue());
                assertThat(tx.timestamp()).isEqualTo(instant(p, "/timestamp"));
                assertThat(tx.reservationId()).isEqualTo(integer(p, "/reservationId"));
            }
            case "StopTransaction" -> {
                assertThat(tx.eventType().name()).isEqualTo("Ended");
                assertThat(tx.transactionId()).isEqualTo(text(p, "/transactionId"));
                assertThat(tx.idToken()).isEqualTo(p.has("idTag") ? IdToken.ofIdTag(text(p, "/idTag")) : null);
                assertThat(tx.meterStopWh()).isEqualTo(p.path("meterStop").longValue());
                assertThat(tx.timestamp()).isEqualTo(instant(p, "/timestamp"));
                assertMeterValues(tx.meterValues(), p.path("transactionData"));
                assertThat(tx.stoppedReason()).isNotNull();
            }
            case "MeterValues" -> {
                assertThat(tx.eventType().name()).isEqualTo("Updated");
                assertThat(tx.transactionId()).isEqualTo(text(p, "/transactionId"));
                assertThat(tx.evseId()).isEqualTo(integer(p, "/connectorId"));
                assertMeterValues(tx.meterValues(), p.path("meterValue"));
            }
            default -> throw new AssertionError("1.6 " + action + " is no transaction step");
        }
    }

    // ---------------------------------------------------------------- CSMS requests

    static void assertCommandKeeps(OcppVersion version, String action, JsonNode p, StationCommand command) {
        boolean v16 = version == OcppVersion.V1_6;
        if (command instanceof StationCommand.RawCommand raw) {
            assertThat(raw.action()).isEqualTo(action);
            assertThat(raw.payload()).isEqualTo(p);
        } else if (command instanceof StationCommand.RequestStartTransaction start) {
            if (v16) {
                assertThat(start.evseId()).isEqualTo(integer(p, "/connectorId"));
                assertThat(start.idToken()).isEqualTo(IdToken.ofIdTag(text(p, "/idTag")));
            } else {
                assertThat(start.evseId()).isEqualTo(integer(p, "/evseId"));
                assertToken(start.idToken(), p.path("idToken"));
                assertThat(start.remoteStartId()).isEqualTo(integer(p, "/remoteStartId"));
                if (p.has("groupIdToken")) {
                    assertToken(start.groupIdToken(), p.path("groupIdToken"));
                }
            }
            assertThat(start.chargingProfile() == null).isEqualTo(!p.has("chargingProfile"));
        } else if (command instanceof StationCommand.RequestStopTransaction stop) {
            assertThat(stop.transactionId()).isEqualTo(text(p, "/transactionId"));
        } else if (command instanceof StationCommand.Reset reset) {
            String type = text(p, "/type");
            assertThat(reset.resetType().name()).isEqualTo("Soft".equals(type) ? "Immediate" : type);
            assertThat(reset.evseId()).isEqualTo(integer(p, "/evseId"));
        } else if (command instanceof StationCommand.UnlockConnector unlock) {
            assertThat(unlock.evseId()).isEqualTo(integer(p, v16 ? "/connectorId" : "/evseId"));
            if (!v16) {
                assertThat(unlock.connectorId()).isEqualTo(integer(p, "/connectorId"));
            }
        } else if (command instanceof StationCommand.ChangeAvailability change) {
            if (v16) {
                int connector = integer(p, "/connectorId");
                assertThat(change.evseId()).isEqualTo(connector == 0 ? null : connector);
                assertThat(change.operationalStatus().name()).isEqualTo(text(p, "/type"));
            } else {
                assertThat(change.evseId()).isEqualTo(integer(p, "/evse/id"));
                assertThat(change.connectorId()).isEqualTo(integer(p, "/evse/connectorId"));
                assertThat(change.operationalStatus().name()).isEqualTo(text(p, "/operationalStatus"));
            }
        } else if (command instanceof StationCommand.TriggerMessage trigger) {
            String requested = text(p, "/requestedMessage");
            assertThat(trigger.requestedMessage().name()).isEqualTo("SignChargePointCertificate".equals(requested)
                    ? "SignChargingStationCertificate" : requested);
            assertThat(trigger.evseId()).isEqualTo(integer(p, v16 ? "/connectorId" : "/evse/id"));
            assertThat(trigger.customTrigger()).isEqualTo(text(p, "/customTrigger"));
        } else if (command instanceof StationCommand.UpdateFirmware update) {
            String firmware = action.equals("UpdateFirmware") && v16 ? "" : "/firmware";
            assertThat(update.location()).isEqualTo(text(p, firmware + "/location"));
            assertThat(update.retrieveDateTime()).isEqualTo(instant(p, firmware
                    + (firmware.isEmpty() ? "/retrieveDate" : "/retrieveDateTime")));
            assertThat(update.signature()).isEqualTo(text(p, firmware + "/signature"));
            assertThat(update.signingCertificate()).isEqualTo(text(p, firmware + "/signingCertificate"));
            assertThat(update.retries()).isEqualTo(integer(p, "/retries"));
            if (p.has("requestId")) {
                assertThat(update.requestId()).isEqualTo(integer(p, "/requestId"));
            }
        } else if (command instanceof StationCommand.GetLog log) {
            if (action.equals("GetDiagnostics")) {
                assertThat(log.logType().name()).isEqualTo("DiagnosticsLog");
                assertThat(log.remoteLocation()).isEqualTo(text(p, "/location"));
                assertThat(log.oldestTimestamp()).isEqualTo(instant(p, "/startTime"));
                assertThat(log.latestTimestamp()).isEqualTo(instant(p, "/stopTime"));
            } else {
                assertThat(log.logType().name()).isEqualTo(text(p, "/logType"));
                assertThat(log.requestId()).isEqualTo(integer(p, "/requestId"));
                assertThat(log.remoteLocation()).isEqualTo(text(p, "/log/remoteLocation"));
                assertThat(log.oldestTimestamp()).isEqualTo(instant(p, "/log/oldestTimestamp"));
            }
        } else if (command instanceof StationCommand.ReserveNow reserve) {
            assertThat(reserve.id()).isEqualTo(integer(p, v16 ? "/reservationId" : "/id"));
            assertThat(reserve.expiryDateTime()).isEqualTo(instant(p, v16 ? "/expiryDate" : "/expiryDateTime"));
            if (v16) {
                assertThat(reserve.idToken()).isEqualTo(IdToken.ofIdTag(text(p, "/idTag")));
                int connector = integer(p, "/connectorId");
                assertThat(reserve.evseId()).isEqualTo(connector == 0 ? null : connector);
            } else {
                assertToken(reserve.idToken(), p.path("idToken"));
                assertThat(reserve.evseId()).isEqualTo(integer(p, "/evseId"));
                assertThat(reserve.connectorType()).isEqualTo(text(p, "/connectorType"));
            }
        } else if (command instanceof StationCommand.CancelReservation cancel) {
            assertThat(cancel.reservationId()).isEqualTo(integer(p, "/reservationId"));
        } else if (command instanceof StationCommand.SendLocalList list) {
            assertThat(list.versionNumber()).isEqualTo(integer(p, v16 ? "/listVersion" : "/versionNumber"));
            assertThat(list.updateType().name()).isEqualTo(text(p, "/updateType"));
            assertThat(list.entries()).hasSize(size(p, "/localAuthorizationList"));
            for (int i = 0; i < list.entries().size(); i++) {
                JsonNode entry = p.path("localAuthorizationList").get(i);
                assertThat(list.entries().get(i).idToken().value())
                        .isEqualTo(text(entry, v16 ? "/idTag" : "/idToken/idToken"));
                assertThat(name(list.entries().get(i).idTokenInfo().status()))
                        .isEqualTo(text(entry, v16 ? "/idTagInfo/status" : "/idTokenInfo/status"));
            }
        } else if (command instanceof StationCommand.SetChargingProfile set) {
            assertThat(set.evseId()).isEqualTo(integer(p, v16 ? "/connectorId" : "/evseId"));
            JsonNode profile = p.path(v16 ? "csChargingProfiles" : "chargingProfile");
            assertThat(set.chargingProfile().id()).isEqualTo(integer(profile, v16 ? "/chargingProfileId" : "/id"));
            assertThat(set.chargingProfile().stackLevel()).isEqualTo(integer(profile, "/stackLevel"));
            assertThat(set.chargingProfile().schedules()).hasSize(v16 ? 1 : profile.path("chargingSchedule").size());
        } else if (command instanceof StationCommand.ClearChargingProfile clear) {
            assertThat(clear.chargingProfileId()).isEqualTo(integer(p, v16 ? "/id" : "/chargingProfileId"));
            assertThat(clear.evseId()).isEqualTo(integer(p, v16 ? "/connectorId" : "/chargingProfileCriteria/evseId"));
            assertThat(clear.stackLevel()).isEqualTo(integer(p, v16 ? "/stackLevel"
                    : "/chargingProfileCriteria/stackLevel"));
        } else if (command instanceof StationCommand.GetCompositeSchedule get) {
            assertThat(get.evseId()).isEqualTo(integer(p, v16 ? "/connectorId" : "/evseId"));
            assertThat(get.duration()).isEqualTo(integer(p, "/duration"));
            assertThat(name(get.chargingRateUnit())).isEqualTo(text(p, "/chargingRateUnit"));
        } else if (command instanceof StationCommand.DataTransfer data) {
            assertThat(data.vendorId()).isEqualTo(text(p, "/vendorId"));
            assertThat(data.messageId()).isEqualTo(text(p, "/messageId"));
            assertThat(data.data()).isEqualTo(p.get("data"));
        } else {
            assertThat(command).isInstanceOf(StationCommand.ClearCache.class);
        }
    }

    // ---------------------------------------------------------------- command responses

    static void assertResponseDetails(OcppVersion version, String action, JsonNode p, CommandResponse response) {
        boolean v16 = version == OcppVersion.V1_6;
        assertThat(response.transactionId()).isEqualTo(action.equals("RequestStartTransaction")
                ? text(p, "/transactionId") : null);
        assertThat(response.fileName()).isEqualTo(switch (action) {
            case "GetDiagnostics" -> text(p, "/fileName");
            case "GetLog" -> text(p, "/filename");
            default -> null;
        });
        assertThat(response.data()).isEqualTo(action.equals("DataTransfer") ? p.get("data") : null);
        if (!action.equals("GetCompositeSchedule")) {
            assertThat(response.compositeSchedule()).isNull();
            return;
        }
        JsonNode schedule = p.path(v16 ? "chargingSchedule" : "schedule");
        if (schedule.isMissingNode()) {
            assertThat(response.compositeSchedule()).isNull();
            return;
        }
        assertThat(response.compositeSchedule()).isNotNull();
        assertThat(response.compositeSchedule().evseId()).isEqualTo(integer(p, v16 ? "/connectorId"
                : "/schedule/evseId"));
        assertThat(response.compositeSchedule().periods()).hasSize(schedule.path("chargingSchedulePeriod").size());
        assertThat(response.compositeSchedule().scheduleStart()).isEqualTo(instant(p, v16 ? "/scheduleStart"
                : "/schedule/scheduleStart"));
    }
}
