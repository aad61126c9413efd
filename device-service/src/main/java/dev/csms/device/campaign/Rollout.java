package dev.csms.device.campaign;

import dev.csms.device.config.DeviceConfig;
import dev.csms.device.firmware.FirmwareRequest;
import dev.csms.device.firmware.FirmwareResource;
import dev.csms.device.operation.StationOperations;
import dev.csms.events.device.FirmwareCampaignProgress.CampaignStationState;
import dev.csms.events.device.FirmwareCampaignProgress.CampaignStatus;
import dev.csms.runtime.leader.LeaderTimers;
import dev.csms.runtime.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Moves firmware campaigns on, every {@code csms.device.campaigns.tick-interval}, on the leader only: first the
 * in-flight stations whose progress deadline passed fail, then each Running campaign (its row locked, so an
 * operator's pause or cancel waits for the round) aborts when its failure ratio passes the threshold, completes
 * when every station finished, or sends the update to the next Queued stations of its current batch, up to its
 * maximum in flight. A station that cannot be sent the update (offline, the command invalid for its version) fails.
 * Ticked by {@link LeaderTimers}; a round still running when the timer fires is not overlapped.
 */
@ApplicationScoped
public class Rollout {

    private static final Logger LOG = Logger.getLogger(Rollout.class);
    private static final List<CampaignStationState> IN_FLIGHT = List.of(CampaignStationState.Sent,
            CampaignStationState.InProgress);
    private static final List<CampaignStationState> UNFINISHED = List.of(CampaignStationState.Queued,
            CampaignStationState.Sent, CampaignStationState.InProgress);

    private final Campaigns campaigns;
    private final CampaignRecords records;
    private final CampaignTracker tracker;
    private final StationOperations operations;
    private final LeaderTimers timers;
    private final Clock clock;
    private final DeviceConfig.Campaigns config;

    Rollout(Campaigns campaigns, CampaignRecords records, CampaignTracker tracker, StationOperations operations,
            LeaderTimers timers, Clock clock, DeviceConfig config) {
        this.campaigns = campaigns;
        this.records = records;
        this.tracker = tracker;
        this.operations = operations;
        this.timers = timers;
        this.clock = clock;
        this.config = config.campaigns();
    }

    void onStart(@Observes StartupEvent event) {
        timers.every("Firmware campaign round", config.tickInterval(), this::round);
    }

    /** One round over every campaign. */
    Uni<Void> round() {
        return expireOverdue()
                .chain(() -> Panache.withSession(() -> FirmwareCampaign.<FirmwareCampaign>list("status",
                        Sort.by("createdAt"), CampaignStatus.Running)))
                .chain(running -> Multi.createFrom().iterable(running.stream().map(c -> c.id).toList())
                        .onItem().transformToUniAndConcatenate(id -> Panache.withTransaction(() -> step(id))
                                .onFailure().recoverWithItem(failure -> {
                                    LOG.warnf(failure, "Firmware campaign %s: round failed; the next one retries", id);
                                    return null;
                                }))
                        .collect().asList())
                .replaceWithVoid();
    }

    /** Fails the in-flight stations whose progress deadline passed, each in a transaction of its own. */
    private Uni<Void> expireOverdue() {
        Instant now = clock.instant();
        return Panache.withSession(() -> CampaignStation.<CampaignStation>list(
                "state in :states and deadline < :now", Parameters.with("states", IN_FLIGHT).and("now", now)))
                .chain(overdue -> Multi.createFrom().iterable(overdue.stream().map(s -> s.id).toList())
                        .onItem().transformToUniAndConcatenate(id -> Panache.withTransaction(
                                () -> CampaignStation.<CampaignStation>find("id = :id and state in :states "
                                        + "and deadline < :now", Parameters.with("id", id).and("states", IN_FLIGHT)
                                        .and("now", now)).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                                        .chain(station -> station == null ? Uni.createFrom().voidItem()
                                                : tracker.finish(station, CampaignStationState.Failed,
                                                        "no firmware progress within the progress timeout"))))
                        .collect().asList())
                .replaceWithVoid();
    }

    private Uni<Void> step(String id) {
        return Campaigns.require(id, true).chain(campaign -> {
            if (campaign.status != CampaignStatus.Running) {
                return Uni.createFrom().voidItem();
            }
            return records.counts(id).chain(counts -> {
                int finished = counts.finished();
                if (finished > 0 && finished >= campaign.minFinished
                        && (double) counts.failed() / finished > campaign.failureThreshold) {
                    return campaigns.end(campaign, CampaignStatus.Aborted, String.format(Locale.ROOT,
                            "%d of %d finished stations failed (threshold %.2f)", counts.failed(), finished,
                            campaign.failureThreshold)).replaceWithVoid();
                }
                if (counts.queued() == 0 && counts.inProgress() == 0) {
                    return campaigns.end(campaign, CampaignStatus.Completed, String.format(Locale.ROOT,
                            "%d installed, %d failed", counts.installed(), counts.failed())).replaceWithVoid();
                }
                int free = campaign.maxInFlight - counts.inProgress();
                if (free <= 0 || counts.queued() == 0) {
                    return Uni.createFrom().voidItem();
                }
                return nextStations(id, free).chain(stations -> send(campaign, stations));
            });
        });
    }

    /** Up to {@code limit} Queued stations of the campaign's current batch (the lowest with unfinished stations). */
    private static Uni<List<CampaignStation>> nextStations(String id, int limit) {
        return Panache.getSession().chain(session -> session
                .createQuery("select min(s.batch) from CampaignStation s where s.campaignId = :id "
                        + "and s.state in :states", Integer.class)
                .setParameter("id", id).setParameter("states", UNFINISHED).getSingleResult())
                .chain(batch -> CampaignStation.<CampaignStation>find("campaignId = :id and state = :state "
                        + "and batch = :batch", Sort.by("position"), Parameters.with("id", id)
                        .and("state", CampaignStationState.Queued).and("batch", batch))
                        .page(0, limit).list());
    }

    private Uni<Void> send(FirmwareCampaign campaign, List<CampaignStation> stations) {
        FirmwareRequest firmware = campaigns.firmware(campaign);
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (CampaignStation station : stations) {
            chain = chain.chain(() -> send(campaign, firmware, station));
        }
        return chain;
    }

    private Uni<Void> send(FirmwareCampaign campaign, FirmwareRequest firmware, CampaignStation station) {
        Instant now = clock.instant();
        return operations.submitWithRequestId(station.stationId, FirmwareResource.KIND,
                (version, requestId) -> firmware.toCommand(requestId, now), campaign.createdBy)
                .map(record -> {
                    station.state = CampaignStationState.Sent;
                    station.commandId = record.commandId();
                    station.requestId = Integer.valueOf(record.reference());
                    station.startedAt = now;
                    station.deadline = now.plus(Duration.ofSeconds(campaign.progressTimeoutSeconds));
                    return (Void) null;
                })
                // Offline, or the update is invalid for the station's version: nothing was recorded, the station fails.
                .onFailure(ProblemException.class).recoverWithUni(failure -> {
                    station.startedAt = now;
                    return tracker.finish(station, CampaignStationState.Failed,
                            "not sent: " + ((ProblemException) failure).detail());
                });
    }
}
