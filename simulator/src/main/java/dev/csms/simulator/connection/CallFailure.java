package dev.csms.simulator.connection;

import java.util.Objects;

/**
 * Why a station CALL got no CALLRESULT.
 *
 * @param reason      what happened
 * @param errorCode   the CALLERROR's code, for {@link Reason#CALL_ERROR}
 * @param description the CALLERROR's description or what else went wrong
 */
public record CallFailure(Reason reason, String errorCode, String description) {

    /** Why a CALL failed. */
    public enum Reason {
        /** The CSMS answered with a CALLERROR. */
        CALL_ERROR,
        /** No answer within the call timeout. */
        TIMEOUT,
        /** The station was off line (or went off line before the answer came). */
        OFFLINE,
        /** Given up: queue full, or every attempt failed. */
        DROPPED
    }

    /** Rejects a missing reason. */
    public CallFailure {
        Objects.requireNonNull(reason, "reason");
        errorCode = errorCode == null ? "" : errorCode;
        description = description == null ? "" : description;
    }

    @Override
    public String toString() {
        return reason + (errorCode.isEmpty() ? "" : " " + errorCode) + (description.isEmpty() ? "" : ": " + description);
    }
}
