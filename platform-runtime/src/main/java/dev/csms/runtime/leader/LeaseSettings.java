package dev.csms.runtime.leader;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings of one Lease election, resolved and checked.
 *
 * @param namespace namespace of the Lease
 * @param leaseName name of the Lease
 * @param identity this contender's identity, unique among the replicas
 * @param leaseDuration validity of the Lease without renewal
 * @param renewDeadline how long the leader keeps trying to renew before it steps down
 * @param retryPeriod pause between acquire/renew attempts
 */
public record LeaseSettings(String namespace, String leaseName, String identity, Duration leaseDuration,
        Duration renewDeadline, Duration retryPeriod) {

    public LeaseSettings {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(leaseName, "leaseName");
        Objects.requireNonNull(identity, "identity");
        // The leader must step down before its Lease can expire, or two replicas would both believe they lead.
        if (renewDeadline.compareTo(leaseDuration) >= 0) {
            throw new IllegalArgumentException("csms.leader.renew-deadline (" + renewDeadline
                    + ") must be shorter than csms.leader.lease-duration (" + leaseDuration + ")");
        }
        if (retryPeriod.compareTo(renewDeadline) >= 0) {
            throw new IllegalArgumentException("csms.leader.retry-period (" + retryPeriod
                    + ") must be shorter than csms.leader.renew-deadline (" + renewDeadline + ")");
        }
    }
}
