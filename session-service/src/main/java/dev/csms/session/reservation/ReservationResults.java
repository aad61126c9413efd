package dev.csms.session.reservation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.events.sessions.ReservationStatus;
import dev.csms.runtime.command.CommandCompletionListener;
import dev.csms.runtime.command.CommandRecord;
import dev.csms.runtime.command.CommandStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * The completions of reservation commands (ledger kind {@value Reservations#KIND}). ReserveNow: Accepted makes the
 * Requested reservation Active; any other answer (Faulted, Occupied, Rejected, Unavailable), a CALLERROR, a timeout
 * or another gateway outcome makes it Rejected. CancelReservation: Accepted cancels a live reservation; a Rejected
 * cancel (the station has no such reservation) changes nothing, its result shows at {@code /api/v1/commands/{id}}.
 * Runs in the ledger's completing transaction; the ledger completes a command once.
 */
@ApplicationScoped
public class ReservationResults implements CommandCompletionListener {

    private final Reservations reservations;

    ReservationResults(Reservations reservations) {
        this.reservations = reservations;
    }

    @Override
    public Uni<Void> completed(CommandRecord record) {
        if (!Reservations.KIND.equals(record.kind()) || record.reference() == null) {
            return Uni.createFrom().voidItem();
        }
        int id = Integer.parseInt(record.reference());
        return Reservation.<Reservation>findById(id, LockModeType.PESSIMISTIC_WRITE).chain(r -> {
            if (r == null || !r.live()) {
                return Uni.createFrom().voidItem();
            }
            if ("ReserveNow".equals(record.action()) && r.status == ReservationStatus.Requested
                    && record.commandId().equals(r.commandId)) {
                return record.accepted() ? reservations.change(r, ReservationStatus.Active, null)
                        : reservations.change(r, ReservationStatus.Rejected, reasonOf(record));
            }
            if ("CancelReservation".equals(record.action()) && record.accepted()) {
                return reservations.change(r, ReservationStatus.Cancelled, null);
            }
            return Uni.createFrom().voidItem();
        });
    }

    /** The station's status when it answered, else the outcome (CallError with its code, Timeout, ...). */
    private static String reasonOf(CommandRecord record) {
        if (record.status() == CommandStatus.Answered) {
            JsonNode status = record.response() == null ? null : record.response().path("status");
            return status == null || status.isMissingNode() || status.isNull() ? "Answered" : status.asText();
        }
        return record.errorCode() != null ? record.status() + ": " + record.errorCode() : record.status().name();
    }
}
