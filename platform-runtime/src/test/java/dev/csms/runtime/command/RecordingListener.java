package dev.csms.runtime.command;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The test application's completion listener: records what it is told and fails for the kind {@link #FAILING}. */
@ApplicationScoped
public class RecordingListener implements CommandCompletionListener {

    static final String FAILING = "failing-listener";

    private final List<CommandRecord> completed = new CopyOnWriteArrayList<>();

    @Override
    public Uni<Void> completed(CommandRecord record) {
        if (FAILING.equals(record.kind())) {
            return Uni.createFrom().failure(new IllegalStateException("listener refuses " + record.commandId()));
        }
        completed.add(record);
        return Uni.createFrom().voidItem();
    }

    List<CommandRecord> completionsOf(String commandId) {
        return completed.stream().filter(r -> r.commandId().equals(commandId)).toList();
    }
}
