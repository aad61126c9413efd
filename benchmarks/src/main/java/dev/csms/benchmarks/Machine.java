package dev.csms.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a result was measured on: cores, RAM, JDK and the 1-minute load average when the benchmark started (other
 * work on the box changes every number, so a row without it is hard to judge).
 *
 * @param cores       available processors
 * @param memoryBytes MemTotal of /proc/meminfo (0 when unknown)
 * @param jdk         {@code java.runtime.version}
 * @param loadAverage 1-minute load average of /proc/loadavg (-1 when unknown)
 */
public record Machine(int cores, long memoryBytes, String jdk, double loadAverage) {

    private static final Pattern MEM_TOTAL = Pattern.compile("(?m)^MemTotal:\\s+(\\d+)\\s+kB");

    /** The machine this JVM runs on, now. */
    public static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(),
                parseMemTotal(read(Path.of("/proc/meminfo"))), System.getProperty("java.runtime.version"),
                currentLoadAverage());
    }

    /** The 1-minute load average now; -1 when /proc/loadavg cannot be read. */
    public static double currentLoadAverage() {
        return parseLoadAverage(read(Path.of("/proc/loadavg")));
    }

    /** MemTotal in bytes from the text of /proc/meminfo; 0 when absent. */
    static long parseMemTotal(String meminfo) {
        Matcher m = MEM_TOTAL.matcher(meminfo);
        return m.find() ? Long.parseLong(m.group(1)) * 1024 : 0;
    }

    /** The first field of /proc/loadavg; -1 when unreadable. */
    static double parseLoadAverage(String loadavg) {
        String[] fields = loadavg.trim().split("\\s+");
        try {
            return Double.parseDouble(fields[0]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code 2 cores, 23.4 GiB, JDK 17.0.15+6, load 0.99}. */
    public String describe() {
        return String.format(Locale.ROOT, "%d cores, %.1f GiB, JDK %s, load %.2f", cores,
                memoryBytes / (1024.0 * 1024 * 1024), jdk, loadAverage);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
