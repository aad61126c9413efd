package dev.csms.session.testing;

import dev.csms.events.EventType;
import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.sessions.ReservationChanged;
import dev.csms.events.sessions.SessionEnded;
import dev.csms.events.sessions.SessionStarted;
import dev.csms.events.sessions.SessionUpdated;
import dev.csms.localstack.testing.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Reads {@code sessions.events} from the moment it is opened. */
public final class SessionEvents implements AutoCloseable {

    private final EventCodec codec = new EventCodec();
    private final TopicProbe probe = new TopicProbe(Topics.unprefixed().name(Topics.SESSIONS_EVENTS));

    public List<SessionStarted> started(String stationId, int count) {
        return await(EventTypes.SESSION_STARTED, stationId, count, e -> true);
    }

    public List<SessionUpdated> updated(String stationId, int count, Predicate<SessionUpdated> filter) {
        return await(EventTypes.SESSION_UPDATED, stationId, count, filter);
    }

    public List<SessionEnded> ended(String stationId, int count) {
        return await(EventTypes.SESSION_ENDED, stationId, count, e -> true);
    }

    public List<SessionEnded> ended(String stationId, int count, Predicate<SessionEnded> filter) {
        return await(EventTypes.SESSION_ENDED, stationId, count, filter);
    }

    public List<ReservationChanged> reservations(String stationId, int count, Predicate<ReservationChanged> filter) {
        return await(EventTypes.RESERVATION_CHANGED, stationId, count, filter);
    }

    /** Every event of the station of a type received within {@code during}: to check that none more came. */
    public <T> List<T> during(EventType<T> type, String stationId, Duration during) {
        return probe.collectFor(r -> stationId.equals(r.key()) && type.type().equals(
                Gateway.header(r, CloudEventHeaders.TYPE)), during).stream()
                .map(r -> codec.fromRecord(r, type).data()).toList();
    }

    private <T> List<T> await(EventType<T> type, String stationId, int count, Predicate<T> filter) {
        return probe.awaitAll(r -> stationId.equals(r.key()) && type.type().equals(Gateway.header(r,
                CloudEventHeaders.TYPE)) && filter.test(codec.fromRecord(r, type).data()), count).stream()
                .map(r -> codec.fromRecord(r, type).data()).toList();
    }

    @Override
    public void close() {
        probe.close();
    }
}
