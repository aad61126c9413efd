package dev.csms.session.handler;

import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.CommandResult;
import dev.csms.runtime.command.CommandLedger;
import dev.csms.runtime.inbound.CommandResultHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hands every {@code CommandResult} to the durable {@link CommandLedger}: it completes this service's commands once
 * (ignoring other services' results and redeliveries) and calls the {@code CommandCompletionListener}s in the same
 * transaction.
 */
@ApplicationScoped
public class CommandResults implements CommandResultHandler {

    private final CommandLedger ledger;

    CommandResults(CommandLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Uni<Void> handle(EventEnvelope<CommandResult> result) {
        return ledger.onResult(result).replaceWithVoid();
    }
}
