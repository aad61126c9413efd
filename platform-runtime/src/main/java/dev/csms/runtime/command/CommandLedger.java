package dev.csms.runtime.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.cloudevents.EventJson;
import dev.csms.events.ocpp.Command;
import dev.csms.events.ocpp.CommandResult;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.runtime.outbox.Outbox;
import dev.csms.runtime.outbox.OutboxRecord;
import dev.csms.runtime.presence.PresenceConfig;
import dev.csms.runtime.presence.PresenceView;
import dev.csms.runtime.problem.ProblemException;
import dev.csms.runtime.problem.ProblemTypes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Durable commands: records every command a service sends to a station in {@code csms_command} and keeps the row
 * until, and after, its result. The row and the Command event are written in one transaction (the event through
 * the {@link Outbox}), so a command is sent if and only if it is recorded. Results come in through
 * {@link #onResult}, which the service's own {@code ocpp.inbound} consumer calls; a command whose result never
 * arrives is marked Timeout by the sweep ({@link CommandSweep}). Each completion is handed to every
 * {@link CommandCompletionListener} in the completing transaction.
 *
 * <p>Every method returns a {@link Uni} that must run on a Vert.x context (a REST call, a Reactive Messaging
 * consumer, a {@code VertxContextSupport} call), like any Hibernate Reactive code.
 */
@ApplicationScoped
public class CommandLedger {

    private static final Logger LOG = Logger.getLogger(CommandLedger.class);
    static final String NO_RESULT = "no result received";
    private static final String COLUMNS_AS_JSON = "select cast(to_jsonb(c) as text) from csms_command c ";
    private static final String INSERT = "insert into csms_command (command_id, station_id, action, kind, reference, "
            + "request, requested_by, status, created_at, deadline) values (:id, :station, :action, :kind, :reference, "
            + "cast(cast(:request as text) as jsonb), :requestedBy, 'Pending', cast(cast(:createdAt as text) as timestamptz), "
            + "cast(cast(:deadline as text) as timestamptz))";
    // Only a Pending row changes, so a redelivered result, or a result racing the sweep, completes a command once.
    private static final String COMPLETE = "update csms_command set status = :status, "
            + "response = cast(cast(:response as text) as jsonb), error_code = :errorCode, "
            + "error_description = :errorDescription, completed_at = cast(cast(:completedAt as text) as timestamptz) "
            + "where command_id = :id and status = 'Pending'";

    private final CommandConfig config;
    private final Outbox outbox;
    private final Topics topics;
    private final PresenceConfig presenceConfig;
    private final PresenceView presence;
    private final Clock clock;
    private final Instance<CommandCompletionListener> listeners;
    private final EventCodec codec = new EventCodec();
    private final ObjectMapper json = EventJson.mapper();
    private final String source;

    CommandLedger(CommandConfig config, Outbox outbox, Topics topics, PresenceConfig presenceConfig,
            PresenceView presence, Clock clock, @Any Instance<CommandCompletionListener> listeners) {
        this.config = config;
        this.outbox = outbox;
        this.topics = topics;
        this.presenceConfig = presenceConfig;
        this.presence = presence;
        this.clock = clock;
        this.listeners = listeners;
        this.source = CommandEnvelopes.source(config.origin());
    }

    /**
     * Records the command as Pending and enqueues its Command event (on {@code ocpp.outbound}, key = station id) in
     * the caller's current transaction ({@code @WithTransaction} or {@code Panache.withTransaction}): if that
     * transaction rolls back, there is neither row nor command.
     *
     * @return the recorded command (status Pending)
     * @throws ProblemException (as the Uni's failure) 409 of type {@link ProblemTypes#STATION_OFFLINE} when
     *         presence is required and the station is not connected
     * @throws IllegalStateException (as the Uni's failure) outside a reactive transaction
     */
    public Uni<CommandRecord> submit(CommandRequest request) {
        Objects.requireNonNull(request, "request");
        return Panache.currentTransaction().flatMap(tx -> {
            if (tx == null) {
                return Uni.createFrom().failure(new IllegalStateException(
                        "CommandLedger.submit must run inside a reactive transaction (@WithTransaction or "
                                + "Panache.withTransaction); submitNow opens one"));
            }
            if (isOffline(request.stationId())) {
                return Uni.createFrom().failure(new ProblemException(ProblemTypes.STATION_OFFLINE, 409,
                        "Station offline", "Station " + request.stationId() + " is not connected"));
            }
            return Panache.getSession().flatMap(session -> insert(session, request));
        });
    }

    /** {@link #submit} in a transaction of its own (or in the caller's, when one is open). */
    public Uni<CommandRecord> submitNow(CommandRequest request) {
        return Panache.withTransaction(() -> submit(request));
    }

    /**
     * Completes the command of a result, once. Call it for every {@code CommandResult} read from
     * {@code ocpp.inbound}: results of other services' commands are ignored. Runs in the caller's transaction when
     * one is open, else in its own; the {@link CommandCompletionListener}s run in that transaction, after the update.
     *
     * @return the completed record; empty when the command is not in this ledger or was already completed (a
     *         redelivered result, or the sweep was first)
     */
    public Uni<Optional<CommandRecord>> onResult(EventEnvelope<CommandResult> result) {
        CommandResult data = result.data();
        String errorCode = data.error() == null ? null : data.error().errorCode();
        String errorDescription = data.error() != null ? blankToNull(data.error().errorDescription()) : data.detail();
        JsonNode response = data.response() == null ? null : json.valueToTree(data.response());
        return Panache.withTransaction(() -> complete(data.commandId(), CommandStatus.of(data.outcome()), response,
                errorCode, errorDescription, data.completedAt()));
    }

    /** The command, if this ledger has it. */
    public Uni<Optional<CommandRecord>> find(String commandId) {
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> select(session, commandId)));
    }

    /** The station's most recent commands, newest first. */
    public Uni<List<CommandRecord>> forStation(String stationId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session
                .createNativeQuery(COLUMNS_AS_JSON + "where c.station_id = :station "
                        + "order by c.created_at desc, c.command_id limit :limit", String.class)
                .setParameter("station", stationId).setParameter("limit", limit)
                .getResultList()))
                .map(rows -> rows.stream().map(this::read).toList());
    }

    /** The commands of one kind that name the reference, oldest first. */
    public Uni<List<CommandRecord>> byReference(String kind, String reference) {
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session
                .createNativeQuery(COLUMNS_AS_JSON + "where c.kind = :kind and c.reference = :reference "
                        + "order by c.created_at, c.command_id", String.class)
                .setParameter("kind", kind).setParameter("reference", reference)
                .getResultList()))
                .map(rows -> rows.stream().map(this::read).toList());
    }

    /**
     * Marks Timeout ("no result received") the Pending commands whose deadline + result-grace has passed, at most
     * {@code csms.commands.sweep-batch-size}, each in a transaction of its own with its listeners. A command whose
     * completion fails (a listener failed) is logged and left Pending for the next sweep.
     *
     * @return how many commands this sweep completed
     */
    public Uni<Integer> sweep() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(config.resultGrace());
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session
                .createNativeQuery("select command_id from csms_command where status = 'Pending' "
                        + "and deadline < cast(cast(:cutoff as text) as timestamptz) order by deadline limit :limit",
                        String.class)
                .setParameter("cutoff", cutoff.toString()).setParameter("limit", config.sweepBatchSize())
                .getResultList()))
                .flatMap(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(id -> Panache.withTransaction(
                                () -> complete(id, CommandStatus.Timeout, null, null, NO_RESULT, now))
                                .onFailure().recoverWithItem(failure -> {
                                    LOG.warnf(failure, "Could not time out command %s; the next sweep retries", id);
                                    return Optional.<CommandRecord>empty();
                                }))
                        .filter(Optional::isPresent)
                        .collect().asList()
                        .map(List::size));
    }

    private Uni<CommandRecord> insert(Mutiny.Session session, CommandRequest request) {
        // The database keeps microseconds: the returned record equals what find() reads back.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Duration timeout = request.timeout() != null ? request.timeout() : config.defaultTimeout();
        Instant deadline = now.plus(timeout).truncatedTo(ChronoUnit.MICROS);
        String commandId = UUID.randomUUID().toString();
        JsonNode requestJson = toJson(request.command());
        String action = CommandEnvelopes.action(request.command());
        CommandRecord record = new CommandRecord(commandId, request.stationId(), action, request.kind(),
                request.reference(), requestJson, request.requestedBy(), CommandStatus.Pending, null, null, null, now,
                deadline, null);
        EventEnvelope<Command> envelope = CommandEnvelopes.command(source, config.origin(), commandId,
                request.stationId(), request.command(), now, deadline, clock);
        return session.createNativeQuery(INSERT)
                .setParameter("id", commandId)
                .setParameter("station", request.stationId())
                .setParameter("action", action)
                .setParameter("kind", request.kind())
                .setParameter("reference", request.reference())
                .setParameter("request", requestJson.toString())
                .setParameter("requestedBy", request.requestedBy())
                .setParameter("createdAt", now.toString())
                .setParameter("deadline", deadline.toString())
                .executeUpdate()
                .chain(() -> outbox.enqueue(session, OutboxRecord.from(codec.toRecord(topics.outbound(), envelope))))
                .replaceWith(record);
    }

    private Uni<Optional<CommandRecord>> complete(String commandId, CommandStatus status, JsonNode response,
            String errorCode, String errorDescription, Instant completedAt) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(COMPLETE)
                .setParameter("id", commandId)
                .setParameter("status", status.name())
                .setParameter("response", response == null ? null : response.toString())
                .setParameter("errorCode", errorCode)
                .setParameter("errorDescription", errorDescription)
                .setParameter("completedAt", completedAt.toString())
                .executeUpdate()
                .flatMap(updated -> updated == 0 ? Uni.createFrom().item(Optional.<CommandRecord>empty())
                        : select(session, commandId).call(completed -> notifyListeners(completed.orElseThrow()))));
    }

    private Uni<Void> notifyListeners(CommandRecord record) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (CommandCompletionListener listener : listeners) {
            chain = chain.chain(() -> Objects.requireNonNullElseGet(listener.completed(record),
                    () -> Uni.createFrom().voidItem()));
        }
        return chain;
    }

    private Uni<Optional<CommandRecord>> select(Mutiny.Session session, String commandId) {
        return session.createNativeQuery(COLUMNS_AS_JSON + "where c.command_id = :id", String.class)
                .setParameter("id", commandId)
                .getResultList()
                .map(rows -> rows.stream().findFirst().map(this::read));
    }

    private boolean isOffline(String stationId) {
        return config.requirePresence() && presenceConfig.enabled() && !presence.isConnected(stationId);
    }

    private JsonNode toJson(StationCommand command) {
        try {
            // written as the interface, so that the "type" property names the variant
            return json.readTree(json.writerFor(StationCommand.class).writeValueAsBytes(command));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot write the command as JSON: " + command, e);
        }
    }

    /** A row as PostgreSQL's {@code to_jsonb} writes it: snake_case columns, timestamps in ISO 8601 with offset. */
    private CommandRecord read(String row) {
        JsonNode node;
        try {
            node = json.readTree(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable csms_command row", e);
        }
        return new CommandRecord(text(node, "command_id"), text(node, "station_id"), text(node, "action"),
                text(node, "kind"), text(node, "reference"), nullable(node.get("request")),
                text(node, "requested_by"), CommandStatus.valueOf(text(node, "status")),
                nullable(node.get("response")), text(node, "error_code"), text(node, "error_description"),
                instant(node, "created_at"), instant(node, "deadline"), instant(node, "completed_at"));
    }

    private static JsonNode nullable(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = nullable(node.get(field));
        return value == null ? null : value.asText();
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : OffsetDateTime.parse(value).toInstant();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
