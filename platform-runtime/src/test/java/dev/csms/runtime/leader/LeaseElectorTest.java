package dev.csms.runtime.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.net.InetAddress;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs real fabric8 electors against the fabric8 mock API server in CRUD mode (it stores the Lease). */
class LeaseElectorTest {

    private static final String NAMESPACE = "csms";
    private static final String LEASE = "test-service-leader";
    private static final Duration LEASE_DURATION = Duration.ofSeconds(2);
    private static final Duration RENEW_DEADLINE = Duration.ofMillis(1500);
    private static final Duration RETRY_PERIOD = Duration.ofMillis(200);

    private KubernetesMockServer server;
    private final List<KubernetesClient> clients = new ArrayList<>();
    private final List<LeaseElector> electors = new ArrayList<>();
    /** Every leadership change of every elector, in the order they happened. */
    private final List<String> timeline = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startApiServer() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stopAll() {
        electors.forEach(LeaseElector::stop);
        clients.forEach(KubernetesClient::close);
        server.destroy();
    }

    @Test
    void exactlyOneLeadsAndTheOtherTakesOverSoonAfterTheLeaderStops() {
        // A long Lease, so that the takeover measured below can only come from the release, not from expiry.
        Duration leaseDuration = Duration.ofSeconds(6);
        Duration renewDeadline = Duration.ofSeconds(4);
        LeaseElector a = elector("pod-a", leaseDuration, renewDeadline);
        LeaseElector b = elector("pod-b", leaseDuration, renewDeadline);
        a.start();
        b.start();

        await().atMost(Duration.ofSeconds(2)).until(() -> a.isLeader() || b.isLeader());
        // for several retry periods, never both
        await().during(RETRY_PERIOD.multipliedBy(4)).atMost(RETRY_PERIOD.multipliedBy(6))
                .until(() -> a.isLeader() ^ b.isLeader());
        LeaseElector leader = a.isLeader() ? a : b;
        LeaseElector follower = leader == a ? b : a;
        assertThat(holder()).isEqualTo(leader.identity());

        long stoppedAt = System.nanoTime();
        leader.stop();

        assertThat(leader.isLeader()).isFalse();
        // fabric8 releases by shortening the Lease to one second, so the follower needs about 1s + one retry
        await().atMost(leaseDuration.dividedBy(2)).until(follower::isLeader);
        assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isLessThan(leaseDuration.dividedBy(2));
        assertThat(holder()).isEqualTo(follower.identity());
        assertThat(timeline).containsExactly(leader.identity() + "+", leader.identity() + "-",
                follower.identity() + "+");
    }

    @Test
    void aLeaseOfACrashedReplicaIsTakenOverOnlyAfterItExpired() {
        ZonedDateTime renewed = ZonedDateTime.now(ZoneOffset.UTC);
        Lease held = new LeaseBuilder()
                .withNewMetadata().withNamespace(NAMESPACE).withName(LEASE).endMetadata()
                .withNewSpec()
                .withHolderIdentity("crashed-pod")
                .withLeaseDurationSeconds((int) LEASE_DURATION.toSeconds())
                .withAcquireTime(renewed)
                .withRenewTime(renewed)
                .withLeaseTransitions(0)
                .endSpec()
                .build();
        KubernetesClient admin = client();
        admin.resources(Lease.class).inNamespace(NAMESPACE).resource(held).create();

        LeaseElector b = elector("pod-b", LEASE_DURATION, RENEW_DEADLINE);
        b.start();

        await().atMost(LEASE_DURATION.plus(RETRY_PERIOD.multipliedBy(4))).until(b::isLeader);
        Duration waited = Duration.between(renewed, ZonedDateTime.now(ZoneOffset.UTC));
        assertThat(waited).isGreaterThanOrEqualTo(LEASE_DURATION);
        assertThat(holder()).isEqualTo("pod-b");
        assertThat(timeline).containsExactly("pod-b+");
    }

    private String holder() {
        Lease lease = clients.get(0).resources(Lease.class).inNamespace(NAMESPACE).withName(LEASE).get();
        return lease == null ? null : lease.getSpec().getHolderIdentity();
    }

    private KubernetesClient client() {
        KubernetesClient client = server.createClient();
        clients.add(client);
        return client;
    }

    private LeaseElector elector(String identity, Duration leaseDuration, Duration renewDeadline) {
        LeaseElector elector = new LeaseElector(client(),
                new LeaseSettings(NAMESPACE, LEASE, identity, leaseDuration, renewDeadline, RETRY_PERIOD),
                leading -> timeline.add(identity + (leading ? "+" : "-")));
        electors.add(elector);
        return elector;
    }
}
