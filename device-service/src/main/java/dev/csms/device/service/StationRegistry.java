package dev.csms.device.service;

import dev.csms.device.config.DeviceConfig;
import dev.csms.device.model.Station;
import dev.csms.device.rest.StationPage;
import dev.csms.device.rest.StationQuery;
import dev.csms.device.rest.StationSettings;
import dev.csms.device.rest.StationView;
import dev.csms.events.credentials.PasswordHashes;
import dev.csms.events.device.StationChanged.StationChange;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.MessageTrigger;
import dev.csms.ocpp.canonical.RegistrationStatus;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.runtime.command.CommandLedger;
import dev.csms.runtime.command.CommandRequest;
import dev.csms.runtime.outbox.Outbox;
import dev.csms.runtime.presence.PresenceView;
import dev.csms.runtime.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The operator's use cases on the station registry. Every change runs in one transaction that locks the station's
 * row, and writes its Kafka records (credentials, station change) to the outbox in that same transaction.
 */
@ApplicationScoped
public class StationRegistry {

    private static final Logger LOG = Logger.getLogger(StationRegistry.class);
    private static final String PASSWORD_ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.";
    private static final int GENERATED_PASSWORD_LENGTH = 32;

    private final Outbox outbox;
    private final StationRecords records;
    private final CommandLedger ledger;
    private final PresenceView presence;
    private final DeviceConfig config;
    private final Clock clock;
    private final Vertx vertx;
    private final SecureRandom random = new SecureRandom();

    StationRegistry(Outbox outbox, StationRecords records, CommandLedger ledger, PresenceView presence,
            DeviceConfig config, Clock clock, Vertx vertx) {
        this.outbox = outbox;
        this.records = records;
        this.ledger = ledger;
        this.presence = presence;
        this.config = config;
        this.clock = clock;
        this.vertx = vertx;
    }

    public Uni<StationView> create(StationSettings settings) {
        if (settings.id() == null) {
            return Uni.createFrom().failure(ProblemException.badRequest("id is required"));
        }
        return Panache.withTransaction(() -> Station.<Station>findById(settings.id()).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("station " + settings.id() + " already exists");
            }
            Station station = new Station();
            station.id = settings.id();
            station.registrationStatus = RegistrationStatus.Accepted;
            station.createdAt = clock.instant();
            apply(station, settings);
            return station.persist()
                    .chain(() -> outbox.enqueue(records.credentials(station)))
                    .chain(() -> outbox.enqueue(records.changed(station, StationChange.Created)))
                    .replaceWith(() -> StationView.of(station));
        }));
    }

    public Uni<StationView> get(String id) {
        return Panache.withSession(() -> Station.<Station>findById(id).map(station -> StationView.of(found(id, station))));
    }

    public Uni<StationView> update(String id, StationSettings settings) {
        if (settings.id() != null && !settings.id().equals(id)) {
            return Uni.createFrom().failure(ProblemException.badRequest(
                    "the body's id " + settings.id() + " differs from the path's " + id));
        }
        return change(id, StationChange.Updated, station -> apply(station, settings));
    }

    public Uni<Void> delete(String id) {
        return Panache.withTransaction(() -> locked(id).chain(station -> station.delete()
                .chain(() -> outbox.enqueue(records.tombstone(id)))
                .chain(() -> outbox.enqueue(records.changed(station, StationChange.Deleted)))));
    }

    /** Sets the given password, or a generated one; the password is returned here and never again. */
    public Uni<String> setPassword(String id, String given) {
        String password = given != null ? given : generatePassword();
        // PBKDF2 costs about 0.1 s of CPU: it runs on a worker, and the transaction continues on this context.
        return vertx.executeBlocking(Uni.createFrom().item(() -> PasswordHashes.hash(password.toCharArray())))
                .chain(hash -> change(id, StationChange.PasswordChanged, station -> station.passwordHash = hash))
                .replaceWith(password);
    }

    /**
     * Accepts a pending station and, when it is connected, asks it to boot again (TriggerMessage BootNotification)
     * so that it learns the decision now rather than at its next retry: the command goes through the durable
     * ledger (kind {@value #BOOT_TRIGGER}, deadline {@code csms.device.boot.trigger-deadline}) in the same
     * transaction, so its result shows in {@code /api/v1/commands}. A station that is not connected is not
     * triggered: it boots again after its Pending interval anyway.
     */
    public Uni<StationView> accept(String id, String requestedBy) {
        return Panache.withTransaction(() -> change(id, StationChange.Accepted, station -> {
            if (station.registrationStatus != RegistrationStatus.Pending) {
                throw ProblemException.conflict("station " + id + " is not pending but "
                        + station.registrationStatus);
            }
            station.registrationStatus = RegistrationStatus.Accepted;
        }).call(() -> triggerBoot(id, requestedBy)));
    }

    /** The ledger kind of the TriggerMessage(BootNotification) sent after an accept. */
    public static final String BOOT_TRIGGER = "boot-trigger";

    public Uni<StationPage> search(StationQuery query) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.siteId != null) {
            where.append(" and siteId = :siteId");
            params.put("siteId", query.siteId);
        }
        if (query.status != null) {
            // Rejected is what a disabled station gets, whatever its registration status.
            if (query.status.equals("Rejected")) {
                where.append(" and enabled = false");
            } else {
                where.append(" and enabled = true and registrationStatus = :status");
                params.put("status", RegistrationStatus.valueOf(query.status));
            }
        }
        if (query.vendor != null) {
            where.append(" and (lower(reportedVendor) = :vendor or lower(expectedVendor) = :vendor)");
            params.put("vendor", query.vendor.toLowerCase(Locale.ROOT));
        }
        if (query.model != null) {
            where.append(" and (lower(reportedModel) = :model or lower(expectedModel) = :model)");
            params.put("model", query.model.toLowerCase(Locale.ROOT));
        }
        if (query.text != null && !query.text.isBlank()) {
            where.append(" and (lower(id) like :text or lower(siteId) like :text or lower(reportedVendor) like :text"
                    + " or lower(reportedModel) like :text or lower(reportedSerial) like :text)");
            params.put("text", "%" + escapeLike(query.text.toLowerCase(Locale.ROOT)) + "%");
        }
        return Panache.withSession(() -> {
            var found = Station.<Station>find(where.toString(), Sort.by("id"), params)
                    .page(Page.of(query.page, query.size));
            return found.list().chain(items -> found.count().map(total -> new StationPage(
                    items.stream().map(StationView::of).toList(), query.page, query.size, total)));
        });
    }

    private Uni<StationView> change(String id, StationChange change, Consumer<Station> edit) {
        return Panache.withTransaction(() -> locked(id).chain(station -> {
            edit.accept(station);
            station.updatedAt = clock.instant();
            return outbox.enqueue(records.credentials(station))
                    .chain(() -> outbox.enqueue(records.changed(station, change)))
                    .replaceWith(() -> StationView.of(station));
        }));
    }

    private Uni<Station> locked(String id) {
        return Station.<Station>findById(id, LockModeType.PESSIMISTIC_WRITE).map(station -> found(id, station));
    }

    private static Station found(String id, Station station) {
        if (station == null) {
            throw ProblemException.notFound("no station " + id);
        }
        return station;
    }

    private void apply(Station station, StationSettings settings) {
        station.siteId = settings.siteId();
        station.securityProfile = settings.securityProfile();
        station.enabled = settings.enabled();
        station.expectedVendor = settings.expectedVendor();
        station.expectedModel = settings.expectedModel();
        station.allowedVersions = settings.allowedOcppVersions().stream()
                .map(label -> OcppVersion.fromLabel(label).orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(OcppVersion.class)));
        station.heartbeatInterval = settings.heartbeatInterval();
        station.provisioning = Boolean.TRUE.equals(settings.provisioning());
        station.updatedAt = clock.instant();
    }

    private Uni<Void> triggerBoot(String id, String requestedBy) {
        if (presence.get(id).isEmpty()) {
            LOG.infof("Accepted station %s is not connected: no TriggerMessage(BootNotification)", id);
            return Uni.createFrom().voidItem();
        }
        return ledger.submit(new CommandRequest(id,
                new StationCommand.TriggerMessage(MessageTrigger.BootNotification, null, null, null), BOOT_TRIGGER,
                null, requestedBy, config.boot().triggerDeadline())).replaceWithVoid();
    }

    private String generatePassword() {
        StringBuilder password = new StringBuilder(GENERATED_PASSWORD_LENGTH);
        for (int i = 0; i < GENERATED_PASSWORD_LENGTH; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
