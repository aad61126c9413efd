package dev.csms.session.service;

import dev.csms.runtime.persistence.Counts;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.csms.ocpp.canonical.AuthorizationData;
import dev.csms.ocpp.canonical.AuthorizationStatus;
import dev.csms.ocpp.canonical.IdTokenInfo;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.ocpp.canonical.UpdateType;
import dev.csms.runtime.command.CommandLedger;
import dev.csms.runtime.command.CommandRecord;
import dev.csms.runtime.command.CommandRequest;
import dev.csms.runtime.problem.ProblemException;
import dev.csms.session.config.SessionConfig;
import dev.csms.session.model.AuthorizationCommand;
import dev.csms.session.model.LocalList;
import dev.csms.session.model.RegisteredToken;
import dev.csms.session.rest.CommandIssued;
import dev.csms.session.rest.LocalListPush;
import dev.csms.session.rest.LocalListState;
import dev.csms.session.rest.TokenRef;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Local authorization lists and the authorization cache of stations: SendLocalList (Full or Differential),
 * GetLocalListVersion, ClearCache. Each command is recorded (here and in the durable {@link CommandLedger}, kind
 * {@value #KIND}) and sent in one transaction; its completion
 * ({@link LocalListResults}) confirms the list version only when the station accepted it.
 */
@ApplicationScoped
public class LocalLists {

    static final String SEND_LOCAL_LIST = "SendLocalList";
    static final String GET_LOCAL_LIST_VERSION = "GetLocalListVersion";
    static final String CLEAR_CACHE = "ClearCache";
    /** The ledger kind of the commands sent here ({@link LocalListResults} takes their completions). */
    public static final String KIND = "local-list";
    private static final Duration RESULT_GRACE = Duration.ofMinutes(1);
    private static final int HISTORY = 20;

    private final TokenRegistry tokens;
    private final CommandLedger commands;
    private final SessionConfig config;
    private final Clock clock;

    LocalLists(TokenRegistry tokens, CommandLedger commands, SessionConfig config, Clock clock) {
        this.tokens = tokens;
        this.commands = commands;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Sends the list to every station named. A Differential update is refused (409) for a station whose previous
     * SendLocalList has no result yet, since the station applies differences to the version it has.
     */
    public Uni<List<CommandIssued>> push(LocalListPush push) {
        List<LocalListPush.Entry> entries = push.entries() == null ? List.of() : push.entries();
        if (entries.size() > config.localList().maxEntries()) {
            return Uni.createFrom().failure(ProblemException.badRequest("a list takes at most "
                    + config.localList().maxEntries() + " entries"));
        }
        Set<String> seen = new HashSet<>();
        for (LocalListPush.Entry entry : entries) {
            if (entry.remove() && push.updateType() == UpdateType.Full) {
                return Uni.createFrom().failure(ProblemException.badRequest(
                        "remove is only allowed in a Differential update (" + entry.idToken().value() + ")"));
            }
            if (!seen.add(RegisteredToken.keyOf(entry.idToken().value()))) {
                return Uni.createFrom().failure(ProblemException.badRequest(
                        "token " + entry.idToken().value() + " appears twice"));
            }
        }
        Set<String> stations = new LinkedHashSet<>(push.stationIds());
        return Panache.withTransaction(() -> authorizationData(entries).chain(data -> {
            Uni<List<CommandIssued>> chain = Uni.createFrom().item(new ArrayList<>());
            for (String station : stations) {
                chain = chain.chain(issued -> send(station, push.updateType(), data).map(one -> {
                    issued.add(one);
                    return issued;
                }));
            }
            return chain;
        }));
    }

    private Uni<List<AuthorizationData>> authorizationData(List<LocalListPush.Entry> entries) {
        Uni<List<AuthorizationData>> chain = Uni.createFrom().item(new ArrayList<>());
        List<String> unknown = new ArrayList<>();
        Instant now = clock.instant();
        for (LocalListPush.Entry entry : entries) {
            TokenRef ref = entry.idToken();
            if (entry.remove()) {
                chain = chain.invoke(list -> list.add(new AuthorizationData(ref.toIdToken(), null)));
                continue;
            }
            chain = chain.chain(list -> tokens.match(ref.toIdToken()).map(found -> {
                found.ifPresentOrElse(token -> list.add(new AuthorizationData(token.idToken(), infoOf(token, now))),
                        () -> unknown.add(ref.value() + " (" + ref.type() + ")"));
                return list;
            }));
        }
        return chain.invoke(list -> {
            if (!unknown.isEmpty()) {
                throw ProblemException.badRequest("not in the token registry: " + String.join(", ", unknown));
            }
        });
    }

    /** What a station may decide offline about the token: the registry's verdict without the session rules. */
    private static IdTokenInfo infoOf(RegisteredToken token, Instant now) {
        AuthorizationStatus status = token.status == AuthorizationStatus.Accepted && token.expiresAt != null
                && !token.expiresAt.isAfter(now) ? AuthorizationStatus.Expired : token.status;
        return new IdTokenInfo(status, token.expiresAt, token.groupIdToken(), null, List.of(), null, null, null);
    }

    private Uni<CommandIssued> send(String stationId, UpdateType type, List<AuthorizationData> data) {
        Instant now = clock.instant();
        return LocalList.<LocalList>findById(stationId, LockModeType.PESSIMISTIC_WRITE)
                .chain(found -> found != null ? Uni.createFrom().item(found) : created(stationId))
                .chain(list -> pendingList(stationId).chain(pending -> {
                    if (pending && type == UpdateType.Differential) {
                        throw ProblemException.conflict("station " + stationId + " has not answered its previous "
                                + "SendLocalList yet; a Differential update needs the version it applies to");
                    }
                    list.issuedVersion = Math.max(list.issuedVersion, list.confirmedVersion) + 1;
                    list.updatedAt = now;
                    int version = list.issuedVersion;
                    return commands.submit(request(stationId,
                            new StationCommand.SendLocalList(version, type, data))).chain(sent -> {
                                AuthorizationCommand command = command(sent, SEND_LOCAL_LIST);
                                command.versionNumber = version;
                                command.updateType = type.name();
                                command.entries = data.size();
                                return command.persist().replaceWith(() -> new CommandIssued(stationId,
                                        sent.commandId(), SEND_LOCAL_LIST, version));
                            });
                }));
    }

    private Uni<LocalList> created(String stationId) {
        LocalList list = new LocalList();
        list.stationId = stationId;
        list.updatedAt = clock.instant();
        return list.persist();
    }

    private Uni<Boolean> pendingList(String stationId) {
        Instant stillAwaited = clock.instant().minus(config.localList().commandDeadline()).minus(RESULT_GRACE);
        return Counts.count(AuthorizationCommand.class, "stationId = ?1 and action = ?2 and status = ?3 and createdAt > ?4",
                stationId, SEND_LOCAL_LIST, AuthorizationCommand.Status.Pending, stillAwaited).map(count -> count > 0);
    }

    /** Asks the station which list version it has (GetLocalListVersion). */
    public Uni<CommandIssued> requestVersion(String stationId) {
        return simple(stationId, GET_LOCAL_LIST_VERSION,
                new StationCommand.RawCommand(GET_LOCAL_LIST_VERSION, JsonNodeFactory.instance.objectNode()));
    }

    /** Clears the station's authorization cache (ClearCache); the local list is not affected. */
    public Uni<CommandIssued> clearCache(String stationId) {
        return simple(stationId, CLEAR_CACHE, new StationCommand.ClearCache());
    }

    private Uni<CommandIssued> simple(String stationId, String action, StationCommand command) {
        return Panache.withTransaction(() -> commands.submit(request(stationId, command))
                .chain(sent -> command(sent, action).persist()
                        .replaceWith(() -> new CommandIssued(stationId, sent.commandId(), action, null))));
    }

    /** Kind {@value #KIND} in the command ledger; the reference is the station, whose list the command concerns. */
    private CommandRequest request(String stationId, StationCommand command) {
        return new CommandRequest(stationId, command, KIND, stationId, null, config.localList().commandDeadline());
    }

    private AuthorizationCommand command(CommandRecord sent, String action) {
        AuthorizationCommand command = new AuthorizationCommand();
        command.commandId = UUID.fromString(sent.commandId());
        command.stationId = sent.stationId();
        command.action = action;
        command.status = AuthorizationCommand.Status.Pending;
        command.createdAt = clock.instant();
        return command;
    }

    /** The station's list versions and recent commands; 404 when session-service never sent it any. */
    public Uni<LocalListState> state(String stationId) {
        return Panache.withSession(() -> LocalList.<LocalList>findById(stationId).chain(list ->
                AuthorizationCommand.<AuthorizationCommand>find("stationId", Sort.by("createdAt").descending()
                        .and("commandId"), stationId).range(0, HISTORY - 1).list().map(history -> {
                            if (list == null && history.isEmpty()) {
                                throw ProblemException.notFound("no local list or authorization command for station "
                                        + stationId);
                            }
                            Optional<LocalList> known = Optional.ofNullable(list);
                            return new LocalListState(stationId, known.map(l -> l.issuedVersion).orElse(0),
                                    known.map(l -> l.confirmedVersion).orElse(0),
                                    known.map(l -> l.reportedVersion).orElse(null),
                                    known.map(l -> l.reportedAt).orElse(null),
                                    history.stream().map(LocalListState.CommandView::of).toList());
                        })));
    }
}
