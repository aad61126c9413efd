package dev.csms.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The result of one benchmark run: named values, some with a target and whether it was met. Rendered as a
 * console table and as one summary cell for docs/benchmarks.md.
 */
public final class ResultTable {

    private final String benchmark;
    private final List<Row> rows = new ArrayList<>();

    public ResultTable(String benchmark) {
        this.benchmark = benchmark;
    }

    /** A value without a target. */
    public ResultTable add(String name, String value) {
        rows.add(new Row(name, value, "", null));
        return this;
    }

    /** A value with its target and whether it met it. */
    public ResultTable add(String name, String value, String target, boolean met) {
        rows.add(new Row(name, value, target, met));
        return this;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Every target met (true when there is none). */
    public boolean targetsMet() {
        return rows.stream().allMatch(row -> row.met() == null || row.met());
    }

    /** The console table. */
    public String render() {
        int nameWidth = Math.max(8, rows.stream().mapToInt(r -> r.name().length()).max().orElse(0));
        int valueWidth = Math.max(6, rows.stream().mapToInt(r -> r.value().length()).max().orElse(0));
        StringBuilder out = new StringBuilder();
        out.append("=== ").append(benchmark).append(" ===\n");
        String format = "%-" + nameWidth + "s  %" + valueWidth + "s  %s%n";
        out.append(String.format(Locale.ROOT, format, "measure", "value", "target"));
        for (Row row : rows) {
            String target = row.target().isEmpty() ? "" : row.target() + (row.met() ? "  met" : "  NOT met");
            out.append(String.format(Locale.ROOT, format, row.name(), row.value(), target));
        }
        return out.toString();
    }

    /** One markdown table cell: {@code name value (target ..., met); ...}, pipes escaped. */
    public String summaryCell() {
        return rows.stream().map(row -> row.name() + " " + row.value()
                        + (row.target().isEmpty() ? "" : " (target " + row.target() + (row.met() ? ", met)" : ", NOT met)")))
                .collect(Collectors.joining("; ")).replace("|", "\\|");
    }

    /**
     * One measure.
     *
     * @param name   what was measured
     * @param value  the value with its unit
     * @param target the target, or empty
     * @param met    whether the target was met; null without a target
     */
    public record Row(String name, String value, String target, Boolean met) {
    }
}
