package dev.csms.runtime.command;

import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.CommandResult;
import dev.csms.runtime.inbound.CommandResultHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hands every {@code CommandResult} a service's {@code ocpp.inbound} consumer routes ({@code InboundDispatcher})
 * to the durable {@link CommandLedger}: it completes this service's commands once (other services' results and
 * redeliveries change nothing) and calls the {@link CommandCompletionListener}s in the same transaction, where the
 * domain reactions live. Every service that sends commands through the ledger gets it; the gateway excludes it with
 * the ledger.
 */
@ApplicationScoped
public class LedgerResultHandler implements CommandResultHandler {

    private final CommandLedger ledger;

    LedgerResultHandler(CommandLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Uni<Void> handle(EventEnvelope<CommandResult> result) {
        return ledger.onResult(result).replaceWithVoid();
    }
}
