package dev.csms.benchmarks;

import dev.csms.simulator.load.LoadProtocol.Message;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The load generators of one benchmark, commanded together: each command goes to all, then all are awaited. */
final class Fleet {

    private final List<LoadGenerator> generators;

    Fleet(List<LoadGenerator> generators) {
        this.generators = generators;
    }

    int size() {
        return generators.size();
    }

    /** Sends {@code command(generator index)} to every generator, then waits for each one's {@code event}. */
    List<Message> all(Function<Integer, String> command, String event, Duration timeout) {
        for (int i = 0; i < generators.size(); i++) {
            generators.get(i).send(command.apply(i));
        }
        return generators.stream().map(g -> g.await(event, timeout)).toList();
    }

    /** Starts every station at {@code perSecond} in all and waits until all are booted. */
    List<Message> connect(double perSecond, Duration timeout) {
        double each = perSecond / generators.size();
        return all(i -> String.format(Locale.ROOT, "connect %.3f %d", each, timeout.toSeconds()), "booted",
                timeout.plusSeconds(30));
    }

    /** One traffic phase at {@code rate} per second in all. */
    List<Message> traffic(String action, double rate, Duration duration) {
        double each = rate / generators.size();
        return all(i -> String.format(Locale.ROOT, "traffic %s %.3f %d", action, each, duration.toSeconds()),
                "traffic", duration.plusSeconds(90));
    }

    static long sum(List<Message> messages, String key) {
        return messages.stream().mapToLong(m -> m.number(key)).sum();
    }

    static long max(List<Message> messages, String key) {
        return messages.stream().mapToLong(m -> m.number(key)).max().orElse(0);
    }

    static boolean allComplete(List<Message> messages) {
        return messages.stream().allMatch(m -> m.text("complete").equals("true"));
    }
}
