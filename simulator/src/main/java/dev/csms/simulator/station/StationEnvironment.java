package dev.csms.simulator.station;

import dev.csms.simulator.SimulatedStation;
import dev.csms.simulator.StationConfig;
import dev.csms.simulator.StationListener;
import dev.csms.simulator.connection.RpcChannel;
import dev.csms.simulator.stats.SimulatorStats;
import dev.csms.simulator.time.SimClock;
import io.vertx.core.Future;
import io.vertx.core.http.WebSocket;

/** What the fleet gives each of its stations: clock, statistics, listener, codec and validator, connections. */
public interface StationEnvironment {

    /** The clock. */
    SimClock clock();

    /** The fleet's statistics. */
    SimulatorStats stats();

    /** The fleet's listener. */
    StationListener listener();

    /** Codec, validator and statistics for the station's channel. */
    RpcChannel.Shared channel();

    /** The seed of the fleet's random choices. */
    long seed();

    /**
     * Opens the station's WebSocket; called on the station's event loop, so that the socket's handlers run there.
     *
     * @param station the station
     * @param config  its configuration (id, version, credentials)
     * @param index   its position in the fleet (to spread it over local addresses)
     */
    Future<WebSocket> connect(SimulatedStation station, StationConfig config, int index);
}
