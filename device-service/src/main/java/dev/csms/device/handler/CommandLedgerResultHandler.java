package dev.csms.device.handler;

import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.CommandResult;
import dev.csms.runtime.command.CommandLedger;
import dev.csms.runtime.inbound.CommandResultHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Completes device-service's ledger commands from their results on {@code ocpp.inbound}; the domain reactions
 * (configuration results, certificates) are {@code CommandCompletionListener}s that run in the same transaction.
 * Results of other services' commands, and redelivered ones, change nothing.
 */
@ApplicationScoped
public class CommandLedgerResultHandler implements CommandResultHandler {

    private final CommandLedger ledger;

    CommandLedgerResultHandler(CommandLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Uni<Void> handle(EventEnvelope<CommandResult> result) {
        return ledger.onResult(result).replaceWithVoid();
    }
}
