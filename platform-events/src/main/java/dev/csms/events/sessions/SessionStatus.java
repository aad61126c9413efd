package dev.csms.events.sessions;

/** Where a charging session stands. */
public enum SessionStatus {
    /** The transaction runs. */
    Active,
    /**
     * No news from the station about it for longer than session-service's stale timeout; it no longer counts as
     * the token's running session, and the station's next reboot or an Available connector ends it.
     */
    Stale,
    /** It ended; the totals are final unless a late station message corrects them (a newer {@code version}). */
    Ended
}
