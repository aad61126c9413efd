package dev.csms.device.handler;

import dev.csms.runtime.persistence.Counts;
import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.device.configuration.DeviceModel;
import dev.csms.device.configuration.DeviceModelReport;
import dev.csms.device.model.Station;
import dev.csms.device.service.StationRecords;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.CallAnswer;
import dev.csms.events.ocpp.StationCall;
import dev.csms.ocpp.canonical.CsmsAnswer.EmptyAnswer;
import dev.csms.ocpp.canonical.StationEvent.RawStationMessage;
import dev.csms.runtime.inbound.StationCallHandler;
import dev.csms.runtime.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Stores the device model a 2.x station reports (NotifyReport, one part of a report after GetBaseReport; parts are
 * numbered by {@code seqNo} and {@code tbc} says more follow) and answers it with an empty answer, in one
 * transaction. A part already stored (same station, requestId, seqNo: a redelivery or the station's resend) is
 * answered again but not stored twice; a part of a station not in the registry (deleted) is only answered.
 */
@ApplicationScoped
public class NotifyReportHandler implements StationCallHandler<RawStationMessage> {

    private final DeviceModel model;
    private final Outbox outbox;
    private final StationRecords records;
    private final Clock clock;

    NotifyReportHandler(DeviceModel model, Outbox outbox, StationRecords records, Clock clock) {
        this.model = model;
        this.outbox = outbox;
        this.records = records;
        this.clock = clock;
    }

    @Override
    public Class<RawStationMessage> eventClass() {
        return RawStationMessage.class;
    }

    @Override
    public Optional<String> rawAction() {
        return Optional.of("NotifyReport");
    }

    @Override
    public Uni<Void> handle(EventEnvelope<StationCall> envelope, RawStationMessage event) {
        StationCall call = envelope.data();
        JsonNode payload = event.payload();
        int requestId = payload.path("requestId").asInt();
        int seqNo = payload.path("seqNo").asInt();
        return Panache.withTransaction(() -> Counts.count(Station.class, "id = ?1", call.stationId())
                .chain(stations -> stations == 0 ? Uni.createFrom().item(1L)
                        : Counts.count(DeviceModelReport.class, "stationId = ?1 and requestId = ?2 and seqNo = ?3",
                                call.stationId(), requestId, seqNo))
                .chain(seen -> seen > 0 ? Uni.createFrom().voidItem() : store(call, payload, requestId, seqNo))
                .chain(() -> outbox.enqueue(records.answer(CallAnswer.of(call, envelope.id(), new EmptyAnswer())))));
    }

    private Uni<Void> store(StationCall call, JsonNode payload, int requestId, int seqNo) {
        JsonNode data = payload.path("reportData");
        DeviceModelReport part = new DeviceModelReport();
        part.stationId = call.stationId();
        part.requestId = requestId;
        part.seqNo = seqNo;
        part.tbc = payload.path("tbc").asBoolean(false);
        part.generatedAt = instant(payload.path("generatedAt").asText(null));
        part.entries = data.isArray() ? data.size() : 0;
        part.receivedAt = call.receivedAt() == null ? clock.instant() : call.receivedAt();
        return part.persist().chain(() -> model.putReport(call.stationId(), data));
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null; // the gateway validated the payload; an odd offset form is not worth failing the call
        }
    }
}
