package dev.csms.session.service;

import dev.csms.ocpp.canonical.AuthorizationStatus;
import dev.csms.ocpp.canonical.IdToken;
import dev.csms.ocpp.canonical.IdTokenType;
import dev.csms.runtime.problem.ProblemException;
import dev.csms.session.model.RegisteredToken;
import dev.csms.session.rest.ImportReport;
import dev.csms.session.rest.TokenPage;
import dev.csms.session.rest.TokenQuery;
import dev.csms.session.rest.TokenSettings;
import dev.csms.session.rest.TokenView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The token registry: the operator's use cases, and the lookup the authorization decision uses. */
@ApplicationScoped
public class TokenRegistry {

    private static final Set<AuthorizationStatus> DECISIONS_ONLY =
            Set.of(AuthorizationStatus.ConcurrentTx, AuthorizationStatus.Unknown);
    private static final int KEYS_PER_QUERY = 500;

    private final Validator validator;
    private final Clock clock;

    TokenRegistry(Validator validator, Clock clock) {
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * The registry entry of a token presented by a station. A token of type Central (every 1.6 idTag) matches by
     * value whatever the registered type, preferring a Central entry; any other type matches its own type first,
     * then a Central entry of the same value. Values compare case-insensitively.
     */
    public Uni<Optional<RegisteredToken>> match(IdToken token) {
        String key = RegisteredToken.keyOf(token.value());
        return RegisteredToken.<RegisteredToken>list("valueKey", key).map(found -> {
            Optional<RegisteredToken> exact = found.stream().filter(t -> t.type == token.type()).findFirst();
            if (exact.isPresent()) {
                return exact;
            }
            if (token.type() == IdTokenType.Central) {
                return found.stream().min(Comparator.comparing(t -> t.id));
            }
            return found.stream().filter(t -> t.type == IdTokenType.Central).findFirst();
        });
    }

    public Uni<TokenView> create(TokenSettings settings) {
        requireConsistent(settings);
        return Panache.withTransaction(() -> find(settings.value(), settings.type()).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("token " + settings.value() + " of type " + settings.type()
                        + " already exists (id " + existing.id + ")");
            }
            RegisteredToken token = new RegisteredToken();
            token.createdAt = clock.instant();
            apply(token, settings);
            return token.persist().replaceWith(() -> TokenView.of(token));
        }));
    }

    public Uni<TokenView> get(long id) {
        return Panache.withSession(() -> RegisteredToken.<RegisteredToken>findById(id)
                .map(token -> TokenView.of(found(id, token))));
    }

    public Uni<TokenView> update(long id, TokenSettings settings) {
        requireConsistent(settings);
        return Panache.withTransaction(() -> RegisteredToken.<RegisteredToken>findById(id).chain(token -> {
            found(id, token);
            return find(settings.value(), settings.type()).map(other -> {
                if (other != null && !other.id.equals(token.id)) {
                    throw ProblemException.conflict("token " + settings.value() + " of type " + settings.type()
                            + " already exists (id " + other.id + ")");
                }
                apply(token, settings);
                return TokenView.of(token);
            });
        }));
    }

    public Uni<Void> delete(long id) {
        return Panache.withTransaction(() -> RegisteredToken.deleteById(id).map(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound("no token " + id);
            }
            return null;
        }));
    }

    public Uni<TokenPage> search(TokenQuery query) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.text != null && !query.text.isBlank()) {
            where.append(" and valueKey like :text escape '\\'");
            params.put("text", "%" + escapeLike(RegisteredToken.keyOf(query.text)) + "%");
        }
        if (query.type != null) {
            where.append(" and type = :type");
            params.put("type", IdTokenType.valueOf(query.type));
        }
        if (query.status != null) {
            where.append(" and status = :status");
            params.put("status", AuthorizationStatus.valueOf(query.status));
        }
        if (query.group != null) {
            where.append(" and groupKey = :group");
            params.put("group", RegisteredToken.keyOf(query.group));
        }
        return Panache.withSession(() -> {
            var found = RegisteredToken.<RegisteredToken>find(where.toString(), Sort.by("valueKey").and("id"), params)
                    .page(Page.of(query.page, query.size));
            return found.list().chain(items -> found.count().map(total -> new TokenPage(
                    items.stream().map(TokenView::of).toList(), query.page, query.size, total)));
        });
    }

    /**
     * Imports rows: each valid row creates a token or replaces the settings of the one with its value and type;
     * invalid rows (and repeats of a value and type already in the file) are reported and skipped. The valid rows
     * commit together.
     */
    public Uni<ImportReport> importRows(List<TokenImport.Row> rows) {
        List<ImportReport.Rejected> rejected = new ArrayList<>();
        Map<String, TokenImport.Row> valid = new java.util.LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (TokenImport.Row row : rows) {
            if (row.error() != null) {
                rejected.add(new ImportReport.Rejected(row.line(), row.error()));
                continue;
            }
            List<String> problems = problems(row.settings());
            if (!problems.isEmpty()) {
                rejected.add(new ImportReport.Rejected(row.line(), String.join("; ", problems)));
                continue;
            }
            String identity = identity(row.settings().value(), row.settings().type());
            Integer earlier = firstLine.putIfAbsent(identity, row.line());
            if (earlier != null) {
                rejected.add(new ImportReport.Rejected(row.line(), "repeats the token of line " + earlier));
                continue;
            }
            valid.put(identity, row);
        }
        rejected.sort(Comparator.comparingInt(ImportReport.Rejected::line));
        if (valid.isEmpty()) {
            return Uni.createFrom().item(new ImportReport(0, 0, rejected));
        }
        List<String> keys = valid.values().stream().map(r -> RegisteredToken.keyOf(r.settings().value()))
                .distinct().toList();
        return Panache.withTransaction(() -> existing(keys).chain(existing -> {
            int created = 0;
            int updated = 0;
            List<RegisteredToken> fresh = new ArrayList<>();
            for (Map.Entry<String, TokenImport.Row> entry : valid.entrySet()) {
                RegisteredToken token = existing.get(entry.getKey());
                if (token == null) {
                    token = new RegisteredToken();
                    token.createdAt = clock.instant();
                    fresh.add(token);
                    created++;
                } else {
                    updated++;
                }
                apply(token, entry.getValue().settings());
            }
            int createdCount = created;
            int updatedCount = updated;
            return RegisteredToken.persist(fresh)
                    .replaceWith(() -> new ImportReport(createdCount, updatedCount, rejected));
        }));
    }

    private Uni<Map<String, RegisteredToken>> existing(List<String> keys) {
        Uni<Map<String, RegisteredToken>> result = Uni.createFrom().item(new HashMap<>());
        for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY));
            result = result.chain(map -> RegisteredToken.<RegisteredToken>list("valueKey in ?1", chunk).map(list -> {
                list.forEach(token -> map.put(identity(token.value, token.type), token));
                return map;
            }));
        }
        return result;
    }

    /** Every problem of a row: bean validation of the fields, then the rules across fields. */
    List<String> problems(TokenSettings settings) {
        List<String> problems = new ArrayList<>();
        for (ConstraintViolation<TokenSettings> violation : validator.validate(settings)) {
            problems.add(violation.getPropertyPath() + " " + violation.getMessage());
        }
        problems.sort(null);
        if (problems.isEmpty()) {
            problems.addAll(crossFieldProblems(settings));
        }
        return problems;
    }

    private static void requireConsistent(TokenSettings settings) {
        List<String> problems = crossFieldProblems(settings);
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest(String.join("; ", problems));
        }
    }

    private static List<String> crossFieldProblems(TokenSettings settings) {
        List<String> problems = new ArrayList<>();
        if (settings.type() == IdTokenType.Other && (settings.otherType() == null || settings.otherType().isBlank())) {
            problems.add("otherType is required with type Other");
        }
        if (settings.type() != IdTokenType.Other && settings.otherType() != null) {
            problems.add("otherType is only allowed with type Other");
        }
        if (DECISIONS_ONLY.contains(settings.status())) {
            problems.add("status " + settings.status() + " is a decision, not a token state");
        }
        if (settings.groupIdToken() != null
                && RegisteredToken.keyOf(settings.groupIdToken().value()).equals(RegisteredToken.keyOf(settings.value()))) {
            problems.add("groupIdToken must not be the token itself");
        }
        return problems;
    }

    private void apply(RegisteredToken token, TokenSettings settings) {
        token.value = settings.value();
        token.valueKey = RegisteredToken.keyOf(settings.value());
        token.type = settings.type();
        token.otherType = settings.otherType();
        token.status = settings.status();
        token.expiresAt = settings.expiresAt();
        token.groupValue = settings.groupIdToken() == null ? null : settings.groupIdToken().value();
        token.groupType = settings.groupIdToken() == null ? null : settings.groupIdToken().type();
        token.groupKey = RegisteredToken.keyOf(token.groupValue);
        token.allowedStations = settings.allowedStations() == null ? Set.of()
                : new TreeSet<>(settings.allowedStations());
        token.maxConcurrentSessions = settings.maxConcurrentSessions() == null ? 1 : settings.maxConcurrentSessions();
        token.updatedAt = clock.instant();
    }

    private static Uni<RegisteredToken> find(String value, IdTokenType type) {
        return RegisteredToken.<RegisteredToken>find("valueKey = ?1 and type = ?2", RegisteredToken.keyOf(value), type)
                .firstResult();
    }

    private static RegisteredToken found(long id, RegisteredToken token) {
        if (token == null) {
            throw ProblemException.notFound("no token " + id);
        }
        return token;
    }

    private static String identity(String value, IdTokenType type) {
        return RegisteredToken.keyOf(value) + "\u0000" + type;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The tokens with these keys, for building local lists. */
    public Uni<List<RegisteredToken>> byKeys(Set<String> keys) {
        return RegisteredToken.<RegisteredToken>list("valueKey in ?1", List.copyOf(keys))
                .map(list -> list.stream().sorted(Comparator.comparing(t -> t.id)).collect(Collectors.toList()));
    }
}
