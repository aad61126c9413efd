package dev.csms.runtime.inbound;

import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.CommandResult;
import io.smallrye.mutiny.Uni;

/**
 * Receives every {@link CommandResult} on {@code ocpp.inbound} (of every service's commands: a handler ignores the
 * command ids it does not know). Zero or more CDI beans; {@link InboundDispatcher} calls each of them, one after the
 * other, ordered by class name. Delivery is at least once: a handler is idempotent, and a failed {@code Uni} is
 * retried with backoff while the partition waits.
 */
public interface CommandResultHandler {

    /** Handles one command result. */
    Uni<Void> handle(EventEnvelope<CommandResult> result);
}
