package dev.csms.benchmarks;

import java.util.Collection;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** Latency histograms in microseconds (as the load generators record them): merging and formatting. */
public final class Latencies {

    private Latencies() {
    }

    /** One histogram holding every value of the given ones (exact: counts are added, not percentiles). */
    public static Histogram merge(Collection<Histogram> histograms) {
        Histogram merged = new Histogram(3);
        histograms.forEach(merged::add);
        return merged;
    }

    /** A percentile in milliseconds. */
    public static double percentileMillis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /** {@code 12.3 ms}. */
    public static String millis(double value) {
        return String.format(Locale.ROOT, "%.1f ms", value);
    }
}
