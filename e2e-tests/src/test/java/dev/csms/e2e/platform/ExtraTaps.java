package dev.csms.e2e.platform;

import dev.csms.events.Topics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Taps on platform topics that {@link Platform} does not open itself (for example {@code device.campaigns}), one
 * per topic and test JVM, opened on first use and read from the topic's beginning. Left open until the JVM exits,
 * as the platform's own taps are.
 */
public final class ExtraTaps {

    private static final Map<String, TopicTap> TAPS = new ConcurrentHashMap<>();

    private ExtraTaps() {
    }

    /** The tap of a platform topic (unprefixed names, as the platform runs them). */
    public static TopicTap of(Platform platform, Topics.Topic topic) {
        String name = Topics.unprefixed().name(topic);
        return TAPS.computeIfAbsent(name, n -> TopicTap.start(platform.kafka().bootstrapServers(), n));
    }
}
