package dev.csms.runtime.presence;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** DOWN until the presence view has read what was on {@code ocpp.presence} at startup; UP when the view is off. */
@Readiness
@ApplicationScoped
class PresenceViewReadiness implements HealthCheck {

    private final PresenceView view;

    PresenceViewReadiness(PresenceView view) {
        this.view = view;
    }

    @Override
    public HealthCheckResponse call() {
        if (!view.isEnabled()) {
            return HealthCheckResponse.named("presence-view").up().withData("enabled", false).build();
        }
        boolean caughtUp = view.isCaughtUp();
        var response = HealthCheckResponse.named("presence-view").status(caughtUp).withData("status", view.status());
        if (caughtUp) {
            response.withData("connected", view.connectedCount());
        }
        return response.build();
    }
}
