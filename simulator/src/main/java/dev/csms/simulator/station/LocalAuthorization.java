package dev.csms.simulator.station;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The local authorization list (SendLocalList / GetLocalListVersion) and the authorization cache (filled by
 * Authorize and transaction answers, emptied by ClearCache). A station uses them to decide while off line.
 * Both maps are created on first use.
 */
public final class LocalAuthorization {

    /** The most entries the list holds (LocalAuthListMaxLength). */
    public static final int MAX_ENTRIES = 1000;

    private int version;
    private Map<String, String> list;
    private Map<String, String> cache;

    /** The list version (0: no list). */
    public int version() {
        return version;
    }

    /** Entries in the list. */
    public int size() {
        return list == null ? 0 : list.size();
    }

    /** The outcome of an update. */
    public enum UpdateResult {
        /** Applied. */
        ACCEPTED,
        /** A differential update whose version is not newer than the list's. */
        VERSION_MISMATCH,
        /** The list would be too long. */
        FAILED
    }

    /**
     * Applies a SendLocalList.
     *
     * @param newVersion the list version
     * @param full       a full replacement (else differential)
     * @param entries    id tag to status; a null status removes the tag (differential)
     */
    public UpdateResult update(int newVersion, boolean full, Map<String, String> entries) {
        if (!full && newVersion <= version) {
            return UpdateResult.VERSION_MISMATCH;
        }
        Map<String, String> next = full || list == null ? new HashMap<>() : new HashMap<>(list);
        entries.forEach((tag, status) -> {
            if (status == null) {
                next.remove(tag);
            } else {
                next.put(tag, status);
            }
        });
        if (next.size() > MAX_ENTRIES) {
            return UpdateResult.FAILED;
        }
        list = next.isEmpty() ? null : next;
        version = newVersion;
        return UpdateResult.ACCEPTED;
    }

    /** The status the list or cache hold for a tag (list first). */
    public Optional<String> lookup(String idTag) {
        if (list != null && list.containsKey(idTag)) {
            return Optional.of(list.get(idTag));
        }
        return Optional.ofNullable(cache == null ? null : cache.get(idTag));
    }

    /** Remembers what the CSMS said about a tag. */
    void remember(String idTag, String status) {
        if (cache == null) {
            cache = new HashMap<>(4);
        } else if (cache.size() >= MAX_ENTRIES && !cache.containsKey(idTag)) {
            cache.clear();
        }
        cache.put(idTag, status);
    }

    /** Empties the cache (ClearCache). */
    public void clearCache() {
        cache = null;
    }
}
