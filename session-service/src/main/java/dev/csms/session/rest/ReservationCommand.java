package dev.csms.session.rest;

/**
 * A ReserveNow or CancelReservation sent to a station; {@code GET /api/v1/commands/{commandId}} shows its result,
 * {@code GET /api/v1/reservations/{reservationId}} the reservation.
 *
 * @param commandId     the command's id in the command ledger
 * @param reservationId the reservation
 * @param stationId     the station
 */
public record ReservationCommand(String commandId, int reservationId, String stationId) {
}
