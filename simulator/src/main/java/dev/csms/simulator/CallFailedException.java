package dev.csms.simulator;

import dev.csms.simulator.connection.CallFailure;

/** A station CALL made through {@link SimulatedStation#call} got no CALLRESULT. */
public final class CallFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient CallFailure failure;

    /** For a failure. */
    public CallFailedException(String action, CallFailure failure) {
        super(action + ": " + failure);
        this.failure = failure;
    }

    /** Why the CALL failed. */
    public CallFailure failure() {
        return failure;
    }
}
