package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.ChargingProfiles;
import dev.csms.simulator.station.Connector;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.StationRuntime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * GetCompositeSchedule: the limits the installed profiles (and the EVSE's own maximum) give over the requested
 * duration, in the requested unit (W by default). Rejected for an unknown connector / EVSE.
 */
final class GetCompositeScheduleHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return Set.of("GetCompositeSchedule");
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        boolean twoX = station.version().isTwoX();
        int evseId = request.path(twoX ? "evseId" : "connectorId").asInt();
        if (evseId != 0 && !station.hasConnector(evseId)) {
            return Reply.result(Json.status("Rejected"));
        }
        int duration = request.path("duration").asInt();
        String unit = request.path("chargingRateUnit").asText("W");
        Instant now = station.now();
        double maxWatts = station.behaviour().chargingPowerKw() * 1000 * (evseId == 0 ? station.connectors().size() : 1);
        Connector connector = evseId == 0 ? null : station.connector(evseId);
        boolean inTransaction = connector != null && connector.hasActiveTransaction();
        List<ChargingProfiles.Period> periods = station.profiles().composite(evseId, now, duration,
                inTransaction ? connector.session().startedAt() : null, inTransaction, maxWatts, unit);
        ObjectNode response = Json.status("Accepted");
        ObjectNode schedule;
        if (twoX) {
            schedule = response.putObject("schedule")
                    .put("evseId", evseId)
                    .put("duration", duration)
                    .put("scheduleStart", StationRuntime.format(now))
                    .put("chargingRateUnit", unit);
        } else {
            response.put("connectorId", evseId).put("scheduleStart", StationRuntime.format(now));
            schedule = response.putObject("chargingSchedule")
                    .put("duration", duration)
                    .put("startSchedule", StationRuntime.format(now))
                    .put("chargingRateUnit", unit);
        }
        ArrayNode array = schedule.putArray("chargingSchedulePeriod");
        for (ChargingProfiles.Period period : periods) {
            array.addObject()
                    .put("startPeriod", period.startPeriod())
                    .put("limit", BigDecimal.valueOf(period.limit()).setScale(1, RoundingMode.HALF_UP))
                    .put("numberPhases", period.phases());
        }
        return Reply.result(response);
    }
}
