package dev.csms.simulator.scenario;

/** A scenario that cannot be run, with a message that names the file, the place and what is wrong. */
public final class ScenarioException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With a message. */
    public ScenarioException(String message) {
        super(message);
    }

    /** With a message and the cause. */
    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
