package dev.csms.session.handler;

import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.CallAnswer;
import dev.csms.events.ocpp.StationCall;
import dev.csms.ocpp.canonical.CsmsAnswer.AuthorizeAnswer;
import dev.csms.ocpp.canonical.StationEvent.Authorize;
import dev.csms.runtime.outbox.Outbox;
import dev.csms.session.authorization.AuthorizationRequest;
import dev.csms.session.authorization.Authorizer;
import dev.csms.runtime.inbound.StationCallHandler;
import dev.csms.session.service.SessionRecords;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Authorize (every version): the {@link Authorizer}'s verdict, with the concurrency rule (a token already charging
 * elsewhere gets ConcurrentTx) and a reservation of the whole station (Authorize names no EVSE). No contract
 * certificate check: a 2.x request with a certificate gets no certificateStatus.
 */
@ApplicationScoped
public class AuthorizeHandler implements StationCallHandler<Authorize> {

    private final Authorizer authorizer;
    private final Outbox outbox;
    private final SessionRecords records;

    AuthorizeHandler(Authorizer authorizer, Outbox outbox, SessionRecords records) {
        this.authorizer = authorizer;
        this.outbox = outbox;
        this.records = records;
    }

    @Override
    public Class<Authorize> eventClass() {
        return Authorize.class;
    }

    @Override
    public Uni<Void> handle(EventEnvelope<StationCall> call, Authorize event) {
        return Panache.withTransaction(() -> authorizer.decide(AuthorizationRequest.toStart(call.data().stationId(),
                null, event.idToken(), null, null)).chain(verdict -> outbox.enqueue(records.answer(
                        CallAnswer.of(call.data(), call.id(), new AuthorizeAnswer(verdict.info(), null))))));
    }
}
