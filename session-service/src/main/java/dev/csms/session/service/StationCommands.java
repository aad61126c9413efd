package dev.csms.session.service;

import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.Command;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.runtime.outbox.Outbox;
import dev.csms.runtime.outbox.OutboxRecord;
import dev.csms.session.config.SessionConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Sends commands to stations: a {@code csms.ocpp.Command.v1} on {@code ocpp.outbound} written to the outbox in the
 * caller's transaction, so the command leaves only if the state that expects its result commits. Its
 * {@code CommandResult} comes back on {@code ocpp.inbound} to the {@link dev.csms.runtime.inbound.CommandResultHandler}s. The one place to
 * switch to the platform's durable command ledger once it exists.
 */
@ApplicationScoped
public class StationCommands {

    private final EventCodec codec = new EventCodec();
    private final Outbox outbox;
    private final Topics topics;
    private final Clock clock;
    private final SessionConfig config;

    StationCommands(Outbox outbox, Topics topics, Clock clock, SessionConfig config) {
        this.outbox = outbox;
        this.topics = topics;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Enqueues the command in the current transaction.
     *
     * @param commandId the id chosen by the caller (it records it before the result can arrive)
     * @param deadline  how long the gateway may take to deliver it and get the answer
     */
    public Uni<Void> send(UUID commandId, String stationId, StationCommand command, Duration deadline) {
        Instant now = clock.instant();
        Command data = new Command(commandId.toString(), stationId, now.plus(deadline), config.commandOrigin(), command,
                now);
        return outbox.enqueue(OutboxRecord.from(codec.toRecord(topics.outbound(),
                EventEnvelope.create(EventTypes.COMMAND, config.eventSource(), stationId, data, clock))));
    }
}
