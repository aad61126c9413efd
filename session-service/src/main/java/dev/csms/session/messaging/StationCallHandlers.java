package dev.csms.session.messaging;

import dev.csms.ocpp.canonical.StationEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry of {@link StationCallHandler} and {@link CommandResultHandler} beans, built once at startup. */
@ApplicationScoped
public class StationCallHandlers {

    private final Map<String, List<StationCallHandler<?>>> byAction = new HashMap<>();
    private final List<CommandResultHandler> resultHandlers;

    StationCallHandlers(@Any Instance<StationCallHandler<?>> callHandlers,
            @Any Instance<CommandResultHandler> resultHandlers) {
        List<StationCallHandler<?>> sorted = new ArrayList<>();
        callHandlers.forEach(sorted::add);
        sorted.sort(Comparator.comparing(StationCallHandlers::className));
        for (StationCallHandler<?> handler : sorted) {
            if (handler.eventClass() == StationEvent.RawStationMessage.class && handler.rawAction().isEmpty()) {
                throw new IllegalStateException(className(handler) + " handles RawStationMessage but names no raw action");
            }
            byAction.computeIfAbsent(key(handler.eventClass(), handler.rawAction()), k -> new ArrayList<>())
                    .add(handler);
        }
        List<CommandResultHandler> results = new ArrayList<>();
        resultHandlers.forEach(results::add);
        results.sort(Comparator.comparing(StationCallHandlers::className));
        this.resultHandlers = List.copyOf(results);
    }

    /** The handlers of an event, in order; empty when no handler takes it. */
    public List<StationCallHandler<?>> handlersOf(StationEvent event) {
        Optional<String> raw = event instanceof StationEvent.RawStationMessage message ? Optional.of(message.action())
                : Optional.empty();
        return byAction.getOrDefault(key(event.getClass(), raw), List.of());
    }

    /** Every command result handler, in order. */
    public List<CommandResultHandler> resultHandlers() {
        return resultHandlers;
    }

    /** Runs the handlers one after the other. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public Uni<Void> dispatch(dev.csms.events.cloudevents.EventEnvelope<dev.csms.events.ocpp.StationCall> call) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (StationCallHandler handler : handlersOf(call.data().event())) {
            chain = chain.chain(() -> handler.handle(call, call.data().event()));
        }
        return chain;
    }

    private static String key(Class<?> eventClass, Optional<String> rawAction) {
        return eventClass.getName() + rawAction.map(action -> "#" + action).orElse("");
    }

    private static String className(Object bean) {
        // CDI client proxies are subclasses named after the bean class
        String name = bean.getClass().getName();
        int proxy = name.indexOf("_ClientProxy");
        return proxy < 0 ? name : name.substring(0, proxy);
    }
}
