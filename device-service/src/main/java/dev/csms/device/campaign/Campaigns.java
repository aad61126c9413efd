package dev.csms.device.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.csms.device.config.DeviceConfig;
import dev.csms.device.firmware.FirmwareRequest;
import dev.csms.device.model.Station;
import dev.csms.events.device.FirmwareCampaignProgress.CampaignStationState;
import dev.csms.events.device.FirmwareCampaignProgress.CampaignStatus;
import dev.csms.runtime.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Firmware campaigns as operators see them: create, read, pause, resume, cancel. The rollout is {@link Rollout}'s. */
@ApplicationScoped
public class Campaigns {

    static final int DEFAULT_BATCH_SIZE = 50;
    static final int DEFAULT_MAX_IN_FLIGHT = 10;
    static final double DEFAULT_FAILURE_THRESHOLD = 0.2;
    static final int DEFAULT_MIN_FINISHED = 5;

    private final CampaignRecords records;
    private final ObjectMapper json;
    private final Clock clock;
    private final DeviceConfig.Campaigns config;

    Campaigns(CampaignRecords records, ObjectMapper json, Clock clock, DeviceConfig config) {
        this.records = records;
        this.json = json;
        this.clock = clock;
        this.config = config.campaigns();
    }

    /** Creates a Running campaign with its stations Queued; 400 when the target names no or unknown stations. */
    public Uni<CampaignView> create(CampaignRequest request, String requestedBy) {
        boolean byList = request.stationIds() != null;
        boolean byFilter = request.filter() != null;
        if (byList == byFilter) {
            return Uni.createFrom().failure(ProblemException.badRequest("Give exactly one of stationIds and filter"));
        }
        if (byFilter && request.filter().isEmpty()) {
            return Uni.createFrom().failure(
                    ProblemException.badRequest("The filter needs at least one of model, firmwareVersion, siteId"));
        }
        CampaignTarget target = byList ? new CampaignTarget(List.copyOf(new LinkedHashSet<>(request.stationIds())),
                null) : new CampaignTarget(null, request.filter());
        return Panache.withTransaction(() -> resolve(target).chain(stationIds -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            FirmwareCampaign campaign = new FirmwareCampaign();
            campaign.id = UUID.randomUUID().toString();
            campaign.name = request.name();
            campaign.status = CampaignStatus.Running;
            campaign.firmware = write(request.firmware());
            campaign.target = write(target);
            campaign.batchSize = request.batchSize() != null ? request.batchSize() : DEFAULT_BATCH_SIZE;
            campaign.maxInFlight = request.maxInFlight() != null ? request.maxInFlight() : DEFAULT_MAX_IN_FLIGHT;
            campaign.failureThreshold = request.failureThreshold() != null ? request.failureThreshold()
                    : DEFAULT_FAILURE_THRESHOLD;
            campaign.minFinished = request.minFinished() != null ? request.minFinished() : DEFAULT_MIN_FINISHED;
            campaign.progressTimeoutSeconds = request.progressTimeoutSeconds() != null
                    ? request.progressTimeoutSeconds() : config.progressTimeout().toSeconds();
            campaign.createdBy = requestedBy;
            campaign.createdAt = now;
            campaign.updatedAt = now;
            List<CampaignStation> stations = new ArrayList<>();
            for (int i = 0; i < stationIds.size(); i++) {
                CampaignStation station = new CampaignStation();
                station.campaignId = campaign.id;
                station.stationId = stationIds.get(i);
                station.position = i;
                station.batch = i / campaign.batchSize;
                station.state = CampaignStationState.Queued;
                stations.add(station);
            }
            return campaign.persist()
                    .chain(() -> CampaignStation.persist(stations))
                    .chain(() -> records.publish(campaign, null, null, null))
                    .map(counts -> view(campaign, counts, null));
        }));
    }

    /** The campaigns, newest first, optionally of one status. */
    public Uni<CampaignView.Page<CampaignView>> list(CampaignStatus status, int page, int size) {
        return Panache.withSession(() -> {
            var query = status == null ? FirmwareCampaign.<FirmwareCampaign>findAll(Sort.descending("createdAt")
                    .and("id")) : FirmwareCampaign.<FirmwareCampaign>find("status", Sort.descending("createdAt")
                    .and("id"), status);
            return query.page(Page.of(page, size)).list().chain(campaigns -> query.count()
                    .chain(total -> records.counts(campaigns.stream().map(c -> c.id).toList())
                            .map(counts -> new CampaignView.Page<>(campaigns.stream()
                                    .map(c -> view(c, counts.get(c.id), null)).toList(), page, size, total))));
        });
    }

    /** One campaign with one page of its stations (in rollout order, optionally of one state); 404 when unknown. */
    public Uni<CampaignView> get(String id, CampaignStationState state, int page, int size) {
        return Panache.withSession(() -> require(id, false).chain(campaign -> {
            var query = state == null
                    ? CampaignStation.<CampaignStation>find("campaignId", Sort.by("position"), id)
                    : CampaignStation.<CampaignStation>find("campaignId = :id and state = :state", Sort.by("position"),
                            Parameters.with("id", id).and("state", state));
            return query.page(Page.of(page, size)).list().chain(stations -> query.count()
                    .chain(total -> records.counts(id).map(counts -> view(campaign, counts,
                            new CampaignView.Page<>(stations.stream().map(CampaignView.StationView::of).toList(),
                                    page, size, total)))));
        }));
    }

    /** Running -> Paused; 409 otherwise. */
    public Uni<CampaignView> pause(String id) {
        return transition(id, Set.of(CampaignStatus.Running), CampaignStatus.Paused, "paused by an operator");
    }

    /** Paused -> Running; 409 otherwise. */
    public Uni<CampaignView> resume(String id) {
        return transition(id, Set.of(CampaignStatus.Paused), CampaignStatus.Running, "resumed by an operator");
    }

    /** Running or Paused -> Cancelled, its Queued stations Cancelled; 409 for a campaign that is over. */
    public Uni<CampaignView> cancel(String id) {
        return transition(id, Set.of(CampaignStatus.Running, CampaignStatus.Paused), CampaignStatus.Cancelled,
                "cancelled by an operator");
    }

    private Uni<CampaignView> transition(String id, Set<CampaignStatus> from, CampaignStatus to, String detail) {
        return Panache.withTransaction(() -> require(id, true).chain(campaign -> {
            if (!from.contains(campaign.status)) {
                return Uni.createFrom().failure(ProblemException.conflict("Campaign " + id + " is "
                        + campaign.status + "; it cannot be " + to.name().toLowerCase(Locale.ROOT)));
            }
            return end(campaign, to, detail).map(counts -> view(campaign, counts, null));
        }));
    }

    /**
     * Moves a locked campaign to the status (the caller checked the transition): a final status cancels the Queued
     * stations; publishes the progress.
     */
    Uni<CampaignCounts> end(FirmwareCampaign campaign, CampaignStatus to, String detail) {
        Instant now = clock.instant();
        campaign.status = to;
        campaign.updatedAt = now;
        Uni<Integer> cancelled = Uni.createFrom().item(0);
        if (to.isFinal()) {
            campaign.finishedAt = now;
            cancelled = CampaignStation.update("state = ?1, detail = ?2, finishedAt = ?3 where campaignId = ?4 "
                    + "and state = ?5", CampaignStationState.Cancelled, "campaign " + to.name().toLowerCase(Locale.ROOT),
                    now, campaign.id, CampaignStationState.Queued);
        }
        return cancelled.chain(() -> records.publish(campaign, null, null, detail));
    }

    /** The campaign, optionally locked for update; 404 when unknown. */
    static Uni<FirmwareCampaign> require(String id, boolean lock) {
        Uni<FirmwareCampaign> found = lock
                ? FirmwareCampaign.<FirmwareCampaign>findById(id, LockModeType.PESSIMISTIC_WRITE)
                : FirmwareCampaign.<FirmwareCampaign>findById(id);
        return found.onItem().ifNull().failWith(() -> ProblemException.notFound("No firmware campaign " + id));
    }

    /** The firmware update of the campaign. */
    FirmwareRequest firmware(FirmwareCampaign campaign) {
        try {
            return json.readValue(campaign.firmware, FirmwareRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("campaign " + campaign.id + " holds an unreadable firmware request", e);
        }
    }

    private CampaignView view(FirmwareCampaign c, CampaignCounts counts, CampaignView.Page<CampaignView.StationView> page) {
        CampaignTarget target;
        try {
            target = json.readValue(c.target, CampaignTarget.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("campaign " + c.id + " holds an unreadable target", e);
        }
        return new CampaignView(c.id, c.name, c.status, firmware(c), target, c.batchSize, c.maxInFlight,
                c.failureThreshold, c.minFinished, c.progressTimeoutSeconds, c.createdBy, c.createdAt, c.updatedAt,
                c.finishedAt, counts, page);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The target's station ids: a list must name registered stations only; a filter must match at least one. */
    private static Uni<List<String>> resolve(CampaignTarget target) {
        if (target.stationIds() != null) {
            List<String> ids = target.stationIds();
            return Station.<Station>list("id in ?1", ids).map(found -> {
                Set<String> known = new java.util.HashSet<>();
                found.forEach(s -> known.add(s.id));
                List<String> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
                if (!unknown.isEmpty()) {
                    throw ProblemException.badRequest("Unknown stations: " + String.join(", ",
                            unknown.subList(0, Math.min(20, unknown.size()))));
                }
                return ids;
            });
        }
        CampaignTarget.Filter filter = target.filter();
        StringBuilder query = new StringBuilder("enabled = true");
        Parameters parameters = new Parameters();
        if (!CampaignTarget.Filter.blank(filter.model())) {
            query.append(" and lower(reportedModel) = :model");
            parameters.and("model", filter.model().toLowerCase(Locale.ROOT));
        }
        if (!CampaignTarget.Filter.blank(filter.firmwareVersion())) {
            query.append(" and reportedFirmware = :firmware");
            parameters.and("firmware", filter.firmwareVersion());
        }
        if (!CampaignTarget.Filter.blank(filter.siteId())) {
            query.append(" and siteId = :site");
            parameters.and("site", filter.siteId());
        }
        return Station.<Station>list(query.toString(), Sort.by("id"), parameters).map(found -> {
            if (found.isEmpty()) {
                throw ProblemException.badRequest("No enabled station matches the filter");
            }
            return found.stream().map(s -> s.id).toList();
        });
    }
}
