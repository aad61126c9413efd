package dev.csms.gateway.rest;

import dev.csms.gateway.Gateway;
import dev.csms.gateway.ws.StationConnection;
import dev.csms.runtime.problem.ProblemException;
import dev.csms.runtime.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The read-only operator view of this replica's connections (each replica answers for its own; the platform-wide
 * view is {@code ocpp.presence}). Viewer or operator role; errors are problem+json.
 */
@Path("/api/v1/connections")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.VIEWER})
public class ConnectionsResource {

    private final Gateway gateway;

    ConnectionsResource(Gateway gateway) {
        this.gateway = gateway;
    }

    /** One connection. */
    public record ConnectionView(String stationId, String ocppVersion, int securityProfile, long connectionEpoch,
            Instant connectedAt, String remoteAddress, boolean pendingRegistration) {
        static ConnectionView of(StationConnection connection) {
            return new ConnectionView(connection.stationId(), connection.version().label(),
                    connection.securityProfile(), connection.epoch(), connection.connectedAt(),
                    connection.remoteAddress(), connection.pendingRegistration());
        }
    }

    /**
     * A page of connections in station id order.
     *
     * @param gatewayId the replica answering
     * @param total     connections this replica holds
     * @param items     this page
     * @param next      the {@code after} value of the next page; null on the last page
     */
    public record ConnectionPage(String gatewayId, int total, List<ConnectionView> items, String next) {
    }

    /**
     * Lists connections, sorted by station id.
     *
     * @param limit at most this many (1 to 1000)
     * @param after only stations whose id sorts after this one (the {@code next} of the previous page)
     */
    @GET
    public ConnectionPage list(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
            @QueryParam("after") String after) {
        List<StationConnection> sorted = gateway.connections().all().stream()
                .filter(connection -> after == null || connection.stationId().compareTo(after) > 0)
                .sorted(Comparator.comparing(StationConnection::stationId))
                .limit(limit + 1L)
                .toList();
        List<ConnectionView> items = sorted.stream().limit(limit).map(ConnectionView::of).toList();
        String next = sorted.size() > limit ? items.get(items.size() - 1).stationId() : null;
        return new ConnectionPage(gateway.id(), gateway.connections().size(), items, next);
    }

    /** One station's connection on this replica; 404 when this replica does not hold it. */
    @GET
    @Path("/{stationId}")
    public ConnectionView get(@PathParam("stationId") String stationId) {
        return gateway.connections().get(stationId).map(ConnectionView::of).orElseThrow(() ->
                ProblemException.notFound("station " + stationId + " is not connected to gateway " + gateway.id()));
    }
}
