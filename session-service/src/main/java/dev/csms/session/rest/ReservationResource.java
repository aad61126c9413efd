package dev.csms.session.rest;

import dev.csms.runtime.security.Roles;
import dev.csms.session.reservation.Reservations;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;

/**
 * Reservations: make one (ReserveNow), read them, cancel one (CancelReservation). Making and cancelling answer 202
 * with the command; its result shows at {@code /api/v1/commands/{id}}, the reservation's state here.
 */
@Path("/api/v1/reservations")
@Produces(MediaType.APPLICATION_JSON)
public class ReservationResource {

    private final Reservations reservations;

    ReservationResource(Reservations reservations) {
        this.reservations = reservations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> reserve(@Valid @NotNull ReservationRequest request, @Context SecurityContext security) {
        return accepted(reservations.reserve(request, principal(security)));
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.VIEWER })
    public Uni<ReservationPage> search(@Valid @BeanParam ReservationQuery query) {
        return reservations.search(query);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.OPERATOR, Roles.VIEWER })
    public Uni<ReservationView> get(@PathParam("id") String id) {
        return reservations.get(id);
    }

    /** CancelReservation; the reservation is Cancelled once the station accepts. */
    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> cancel(@PathParam("id") String id, @Context SecurityContext security) {
        return accepted(reservations.cancel(id, principal(security)));
    }

    private static Uni<Response> accepted(Uni<ReservationCommand> sent) {
        return sent.map(command -> Response.accepted(command)
                .location(URI.create("/api/v1/commands/" + command.commandId())).build());
    }

    private static String principal(SecurityContext security) {
        return security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
    }
}
