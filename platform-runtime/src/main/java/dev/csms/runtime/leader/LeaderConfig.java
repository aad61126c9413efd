package dev.csms.runtime.leader;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Leader election for singleton background work (expiry sweeps, rollouts, optimisation runs). */
@ConfigMapping(prefix = "csms.leader")
public interface LeaderConfig {

    /** {@code always}: this process is always the leader (embedded default, tests); {@code kubernetes}: a Lease decides. */
    @WithDefault("always")
    Mode mode();

    /** Name of the {@code coordination.k8s.io/v1} Lease; one Lease per service, shared by its replicas. */
    @WithDefault("${quarkus.application.name:csms}-leader")
    String leaseName();

    /** Namespace of the Lease; when absent, the Kubernetes client's namespace (the pod's own, in a cluster). */
    Optional<String> namespace();

    /** This replica's identity in the Lease; when absent, the HOSTNAME environment variable (the pod name). */
    Optional<String> identity();

    /** How long a Lease stays valid without renewal; the longest time singleton work is unowned after a crash. */
    @WithDefault("15s")
    Duration leaseDuration();

    /** The leader gives up leadership when it could not renew for this long; must be shorter than lease-duration. */
    @WithDefault("10s")
    Duration renewDeadline();

    /** Pause between attempts to acquire or renew the Lease; must be shorter than renew-deadline. */
    @WithDefault("2s")
    Duration retryPeriod();

    enum Mode {
        ALWAYS, KUBERNETES
    }
}
