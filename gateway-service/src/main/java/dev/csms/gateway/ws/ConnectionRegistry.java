package dev.csms.gateway.ws;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** This replica's current connection per station. Thread-safe; connections are added and removed on their own context. */
public final class ConnectionRegistry {

    private final Map<String, StationConnection> byStation = new ConcurrentHashMap<>();

    /**
     * Makes a connection the station's current one, unless the station already has a newer one (two connections
     * of a station upgrading at once on different event loops may register in either order: the greater epoch
     * wins).
     *
     * @return the connection that lost (the previous one, or the given one), to be closed as superseded; empty
     *         when the station had none
     */
    public Optional<StationConnection> register(StationConnection connection) {
        StationConnection[] loser = new StationConnection[1];
        byStation.compute(connection.stationId(), (id, current) -> {
            if (current == null) {
                return connection;
            }
            if (current.epoch() > connection.epoch()) {
                loser[0] = connection;
                return current;
            }
            loser[0] = current;
            return connection;
        });
        return Optional.ofNullable(loser[0]);
    }

    /** Removes a connection if it is still the station's current one; true when it was. */
    public boolean remove(StationConnection connection) {
        return byStation.remove(connection.stationId(), connection);
    }

    /** The station's current connection on this replica. */
    public Optional<StationConnection> get(String stationId) {
        return Optional.ofNullable(byStation.get(stationId));
    }

    /** Whether this connection is its station's current one. */
    public boolean isCurrent(StationConnection connection) {
        return byStation.get(connection.stationId()) == connection;
    }

    /** A live view of every current connection. */
    public Collection<StationConnection> all() {
        return byStation.values();
    }

    public int size() {
        return byStation.size();
    }
}
