package dev.csms.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The results table at the end of docs/benchmarks.md: every run appends one row (date, benchmark, machine,
 * command, numbers, note). The table must be the last thing in the file; when the file does not end with a table
 * row, the header is written first.
 */
public final class ResultsLog {

    static final String HEADER = "| date (UTC) | benchmark | machine (at start) | command | result | note |\n"
            + "|---|---|---|---|---|---|\n";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    private ResultsLog() {
    }

    /** Appends one row to {@code file}. */
    public static void append(Path file, Instant when, String benchmark, Machine machine, String command,
            ResultTable result, String note) {
        try {
            String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            String text = (needsHeader(existing) ? (existing.isEmpty() || existing.endsWith("\n\n") ? "" :
                    existing.endsWith("\n") ? "\n" : "\n\n") + HEADER : existing.endsWith("\n") ? "" : "\n")
                    + row(when, benchmark, machine, command, result, note);
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    static String row(Instant when, String benchmark, Machine machine, String command, ResultTable result,
            String note) {
        return "| " + DATE.format(when) + " | " + benchmark + " | " + machine.describe() + " | `" + command.replace("|",
                "\\|") + "` | " + result.summaryCell() + " | " + note.replace("|", "\\|") + " |\n";
    }

    static boolean needsHeader(String existing) {
        List<String> lines = existing.lines().filter(line -> !line.isBlank()).toList();
        return lines.isEmpty() || !lines.get(lines.size() - 1).startsWith("|");
    }
}
