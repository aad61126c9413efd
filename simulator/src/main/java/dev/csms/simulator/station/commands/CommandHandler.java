package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.StationRuntime;
import java.util.Set;

/**
 * Answers one CSMS-initiated action the way a real station would, for every version that has it (the payload
 * shapes of 1.6 and 2.x differ inside the handler). Where 1.6 and 2.x name the same action differently
 * (RemoteStartTransaction / RequestStartTransaction) one handler answers both names.
 *
 * <p>Handlers run on the station's event loop with a payload already valid against the action's schema. They
 * may change the station's state directly: whatever the station sends because of it goes out after the answer.
 */
public interface CommandHandler {

    /** The action names this handler answers in a version (empty if the version has none of them). */
    Set<String> actions(OcppVersion version);

    /**
     * Answers a CALL.
     *
     * @param station the station
     * @param action  the action name (one of {@link #actions})
     * @param request the request payload
     * @return the CALLRESULT (and what follows it) or a CALLERROR
     */
    Reply handle(StationRuntime station, String action, ObjectNode request);

    /**
     * The action name of a version: {@code v16} in 1.6, {@code v2} in 2.0.1 and 2.1; null means the version has
     * no such action.
     */
    static Set<String> named(OcppVersion version, String v16, String v2) {
        String name = version.isTwoX() ? v2 : v16;
        return name == null ? Set.of() : Set.of(name);
    }
}
