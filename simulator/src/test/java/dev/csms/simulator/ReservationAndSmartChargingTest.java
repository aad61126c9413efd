package dev.csms.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reservations (used, cancelled, expired) and charging profiles that limit the power a session draws. */
class ReservationAndSmartChargingTest extends SimulatorTestSupport {

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void reservationsAreUsedCancelledAndExpire(OcppVersion version) throws Exception {
        SimulatedStation station = started("RES-" + version.label(), version);
        String id = station.id();
        assertThat(reserve(version, id, 11, "DRIVER-1", Duration.ofMinutes(10))).isEqualTo("Accepted");
        await().atMost(DEADLINE).until(() -> station.connectorStatus(1).equals("Reserved"));
        assertThatThrownBy(() -> station.startSession(1, "SOMEONE").get(DEADLINE.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
        station.startSession(1, "DRIVER-1").get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        JsonNode start = version.isTwoX() ? awaitCalls(id, "TransactionEvent", 1).get(0).payload()
                : awaitCalls(id, "StartTransaction", 1).get(0).payload();
        assertThat(start.path("reservationId").asInt()).isEqualTo(11);
        station.stopSession(1).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

        assertThat(reserve(version, id, 12, "DRIVER-2", Duration.ofMinutes(10))).isEqualTo("Accepted");
        assertThat(answered(id, "CancelReservation", json().put("reservationId", 12)).path("status").asText())
                .isEqualTo("Accepted");
        assertThat(answered(id, "CancelReservation", json().put("reservationId", 12)).path("status").asText())
                .isEqualTo("Rejected");
        await().atMost(DEADLINE).until(() -> station.connectorStatus(1).equals("Available"));

        assertThat(reserve(version, id, 13, "DRIVER-3", Duration.ofMinutes(10))).isEqualTo("Accepted");
        tick(Duration.ofMinutes(10));
        await().atMost(DEADLINE).until(() -> station.connectorStatus(1).equals("Available"));
        if (version.isTwoX()) {
            ObjectNode expired = awaitCalls(id, "ReservationStatusUpdate", 1).get(0).payload();
            assertThat(expired.path("reservationId").asInt()).isEqualTo(13);
            assertThat(expired.path("reservationUpdateStatus").asText()).isEqualTo("Expired");
        }
        station.startSession(1, "TAG-9").get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(reserve(version, id, 14, "DRIVER-4", Duration.ofMinutes(10))).isEqualTo("Occupied");
        assertNoViolations();
    }

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void aChargingProfileLimitsThePowerTheSessionDraws(OcppVersion version) throws Exception {
        SimulatedStation station = started("SC-" + version.label(), version);
        String id = station.id();
        assertThat(setProfile(version, id, 1, "TxProfile", 3680)).as("TxProfile without a transaction")
                .isEqualTo("Rejected");
        SessionView session = station.startSession(1, "TAG-1").get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        tick(Duration.ofSeconds(60));
        assertThat(station.session(1).orElseThrow().powerW()).isGreaterThan(10_000);

        assertThat(setProfile(version, id, 1, "TxProfile", 3680)).isEqualTo("Accepted");
        assertThat(station.session(1).orElseThrow().powerW()).isBetween(3500L, 3680L);
        long before = station.session(1).orElseThrow().registerWh();
        tick(Duration.ofSeconds(60));
        long perMinute = station.session(1).orElseThrow().registerWh() - before;
        assertThat(perMinute).as("Wh in a minute at 3.68 kW").isBetween(58L, 62L);

        ObjectNode composite = version.isTwoX() ? json().put("evseId", 1).put("duration", 3600)
                : json().put("connectorId", 1).put("duration", 3600);
        JsonNode answer = answered(id, "GetCompositeSchedule", composite);
        JsonNode periods = version.isTwoX() ? answer.path("schedule").path("chargingSchedulePeriod")
                : answer.path("chargingSchedule").path("chargingSchedulePeriod");
        assertThat(periods.path(0).path("limit").asDouble()).isEqualTo(3680.0);
        // the relative profile lasts 30 minutes from the transaction start (2 minutes ago), then the EVSE has 11 kW
        assertThat(periods.path(1).path("startPeriod").asInt()).isEqualTo(1800 - 120);
        assertThat(periods.path(1).path("limit").asDouble()).isEqualTo(11000.0);

        ObjectNode clear = version.isTwoX() ? json().put("chargingProfileId", 100) : json().put("id", 100);
        assertThat(answered(id, "ClearChargingProfile", clear).path("status").asText()).isEqualTo("Accepted");
        assertThat(answered(id, "ClearChargingProfile", clear).path("status").asText()).isEqualTo("Unknown");
        assertThat(station.session(1).orElseThrow().powerW()).isGreaterThan(10_000);
        assertThat(session.transactionId()).isEqualTo(station.session(1).orElseThrow().transactionId());
        assertNoViolations();
    }

    @ParameterizedTest
    @EnumSource(value = OcppVersion.class, names = {"V2_0_1", "V2_1"})
    void aZeroLimitSuspendsChargingAndGetChargingProfilesReportsIt(OcppVersion version) throws Exception {
        SimulatedStation station = started("SC0-" + version.label(), version);
        String id = station.id();
        station.startSession(1, "TAG-1").get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(setProfile(version, id, 0, "ChargingStationMaxProfile", 0)).isEqualTo("Accepted");
        List<TestCsms.Received> events = awaitCalls(id, "TransactionEvent", 2);
        assertThat(events.get(1).payload().path("transactionInfo").path("chargingState").asText())
                .isEqualTo("SuspendedEVSE");

        ObjectNode get = json().put("requestId", 3);
        get.putObject("chargingProfile").put("chargingProfilePurpose", "ChargingStationMaxProfile");
        assertThat(answered(id, "GetChargingProfiles", get).path("status").asText()).isEqualTo("Accepted");
        ObjectNode report = awaitCalls(id, "ReportChargingProfiles", 1).get(0).payload();
        assertThat(report.path("evseId").asInt()).isZero();
        assertThat(report.path("chargingProfile").path(0).path("id").asInt()).isEqualTo(100);
        assertNoViolations();
    }

    private String reserve(OcppVersion version, String id, int reservationId, String tag, Duration validity)
            throws Exception {
        String expiry = clock.now().plus(validity).toString();
        ObjectNode request;
        if (version.isTwoX()) {
            request = json().put("id", reservationId).put("expiryDateTime", expiry).put("evseId", 1);
            request.putObject("idToken").put("idToken", tag).put("type", "ISO14443");
        } else {
            request = json().put("connectorId", 1).put("expiryDate", expiry).put("idTag", tag)
                    .put("reservationId", reservationId);
        }
        return answered(id, "ReserveNow", request).path("status").asText();
    }

    /** A profile with one 30-minute period at {@code watts}, id 100, stack level 1. */
    private String setProfile(OcppVersion version, String id, int evse, String purpose, int watts) throws Exception {
        ObjectNode profile = json().put(version.isTwoX() ? "id" : "chargingProfileId", 100).put("stackLevel", 1)
                .put("chargingProfilePurpose", version.isTwoX() || !purpose.equals("ChargingStationMaxProfile")
                        ? purpose : "ChargePointMaxProfile")
                .put("chargingProfileKind", "Relative");
        ObjectNode schedule = json().put("duration", 1800).put("chargingRateUnit", "W");
        schedule.putArray("chargingSchedulePeriod").addObject().put("startPeriod", 0).put("limit", watts);
        if (version.isTwoX()) {
            schedule.put("id", 1);
            profile.putArray("chargingSchedule").add(schedule);
            return answered(id, "SetChargingProfile", json().put("evseId", evse).set("chargingProfile", profile))
                    .path("status").asText();
        }
        profile.set("chargingSchedule", schedule);
        return answered(id, "SetChargingProfile", json().put("connectorId", evse).set("csChargingProfiles", profile))
                .path("status").asText();
    }
}
