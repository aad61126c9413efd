package dev.csms.runtime.inbound;

import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.StationCall;
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

/**
 * The registry of a service's {@link StationCallHandler}, {@link CommandResultHandler} and
 * {@link ConnectionEventHandler} beans, built once at startup. Handlers of one kind run in the order of their class
 * names, so the order is stable across replicas and restarts.
 */
@ApplicationScoped
public class InboundHandlers {

    private final Map<String, List<StationCallHandler<?>>> byAction = new HashMap<>();
    private final List<CommandResultHandler> resultHandlers;
    private final List<ConnectionEventHandler> connectionHandlers;

    InboundHandlers(@Any Instance<StationCallHandler<?>> callHandlers,
            @Any Instance<CommandResultHandler> resultHandlers,
            @Any Instance<ConnectionEventHandler> connectionHandlers) {
        for (StationCallHandler<?> handler : sorted(callHandlers)) {
            if (handler.eventClass() == StationEvent.RawStationMessage.class && handler.rawAction().isEmpty()) {
                throw new IllegalStateException(
                        className(handler) + " handles RawStationMessage but names no raw action");
            }
            byAction.computeIfAbsent(key(handler.eventClass(), handler.rawAction()), k -> new ArrayList<>())
                    .add(handler);
        }
        this.resultHandlers = sorted(resultHandlers);
        this.connectionHandlers = sorted(connectionHandlers);
    }

    /** The handlers of an event, in order; empty when no handler takes it. */
    public List<StationCallHandler<?>> handlersOf(StationEvent event) {
        Optional<String> raw = event instanceof StationEvent.RawStationMessage message
                ? Optional.of(message.action())
                : Optional.empty();
        return byAction.getOrDefault(key(event.getClass(), raw), List.of());
    }

    /**
     * The class names of the handlers of an event class (not a raw message), in order: for a service that handles
     * some events on a path of its own and must know that this path covers every handler.
     */
    public List<String> handlerNamesOf(Class<? extends StationEvent> eventClass) {
        return byAction.getOrDefault(key(eventClass, Optional.empty()), List.of()).stream()
                .map(InboundHandlers::className).toList();
    }

    /** The class names of the connection event handlers, in order. */
    public List<String> connectionHandlerNames() {
        return connectionHandlers.stream().map(InboundHandlers::className).toList();
    }

    /** Every command result handler, in order. */
    public List<CommandResultHandler> resultHandlers() {
        return resultHandlers;
    }

    /** Every connection event handler, in order. */
    public List<ConnectionEventHandler> connectionHandlers() {
        return connectionHandlers;
    }

    /** Runs the handlers of a call one after the other. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public Uni<Void> dispatch(EventEnvelope<StationCall> call) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (StationCallHandler handler : handlersOf(call.data().event())) {
            chain = chain.chain(() -> handler.handle(call, call.data().event()));
        }
        return chain;
    }

    private static <T> List<T> sorted(Instance<T> beans) {
        List<T> list = new ArrayList<>();
        beans.forEach(list::add);
        list.sort(Comparator.comparing(InboundHandlers::className));
        return List.copyOf(list);
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
