package dev.csms.runtime.leader;

/**
 * CDI event fired when this process gains or loses leadership. Observers run on the elector's thread (never
 * an event loop) and must return quickly: start or stop the singleton work, do not do it inline.
 *
 * @param leader whether this process now leads
 */
public record LeadershipChanged(boolean leader) {
}
