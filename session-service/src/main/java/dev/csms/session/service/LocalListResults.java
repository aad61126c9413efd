package dev.csms.session.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.runtime.command.CommandCompletionListener;
import dev.csms.runtime.command.CommandRecord;
import dev.csms.runtime.command.CommandStatus;
import dev.csms.session.model.AuthorizationCommand;
import dev.csms.session.model.LocalList;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.UUID;

/**
 * The completions of the authorization commands (ledger kind {@value LocalLists#KIND}): a SendLocalList the station
 * accepted confirms its version; a GetLocalListVersion answer records the version the station reports (1.6
 * {@code listVersion}, 2.x {@code versionNumber}). Runs in the ledger's completing transaction; the ledger completes
 * a command once, so a repeated result changes nothing.
 */
@ApplicationScoped
public class LocalListResults implements CommandCompletionListener {

    private final Clock clock;

    LocalListResults(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Uni<Void> completed(CommandRecord record) {
        if (!LocalLists.KIND.equals(record.kind())) {
            return Uni.createFrom().voidItem();
        }
        return AuthorizationCommand.<AuthorizationCommand>findById(UUID.fromString(record.commandId()),
                LockModeType.PESSIMISTIC_WRITE).chain(command -> {
                    if (command == null || command.status != AuthorizationCommand.Status.Pending) {
                        return Uni.createFrom().voidItem();
                    }
                    complete(command, record);
                    if (command.status != AuthorizationCommand.Status.Accepted) {
                        return Uni.createFrom().voidItem();
                    }
                    return switch (command.action) {
                        case LocalLists.SEND_LOCAL_LIST -> list(command.stationId).invoke(list -> {
                            list.confirmedVersion = Math.max(list.confirmedVersion, command.versionNumber);
                            list.updatedAt = clock.instant();
                        }).replaceWithVoid();
                        case LocalLists.GET_LOCAL_LIST_VERSION -> list(command.stationId).invoke(list -> {
                            JsonNode raw = record.response().path("rawResponse");
                            JsonNode version = raw.has("listVersion") ? raw.get("listVersion") : raw.get("versionNumber");
                            list.reportedVersion = version == null || version.isNull() ? null : version.asInt();
                            list.reportedAt = record.completedAt();
                            list.updatedAt = clock.instant();
                        }).replaceWithVoid();
                        default -> Uni.createFrom().voidItem();
                    };
                });
    }

    private void complete(AuthorizationCommand command, CommandRecord record) {
        command.outcome = record.status().name();
        command.completedAt = record.completedAt();
        if (record.status() == CommandStatus.Answered) {
            command.status = record.accepted() ? AuthorizationCommand.Status.Accepted
                    : AuthorizationCommand.Status.Rejected;
            JsonNode status = record.response().path("status");
            command.detail = status.isMissingNode() || status.isNull() ? null : status.asText();
        } else {
            command.status = AuthorizationCommand.Status.Failed;
            command.detail = record.errorCode() != null ? record.errorCode() + ": " + record.errorDescription()
                    : record.errorDescription();
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
