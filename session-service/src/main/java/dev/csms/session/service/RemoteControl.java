package dev.csms.session.service;

import dev.csms.runtime.persistence.Counts;
import dev.csms.events.ocpp.Presence;
import dev.csms.events.sessions.SessionStatus;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.adapter.OcppAdapter;
import dev.csms.ocpp.adapter.OcppMappingException;
import dev.csms.ocpp.canonical.ChargingProfile;
import dev.csms.ocpp.canonical.ChargingProfilePurpose;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.runtime.command.CommandLedger;
import dev.csms.runtime.command.CommandRecord;
import dev.csms.runtime.command.CommandRequest;
import dev.csms.runtime.command.CommandStatus;
import dev.csms.runtime.presence.PresenceView;
import dev.csms.runtime.problem.ProblemException;
import dev.csms.runtime.problem.ProblemTypes;
import dev.csms.session.config.SessionConfig;
import dev.csms.session.model.ChargingSession;
import dev.csms.session.model.RegisteredToken;
import dev.csms.session.rest.RemoteCommand;
import dev.csms.session.rest.RemoteStart;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Remote start and stop of transactions (2.x RequestStart/StopTransaction, 1.6 RemoteStart/StopTransaction), sent
 * through the durable {@link CommandLedger} (kinds {@value #START} and {@value #STOP}). Refused at once (409) when no
 * gateway holds the station's connection as far as the {@link PresenceView} has read, since the command is built for
 * the connected OCPP version.
 */
@ApplicationScoped
public class RemoteControl {

    /** Ledger kind of a remote start; the reference is the remoteStartId. */
    public static final String START = "remote-start";
    /** Ledger kind of a remote stop; the reference is the session id. */
    public static final String STOP = "remote-stop";
    /** OCPP 1.6 idTag: at most 20 characters. */
    private static final int ID_TAG_LENGTH = 20;
    /** OCPP 2.x IdTokenType.idToken: at most 36 characters. */
    private static final int ID_TOKEN_LENGTH = 36;

    /** How many of the station's latest commands a 1.6 start looks through for its remote start. */
    private static final int LINK_CANDIDATES = 100;

    private final CommandLedger ledger;
    private final PresenceView presence;
    private final SessionConfig config;
    private final Clock clock;
    private final Map<OcppVersion, OcppAdapter> adapters = new EnumMap<>(OcppVersion.class);

    RemoteControl(CommandLedger ledger, PresenceView presence, SessionConfig config, Clock clock) {
        this.ledger = ledger;
        this.presence = presence;
        this.config = config;
        this.clock = clock;
        for (OcppVersion version : OcppVersion.values()) {
            adapters.put(version, OcppAdapter.forVersion(version, clock));
        }
    }

    /** Sends a remote start to a connected station; 400 when the request does not fit its OCPP version. */
    public Uni<RemoteCommand> start(RemoteStart start, String requestedBy) {
        OcppVersion version;
        Integer evse;
        try {
            version = connectedVersion(start.stationId());
            evse = evseFor(version, start);
            checkExtras(version, start);
            // the adapter of the version must be able to express it (the remoteStartId does not matter here);
            // the gateway then validates the CALL against the version's schema before sending it
            expressible(version, command(start, evse, 1));
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.withTransaction(() -> nextRemoteStartId().chain(remoteStartId -> ledger.submit(
                new CommandRequest(start.stationId(), command(start, evse, remoteStartId), START,
                        String.valueOf(remoteStartId), requestedBy, null))
                .map(sent -> new RemoteCommand(sent.commandId(), sent.stationId(), remoteStartId))));
    }

    /** Sends a remote stop of an Active session to its station (404 unknown session, 409 not active or offline). */
    public Uni<RemoteCommand> stop(String sessionId, String requestedBy) {
        UUID id;
        try {
            id = UUID.fromString(sessionId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(ProblemException.notFound("no session " + sessionId));
        }
        return Panache.withTransaction(() -> ChargingSession.<ChargingSession>findById(id).chain(session -> {
            if (session == null) {
                throw ProblemException.notFound("no session " + sessionId);
            }
            if (session.status != SessionStatus.Active) {
                throw ProblemException.conflict("session " + sessionId + " is " + session.status + ", not Active");
            }
            connectedVersion(session.stationId);
            return ledger.submit(new CommandRequest(session.stationId,
                    new StationCommand.RequestStopTransaction(session.transactionId), STOP, sessionId, requestedBy,
                    null)).map(sent -> new RemoteCommand(sent.commandId(), sent.stationId(), null));
        }));
    }

    /**
     * OCPP 1.6 has no remoteStartId: a 1.6 StartTransaction that follows a remote start of the same station, for the
     * same idTag and the connector it named (any, if it named none), within {@code remote-start.link-window} of the
     * command, is that remote start's transaction; the session records its remoteStartId, as 2.x sessions do. The
     * oldest such remote start not linked to a session yet wins; one the station refused (or that failed) is not
     * linked. Runs in the caller's transaction.
     */
    public Uni<Void> link16(ChargingSession s) {
        if (s.ocppVersion != OcppVersion.V1_6 || s.remoteStartId != null || s.idTokenKey == null) {
            return Uni.createFrom().voidItem();
        }
        Instant since = clock.instant().minus(config.remoteStart().linkWindow());
        return ledger.forStation(s.stationId, LINK_CANDIDATES).chain(recent -> {
            List<CommandRecord> candidates = new ArrayList<>();
            for (CommandRecord record : recent) {
                if (START.equals(record.kind()) && record.reference() != null && !record.createdAt().isBefore(since)
                        && (record.status() == CommandStatus.Pending || record.accepted())
                        && record.command() instanceof StationCommand.RequestStartTransaction c
                        && RegisteredToken.keyOf(c.idToken().value()).equals(s.idTokenKey)
                        && (c.evseId() == null || c.evseId().equals(s.evseId))) {
                    candidates.add(0, record); // oldest first
                }
            }
            return firstUnlinked(s, candidates, 0);
        });
    }

    private static Uni<Void> firstUnlinked(ChargingSession s, List<CommandRecord> candidates, int index) {
        if (index >= candidates.size()) {
            return Uni.createFrom().voidItem();
        }
        int remoteStartId = Integer.parseInt(candidates.get(index).reference());
        return Counts.count(ChargingSession.class, "stationId = ?1 and remoteStartId = ?2", s.stationId, remoteStartId)
                .chain(linked -> {
                    if (linked > 0) {
                        return firstUnlinked(s, candidates, index + 1);
                    }
                    s.remoteStartId = remoteStartId;
                    return Uni.createFrom().voidItem();
                });
    }

    private static StationCommand.RequestStartTransaction command(RemoteStart start, Integer evse,
            int remoteStartId) {
        return new StationCommand.RequestStartTransaction(evse, start.idToken().toIdToken(),
                start.groupIdToken() == null ? null : start.groupIdToken().toIdToken(), remoteStartId,
                start.chargingProfile());
    }

    /** The group is 2.x only; the profile must be a TxProfile that names no transaction yet. */
    private static void checkExtras(OcppVersion version, RemoteStart start) {
        if (start.groupIdToken() != null && version == OcppVersion.V1_6) {
            throw ProblemException.badRequest("station " + start.stationId()
                    + " speaks 1.6, whose RemoteStartTransaction has no groupIdToken");
        }
        if (start.groupIdToken() != null && start.groupIdToken().value().length() > ID_TOKEN_LENGTH) {
            throw ProblemException.badRequest("an OCPP 2.x groupIdToken has at most " + ID_TOKEN_LENGTH
                    + " characters");
        }
        ChargingProfile profile = start.chargingProfile();
        if (profile != null) {
            if (profile.purpose() != ChargingProfilePurpose.TxProfile) {
                throw ProblemException.badRequest("a remote start's chargingProfile must have purpose TxProfile, not "
                        + profile.purpose());
            }
            if (profile.transactionId() != null) {
                throw ProblemException.badRequest("a remote start's chargingProfile names no transactionId: the "
                        + "transaction does not exist yet");
            }
        }
    }

    private void expressible(OcppVersion version, StationCommand command) {
        try {
            adapters.get(version).toRequest(command);
        } catch (OcppMappingException e) { // UnsupportedCommandException included
            throw ProblemException.badRequest("cannot send this to an OCPP " + version.label() + " station: "
                    + e.getMessage());
        }
    }

    private OcppVersion connectedVersion(String stationId) {
        return presence.get(stationId).map(Presence::ocppVersion)
                .orElseThrow(() -> new ProblemException(ProblemTypes.STATION_OFFLINE, 409, "Station offline",
                        "Station " + stationId + " is not connected"));
    }

    /** The canonical evseId: 1.6 takes it as its connectorId; 2.x has no connector in RequestStartTransaction. */
    private static Integer evseFor(OcppVersion version, RemoteStart start) {
        if (version == OcppVersion.V1_6) {
            if (start.idToken().value().length() > ID_TAG_LENGTH) {
                throw ProblemException.badRequest("an OCPP 1.6 idTag has at most " + ID_TAG_LENGTH
                        + " characters; station " + start.stationId() + " speaks 1.6");
            }
            if (start.connectorId() != null && start.evseId() != null
                    && !start.connectorId().equals(start.evseId())) {
                throw ProblemException.badRequest("station " + start.stationId()
                        + " speaks 1.6, which knows connectors only: give connectorId or evseId, not two different ones");
            }
            return start.connectorId() != null ? start.connectorId() : start.evseId();
        }
        if (start.idToken().value().length() > ID_TOKEN_LENGTH) {
            throw ProblemException.badRequest("an OCPP 2.x idToken has at most " + ID_TOKEN_LENGTH + " characters");
        }
        if (start.connectorId() != null) {
            throw ProblemException.badRequest("station " + start.stationId() + " speaks " + version.label()
                    + ", whose RequestStartTransaction names an EVSE, not a connector: give evseId");
        }
        return start.evseId();
    }

    private static Uni<Integer> nextRemoteStartId() {
        return Panache.getSession().chain(session -> session.createNativeQuery("select nextval('remote_start_number')")
                .getSingleResult()).map(number -> ((Number) number).intValue());
    }
}
