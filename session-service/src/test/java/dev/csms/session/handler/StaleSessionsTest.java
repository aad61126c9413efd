package dev.csms.session.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csms.events.sessions.SessionEnd;
import dev.csms.events.sessions.SessionEnded;
import dev.csms.events.sessions.SessionStatus;
import dev.csms.events.sessions.SessionUpdated;
import dev.csms.localstack.LocalStackTestResource;
import dev.csms.ocpp.OcppVersion;
import dev.csms.session.testing.Gateway;
import dev.csms.session.testing.SessionEvents;
import dev.csms.session.testing.TestClock;
import dev.csms.session.testing.TokenFixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Zombie transactions: sessions without news become Stale (the service's clock is moved past the stale timeout and
 * the sweep, every second in tests, notices), stop blocking their token, and end at the station's reboot or when
 * the connector reports Available; a late stop still corrects them.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "session"))
class StaleSessionsTest {

    private Gateway gateway;
    private SessionEvents events;

    @BeforeEach
    void open() {
        gateway = new Gateway();
        events = new SessionEvents();
    }

    @AfterEach
    void close() {
        events.close();
        gateway.close();
    }

    private static String station() {
        return "CS-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private int start(String station, int connector, String tag) {
        return gateway.response(gateway.call(station, OcppVersion.V1_6, "StartTransaction",
                TransactionsTest.start16(connector, tag, 0, Instant.now()))).get("transactionId").asInt();
    }

    private static String status16(int connector, String status) {
        return "{\"connectorId\":" + connector + ",\"errorCode\":\"NoError\",\"status\":\"" + status
                + "\",\"timestamp\":\"" + TestClock.now() + "\"}";
    }

    @Test
    void aQuietSessionBecomesStaleStopsBlockingItsTokenAndEndsAtRebootOrAvailable() {
        String rebooting = station();
        String unplugged = station();
        String tag = TokenFixtures.accepted();
        String other = TokenFixtures.accepted();
        int zombie = start(rebooting, 1, tag);
        start(unplugged, 1, other);
        start(unplugged, 2, TokenFixtures.accepted());
        events.started(rebooting, 1);
        events.started(unplugged, 2);

        TestClock.advance(Duration.ofHours(3));
        SessionUpdated stale = events.updated(rebooting, 1, u -> u.status() == SessionStatus.Stale).get(0);
        assertThat(stale.transactionId()).isEqualTo(String.valueOf(zombie));
        events.updated(unplugged, 2, u -> u.status() == SessionStatus.Stale);

        // the stale session does not block its driver elsewhere
        assertThat(gateway.response(gateway.call(station(), OcppVersion.V1_6, "Authorize",
                "{\"idTag\":\"" + tag + "\"}")).get("idTagInfo").get("status").asText()).isEqualTo("Accepted");

        gateway.call(rebooting, OcppVersion.V1_6, "BootNotification",
                "{\"chargePointVendor\":\"ACME\",\"chargePointModel\":\"W1\"}");
        SessionEnded rebooted = events.ended(rebooting, 1).get(0);
        assertThat(rebooted.endedBy()).isEqualTo(SessionEnd.StationRebooted);
        assertThat(rebooted.stoppedReason()).isNull();

        // connector 1 Available ends only connector 1's stale session; connector 2 stays stale
        gateway.call(unplugged, OcppVersion.V1_6, "StatusNotification", status16(1, "Available"));
        SessionEnded available = events.ended(unplugged, 1).get(0);
        assertThat(available.endedBy()).isEqualTo(SessionEnd.ConnectorAvailable);
        assertThat(available.evseId()).isEqualTo(1);
        gateway.call(unplugged, OcppVersion.V1_6, "StatusNotification", status16(2, "Charging"));
        assertThat(events.during(dev.csms.events.EventTypes.SESSION_ENDED, unplugged, Duration.ofSeconds(2)))
                .hasSize(1);

        // the real stop arriving late corrects the session closed at reboot
        gateway.call(rebooting, OcppVersion.V1_6, "StopTransaction",
                TransactionsTest.stop16(zombie, null, 1234, Instant.now(), "Reboot"));
        SessionEnded corrected = events.ended(rebooting, 1, e -> e.endedBy() == SessionEnd.Station).get(0);
        assertThat(corrected.sessionId()).isEqualTo(rebooted.sessionId());
        assertThat(corrected.energyWh()).isEqualByComparingTo("1234");
        assertThat(corrected.version()).isGreaterThan(rebooted.version());
    }

    @Test
    void newsOfAStaleSessionMakesItActiveAgain() {
        String station = station();
        int tx = start(station, 1, TokenFixtures.accepted());
        TestClock.advance(Duration.ofHours(3));
        events.updated(station, 1, u -> u.status() == SessionStatus.Stale);
        gateway.call(station, OcppVersion.V1_6, "MeterValues",
                TransactionsTest.meter16(1, tx, Instant.now(), "77"));
        SessionUpdated active = events.updated(station, 1, u -> u.status() == SessionStatus.Active).get(0);
        assertThat(active.energyWh()).isEqualByComparingTo("77");
    }
}
