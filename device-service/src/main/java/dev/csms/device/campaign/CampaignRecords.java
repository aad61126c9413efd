package dev.csms.device.campaign;

import dev.csms.device.config.DeviceConfig;
import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.device.FirmwareCampaignProgress;
import dev.csms.events.device.FirmwareCampaignProgress.CampaignStationState;
import dev.csms.events.device.FirmwareCampaignProgress.CampaignStatus;
import dev.csms.runtime.outbox.Outbox;
import dev.csms.runtime.outbox.OutboxRecord;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts a campaign's stations and publishes its progress ({@code FirmwareCampaignProgress} on
 * {@code device.campaigns}) through the outbox, in the caller's transaction.
 */
@ApplicationScoped
public class CampaignRecords {

    private final EventCodec codec = new EventCodec();
    private final Outbox outbox;
    private final Topics topics;
    private final Clock clock;
    private final String source;

    CampaignRecords(Outbox outbox, Topics topics, Clock clock, DeviceConfig config) {
        this.outbox = outbox;
        this.topics = topics;
        this.clock = clock;
        this.source = config.eventSource();
    }

    /** The campaign's counts, with the session's pending changes flushed first. */
    public Uni<CampaignCounts> counts(String campaignId) {
        return Panache.getSession().chain(session -> session.flush().chain(() -> session
                .createQuery("select s.state, count(s) from CampaignStation s where s.campaignId = :id "
                        + "group by s.state", Object[].class)
                .setParameter("id", campaignId).getResultList()))
                .map(CampaignRecords::byState);
    }

    /** The counts of several campaigns at once. */
    public Uni<Map<String, CampaignCounts>> counts(List<String> campaignIds) {
        if (campaignIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(session -> session
                .createQuery("select s.campaignId, s.state, count(s) from CampaignStation s "
                        + "where s.campaignId in (:ids) group by s.campaignId, s.state", Object[].class)
                .setParameter("ids", campaignIds).getResultList())
                .map(rows -> {
                    Map<String, Map<CampaignStationState, Long>> grouped = new java.util.HashMap<>();
                    for (Object[] row : rows) {
                        grouped.computeIfAbsent((String) row[0], k -> new EnumMap<>(CampaignStationState.class))
                                .put((CampaignStationState) row[1], (Long) row[2]);
                    }
                    Map<String, CampaignCounts> counts = new java.util.HashMap<>();
                    for (String id : campaignIds) {
                        counts.put(id, CampaignCounts.of(grouped.getOrDefault(id, Map.of())));
                    }
                    return counts;
                });
    }

    /**
     * Publishes the campaign's progress after a change.
     *
     * @param stationId the station whose outcome this reports; null for a change of the campaign itself
     */
    public Uni<CampaignCounts> publish(FirmwareCampaign campaign, String stationId, CampaignStationState state,
            String detail) {
        return counts(campaign.id).call(counts -> outbox.enqueue(record(campaign, counts, stationId, state, detail)));
    }

    private OutboxRecord record(FirmwareCampaign campaign, CampaignCounts counts, String stationId,
            CampaignStationState state, String detail) {
        CampaignStatus status = campaign.status;
        FirmwareCampaignProgress event = new FirmwareCampaignProgress(campaign.id, campaign.name, status,
                counts.total(), counts.queued(), counts.inProgress(), counts.installed(), counts.failed(),
                counts.cancelled(), stationId, state, detail, clock.instant());
        return OutboxRecord.from(codec.toRecord(topics.name(Topics.DEVICE_CAMPAIGNS),
                EventEnvelope.create(EventTypes.FIRMWARE_CAMPAIGN_PROGRESS, source, campaign.id, event, clock)));
    }

    private static CampaignCounts byState(List<Object[]> rows) {
        Map<CampaignStationState, Long> byState = new EnumMap<>(CampaignStationState.class);
        for (Object[] row : rows) {
            byState.put((CampaignStationState) row[0], (Long) row[1]);
        }
        return CampaignCounts.of(byState);
    }
}
