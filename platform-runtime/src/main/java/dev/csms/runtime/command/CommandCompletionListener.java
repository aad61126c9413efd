package dev.csms.runtime.command;

import io.smallrye.mutiny.Uni;

/**
 * Domain code that reacts when a recorded command completes (a reservation confirmed, a firmware campaign step, a
 * local-list version applied). Implement it as an {@code @ApplicationScoped} bean; {@link CommandLedger} finds every
 * implementation and calls them one after the other, in the same reactive transaction that completed the command.
 *
 * <p>Contract:
 * <ul>
 * <li>Called exactly once per command, with the completed record (status no longer Pending), whether the result came
 * from the gateway ({@link CommandLedger#onResult}) or from the sweep (Timeout, "no result received").</li>
 * <li>Every listener sees every completion: select by {@link CommandRecord#kind()} and ignore the others quickly.</li>
 * <li>Runs inside the transaction, on the caller's Vert.x context: use the current Panache session
 * ({@code Panache.getSession()}, entities, {@code Outbox.enqueue}); never block, never open another transaction.</li>
 * <li>A failure rolls the whole completion back: the command stays Pending and {@code onResult} fails with the
 * listener's failure (the consumer's failure strategy decides whether the result is read again). A command that
 * never completes is marked Timeout by the sweep after deadline + result-grace, which calls the listeners again; a
 * listener that keeps failing is retried on every sweep.</li>
 * </ul>
 */
public interface CommandCompletionListener {

    Uni<Void> completed(CommandRecord record);
}
