package dev.csms.simulator.connection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.rpc.RpcErrorCode;
import java.util.Objects;

/**
 * A station's answer to a CSMS CALL: a CALLRESULT payload plus what to do once it is sent (start the session,
 * reboot, send the triggered message, ...), or a CALLERROR.
 */
public sealed interface Reply {

    /** Nothing to do after the answer. */
    Runnable NOTHING = () -> { };

    /** A CALLRESULT. */
    static Reply result(ObjectNode payload) {
        return new Result(payload, NOTHING);
    }

    /** A CALLRESULT, then {@code afterSent} (on the station's event loop, after the frame was written). */
    static Reply result(ObjectNode payload, Runnable afterSent) {
        return new Result(payload, afterSent);
    }

    /** A CALLERROR. */
    static Reply error(RpcErrorCode code, String description) {
        return new Error(code, description);
    }

    /**
     * A CALLRESULT.
     *
     * @param payload   the response payload
     * @param afterSent what the station does once the answer is out
     */
    record Result(ObjectNode payload, Runnable afterSent) implements Reply {
        /** Rejects nulls. */
        public Result {
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(afterSent, "afterSent");
        }
    }

    /**
     * A CALLERROR.
     *
     * @param code        the error code
     * @param description what is wrong
     */
    record Error(RpcErrorCode code, String description) implements Reply {
        /** Rejects a missing code. */
        public Error {
            Objects.requireNonNull(code, "code");
            description = description == null ? "" : description;
        }
    }
}
