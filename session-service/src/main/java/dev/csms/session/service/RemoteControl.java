package dev.csms.session.service;

import dev.csms.events.ocpp.Presence;
import dev.csms.events.sessions.SessionStatus;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.runtime.command.CommandLedger;
import dev.csms.runtime.command.CommandRequest;
import dev.csms.runtime.presence.PresenceView;
import dev.csms.runtime.problem.ProblemException;
import dev.csms.runtime.problem.ProblemTypes;
import dev.csms.session.model.ChargingSession;
import dev.csms.session.rest.RemoteCommand;
import dev.csms.session.rest.RemoteStart;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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

    private final CommandLedger ledger;
    private final PresenceView presence;

    RemoteControl(CommandLedger ledger, PresenceView presence) {
        this.ledger = ledger;
        this.presence = presence;
    }

    /** Sends a remote start to a connected station; 400 when the request does not fit its OCPP version. */
    public Uni<RemoteCommand> start(RemoteStart start, String requestedBy) {
        OcppVersion version;
        Integer evse;
        try {
            version = connectedVersion(start.stationId());
            evse = evseFor(version, start);
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.withTransaction(() -> nextRemoteStartId().chain(remoteStartId -> ledger.submit(
                new CommandRequest(start.stationId(), new StationCommand.RequestStartTransaction(evse,
                        start.idToken().toIdToken(), null, remoteStartId, null), START,
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
