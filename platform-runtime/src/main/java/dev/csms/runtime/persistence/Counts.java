package dev.csms.runtime.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Counting rows on a hot path, in the caller's session and transaction. Panache's {@code Entity.count(query, ...)}
 * goes through Hibernate 7.2's result-count path, which builds the SQL interpretation of the query again on every
 * call (no plan cache); an HQL {@code select count(*)} selection query is interpreted once and cached like any other
 * HQL query. (Native SELECTs are worse still: docs/platform-runtime.md.)
 */
public final class Counts {

    private Counts() {
    }

    /**
     * {@code select count(*) from <entity> where <where>}, with positional parameters {@code ?1, ?2, ...}.
     *
     * @param entity an entity class (its entity name is its simple name)
     */
    public static Uni<Long> count(Class<?> entity, String where, Object... parameters) {
        String hql = "select count(*) from " + entity.getSimpleName() + " where " + where;
        return Panache.getSession().chain(session -> {
            Mutiny.SelectionQuery<Long> query = session.createSelectionQuery(hql, Long.class);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.getSingleResult();
        });
    }

    /** Whether {@link #count} is above zero. */
    public static Uni<Boolean> exists(Class<?> entity, String where, Object... parameters) {
        return count(entity, where, parameters).map(count -> count > 0);
    }
}
