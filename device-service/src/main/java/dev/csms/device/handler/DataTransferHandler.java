package dev.csms.device.handler;

import dev.csms.device.config.DeviceConfig;
import dev.csms.device.service.StationRecords;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.device.DataTransferReceived;
import dev.csms.events.ocpp.CallAnswer;
import dev.csms.events.ocpp.StationCall;
import dev.csms.ocpp.canonical.CsmsAnswer.DataTransferAnswer;
import dev.csms.ocpp.canonical.DataTransferStatus;
import dev.csms.ocpp.canonical.StationEvent.DataTransfer;
import dev.csms.runtime.inbound.StationCallHandler;
import dev.csms.runtime.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Answers a station's DataTransfer: a vendor id of {@code csms.device.data-transfer.vendor-ids} (compared
 * case-insensitively, like OCPP's CiString) is Accepted and published as {@link DataTransferReceived} on
 * {@code device.stations}, in the same transaction as the answer; any other gets UnknownVendorId and publishes
 * nothing. A redelivered call is answered and published again (same {@code callEventId}).
 */
@ApplicationScoped
public class DataTransferHandler implements StationCallHandler<DataTransfer> {

    private final Outbox outbox;
    private final StationRecords records;
    private final Set<String> vendorIds;

    DataTransferHandler(Outbox outbox, StationRecords records, DeviceConfig config) {
        this.outbox = outbox;
        this.records = records;
        this.vendorIds = config.dataTransfer().vendorIds().orElse(Set.of()).stream()
                .map(id -> id.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Class<DataTransfer> eventClass() {
        return DataTransfer.class;
    }

    @Override
    public Uni<Void> handle(EventEnvelope<StationCall> envelope, DataTransfer event) {
        StationCall call = envelope.data();
        boolean known = vendorIds.contains(event.vendorId().toLowerCase(Locale.ROOT));
        DataTransferAnswer answer = new DataTransferAnswer(
                known ? DataTransferStatus.Accepted : DataTransferStatus.UnknownVendorId, null, null);
        return Panache.withTransaction(() -> (known
                ? outbox.enqueue(records.dataTransfer(new DataTransferReceived(call.stationId(), envelope.id(),
                        call.ocppVersion(), event.vendorId(), event.messageId(), event.data(), call.receivedAt())))
                : Uni.createFrom().voidItem())
                .chain(() -> outbox.enqueue(records.answer(CallAnswer.of(call, envelope.id(), answer)))));
    }
}
