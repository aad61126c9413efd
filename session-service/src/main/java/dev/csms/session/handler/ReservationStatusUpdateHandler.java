package dev.csms.session.handler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.CallAnswer;
import dev.csms.events.ocpp.StationCall;
import dev.csms.ocpp.canonical.CsmsAnswer.EmptyAnswer;
import dev.csms.ocpp.canonical.StationEvent.RawStationMessage;
import dev.csms.runtime.inbound.StationCallHandler;
import dev.csms.runtime.outbox.Outbox;
import dev.csms.session.reservation.Reservations;
import dev.csms.session.service.SessionRecords;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * ReservationStatusUpdate (2.x; the canonical model carries it raw): Expired expires the reservation, Removed
 * cancels it. Answered with the empty response, in the same transaction as the change (outbox).
 */
@ApplicationScoped
public class ReservationStatusUpdateHandler implements StationCallHandler<RawStationMessage> {

    private static final Logger LOG = Logger.getLogger(ReservationStatusUpdateHandler.class);

    private final Reservations reservations;
    private final SessionRecords records;
    private final Outbox outbox;

    ReservationStatusUpdateHandler(Reservations reservations, SessionRecords records, Outbox outbox) {
        this.reservations = reservations;
        this.records = records;
        this.outbox = outbox;
    }

    @Override
    public Class<RawStationMessage> eventClass() {
        return RawStationMessage.class;
    }

    @Override
    public Optional<String> rawAction() {
        return Optional.of("ReservationStatusUpdate");
    }

    @Override
    public Uni<Void> handle(EventEnvelope<StationCall> call, RawStationMessage event) {
        JsonNode id = event.payload().path("reservationId");
        String update = event.payload().path("reservationUpdateStatus").asText(null);
        return Panache.withTransaction(() -> {
            Uni<Void> applied;
            if (!id.canConvertToInt() || update == null) {
                // the gateway validated the payload against the schema; this is only a guard
                LOG.warnf("ReservationStatusUpdate of %s without reservationId or status: %s",
                        call.data().stationId(), event.payload());
                applied = Uni.createFrom().voidItem();
            } else {
                applied = reservations.stationUpdate(call.data().stationId(), id.asInt(), update);
            }
            return applied.chain(() -> call.data().answerDeadline() == null ? Uni.createFrom().voidItem()
                    : outbox.enqueue(records.answer(CallAnswer.of(call.data(), call.id(), new EmptyAnswer()))));
        });
    }
}
