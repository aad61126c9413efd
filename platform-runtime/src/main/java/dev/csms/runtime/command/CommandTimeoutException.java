package dev.csms.runtime.command;

import java.time.Duration;
import java.time.Instant;

/** No result of a command arrived by its deadline plus the grace: the gateway or Kafka did not answer in time. */
public class CommandTimeoutException extends RuntimeException {

    private final String commandId;
    private final String stationId;

    public CommandTimeoutException(String commandId, String stationId, Instant deadline, Duration grace) {
        super("no result for command " + commandId + " to station " + stationId + " by its deadline " + deadline
                + " plus " + grace);
        this.commandId = commandId;
        this.stationId = stationId;
    }

    public String commandId() {
        return commandId;
    }

    public String stationId() {
        return stationId;
    }
}
