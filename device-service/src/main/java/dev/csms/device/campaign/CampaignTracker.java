package dev.csms.device.campaign;

import dev.csms.device.firmware.FirmwareResource;
import dev.csms.device.firmware.FirmwareStatusListener;
import dev.csms.device.firmware.FirmwareStatusReport;
import dev.csms.events.device.FirmwareCampaignProgress.CampaignStationState;
import dev.csms.ocpp.canonical.FirmwareStatus;
import dev.csms.runtime.command.CommandCompletionListener;
import dev.csms.runtime.command.CommandRecord;
import dev.csms.runtime.command.CommandStatus;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How each campaign station learns its outcome: the firmware command's result (ledger completion: refused,
 * CALLERROR, timeout, offline fail it) and the station's FirmwareStatusNotifications (Installed, or a failure
 * status). Both run in the transaction that records the result or status; the station's row is locked so that
 * concurrent news are applied one after the other.
 */
@ApplicationScoped
public class CampaignTracker implements CommandCompletionListener, FirmwareStatusListener {

    /** Statuses that end a station's update as Failed. */
    static final Set<FirmwareStatus> FAILURES = EnumSet.of(FirmwareStatus.DownloadFailed,
            FirmwareStatus.InstallationFailed, FirmwareStatus.InstallVerificationFailed,
            FirmwareStatus.InvalidSignature);
    private static final List<CampaignStationState> IN_FLIGHT = List.of(CampaignStationState.Sent,
            CampaignStationState.InProgress);

    private final CampaignRecords records;
    private final Clock clock;

    CampaignTracker(CampaignRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @Override
    public Uni<Void> completed(CommandRecord record) {
        if (!FirmwareResource.KIND.equals(record.kind())) {
            return Uni.createFrom().voidItem();
        }
        return CampaignStation.<CampaignStation>find("commandId = :command and state = :state",
                Parameters.with("command", record.commandId()).and("state", CampaignStationState.Sent))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(station -> {
                    if (station == null) {
                        return Uni.createFrom().voidItem();
                    }
                    if (record.accepted()) {
                        station.state = CampaignStationState.InProgress;
                        return Uni.createFrom().voidItem();
                    }
                    return finish(station, CampaignStationState.Failed, failure(record));
                });
    }

    @Override
    public Uni<Void> reported(FirmwareStatusReport report) {
        // 2.x and signed 1.6 statuses name the request; a 1.6 core status belongs to the station's newest update.
        String query = "stationId = :station and state in :states"
                + (report.requestId != null ? " and requestId = :request" : "");
        Parameters parameters = Parameters.with("station", report.stationId).and("states", IN_FLIGHT);
        if (report.requestId != null) {
            parameters.and("request", report.requestId);
        }
        return CampaignStation.<CampaignStation>find(query, Sort.descending("startedAt").and("id"), parameters)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(station -> {
                    if (station == null) {
                        return Uni.createFrom().voidItem();
                    }
                    station.lastStatus = report.status.name();
                    if (report.status == FirmwareStatus.Installed) {
                        return finish(station, CampaignStationState.Installed, null);
                    }
                    if (FAILURES.contains(report.status)) {
                        return finish(station, CampaignStationState.Failed, "station reported " + report.status);
                    }
                    return FirmwareCampaign.<FirmwareCampaign>findById(station.campaignId).map(campaign -> {
                        station.state = CampaignStationState.InProgress;
                        station.deadline = clock.instant().plus(Duration.ofSeconds(campaign.progressTimeoutSeconds));
                        return null;
                    }).replaceWithVoid();
                });
    }

    /** Ends the (locked) station with the outcome and publishes the campaign's progress. */
    Uni<Void> finish(CampaignStation station, CampaignStationState outcome, String detail) {
        Instant now = clock.instant();
        station.state = outcome;
        station.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
        station.finishedAt = now;
        station.deadline = null;
        return FirmwareCampaign.<FirmwareCampaign>findById(station.campaignId)
                .chain(campaign -> records.publish(campaign, station.stationId, outcome, station.detail))
                .replaceWithVoid();
    }

    private static String failure(CommandRecord record) {
        if (record.status() == CommandStatus.Answered) {
            String status = record.response() == null ? null : record.response().path("status").asText(null);
            return "station answered " + (status == null ? "without accepting" : status);
        }
        if (record.status() == CommandStatus.CallError) {
            return "CALLERROR " + record.errorCode()
                    + (record.errorDescription() == null ? "" : ": " + record.errorDescription());
        }
        return "command " + record.status()
                + (record.errorDescription() == null ? "" : ": " + record.errorDescription());
    }
}
