package dev.csms.session.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.CommandOutcome;
import dev.csms.events.ocpp.CommandResult;
import dev.csms.runtime.inbound.CommandResultHandler;
import dev.csms.session.model.AuthorizationCommand;
import dev.csms.session.model.LocalList;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.UUID;

/**
 * The results of the authorization commands: a SendLocalList the station accepted confirms its version; a
 * GetLocalListVersion answer records the version the station reports (1.6 {@code listVersion}, 2.x
 * {@code versionNumber}). Results of commands this service did not send are ignored; a repeated result changes
 * nothing.
 */
@ApplicationScoped
public class LocalListResults implements CommandResultHandler {

    private final Clock clock;

    LocalListResults(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Uni<Void> handle(EventEnvelope<CommandResult> envelope) {
        CommandResult result = envelope.data();
        UUID id;
        try {
            id = UUID.fromString(result.commandId());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> AuthorizationCommand.<AuthorizationCommand>findById(id,
                LockModeType.PESSIMISTIC_WRITE).chain(command -> {
                    if (command == null || command.status != AuthorizationCommand.Status.Pending) {
                        return Uni.createFrom().voidItem();
                    }
                    complete(command, result);
                    if (command.status != AuthorizationCommand.Status.Accepted) {
                        return Uni.createFrom().voidItem();
                    }
                    return switch (command.action) {
                        case LocalLists.SEND_LOCAL_LIST -> list(command.stationId).invoke(list -> {
                            list.confirmedVersion = Math.max(list.confirmedVersion, command.versionNumber);
                            list.updatedAt = clock.instant();
                        }).replaceWithVoid();
                        case LocalLists.GET_LOCAL_LIST_VERSION -> list(command.stationId).invoke(list -> {
                            JsonNode raw = result.response().rawResponse();
                            JsonNode version = raw.has("listVersion") ? raw.get("listVersion") : raw.get("versionNumber");
                            list.reportedVersion = version == null ? null : version.asInt();
                            list.reportedAt = result.completedAt();
                            list.updatedAt = clock.instant();
                        }).replaceWithVoid();
                        default -> Uni.createFrom().voidItem();
                    };
                }));
    }

    private void complete(AuthorizationCommand command, CommandResult result) {
        command.outcome = result.outcome().name();
        command.completedAt = result.completedAt();
        if (result.outcome() == CommandOutcome.Answered) {
            command.status = result.response().accepted() ? AuthorizationCommand.Status.Accepted
                    : AuthorizationCommand.Status.Rejected;
            command.detail = result.response().status();
        } else {
            command.status = AuthorizationCommand.Status.Failed;
            command.detail = result.error() != null ? result.error().errorCode() + ": " + result.error().errorDescription()
                    : result.detail();
        }
    }

    private Uni<LocalList> list(String stationId) {
        return LocalList.<LocalList>findById(stationId, LockModeType.PESSIMISTIC_WRITE).chain(found -> {
            if (found != null) {
                return Uni.createFrom().item(found);
            }
            LocalList list = new LocalList();
            list.stationId = stationId;
            list.updatedAt = clock.instant();
            return list.persist();
        });
    }
}
