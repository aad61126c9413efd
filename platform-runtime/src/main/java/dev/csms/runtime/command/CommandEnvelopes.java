package dev.csms.runtime.command;

import dev.csms.events.EventTypes;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.Command;
import dev.csms.ocpp.canonical.StationCommand;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The {@code Command} envelope, built the same way by {@link CommandClient} and {@link CommandLedger}. */
final class CommandEnvelopes {

    private CommandEnvelopes() {
    }

    /** The CloudEvents source of this replica's commands: {@code /csms/<origin>/<HOSTNAME or a random id>}. */
    static String source(String origin) {
        String replica = Optional.ofNullable(System.getenv("HOSTNAME")).filter(h -> !h.isBlank())
                .orElseGet(() -> UUID.randomUUID().toString().substring(0, 8));
        return "/csms/" + origin + "/" + replica;
    }

    static EventEnvelope<Command> command(String source, String origin, String commandId, String stationId,
            StationCommand command, Instant issuedAt, Instant deadline, Clock clock) {
        return EventEnvelope.create(EventTypes.COMMAND, source, stationId,
                new Command(commandId, stationId, deadline, origin, command, issuedAt), clock);
    }

    /** The action a command is recorded under: the canonical variant's name, or a raw command's own action. */
    static String action(StationCommand command) {
        return command instanceof StationCommand.RawCommand raw ? raw.action() : command.getClass().getSimpleName();
    }
}
