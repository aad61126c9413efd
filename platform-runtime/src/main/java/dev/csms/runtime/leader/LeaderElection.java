package dev.csms.runtime.leader;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

/** Starts the configured leader election with the application and releases the Lease when it stops. */
@ApplicationScoped
class LeaderElection {

    private static final Logger LOG = Logger.getLogger(LeaderElection.class);

    private final LeaderConfig config;
    private final LeaderStatus status;
    private final Instance<KubernetesClient> clients;
    private LeaseElector elector;

    LeaderElection(LeaderConfig config, LeaderStatus status, Instance<KubernetesClient> clients) {
        this.config = config;
        this.status = status;
        this.clients = clients;
    }

    void onStart(@Observes StartupEvent event) {
        switch (config.mode()) {
            case ALWAYS -> {
                LOG.info("Leader election mode 'always': this process runs the singleton work");
                status.update(true);
            }
            case KUBERNETES -> {
                // The client is only looked up here, so that mode 'always' never talks to a Kubernetes API server.
                KubernetesClient client = clients.get();
                elector = new LeaseElector(client, settings(client), status::update);
                elector.start();
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (elector != null) {
            elector.stop();
        }
        status.update(false);
    }

    private LeaseSettings settings(KubernetesClient client) {
        String namespace = config.namespace().orElseGet(client::getNamespace);
        if (namespace == null || namespace.isBlank()) {
            throw new IllegalStateException(
                    "csms.leader.namespace is not set and the Kubernetes client has no namespace; set csms.leader.namespace");
        }
        String identity = config.identity().orElseGet(() -> System.getenv("HOSTNAME"));
        if (identity == null || identity.isBlank()) {
            throw new IllegalStateException(
                    "csms.leader.identity is not set and the HOSTNAME environment variable is empty; set csms.leader.identity");
        }
        return new LeaseSettings(namespace, config.leaseName(), identity, config.leaseDuration(),
                config.renewDeadline(), config.retryPeriod());
    }
}
