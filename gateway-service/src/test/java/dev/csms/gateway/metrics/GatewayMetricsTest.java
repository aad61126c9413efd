package dev.csms.gateway.metrics;

import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The latency meters as Prometheus scrapes them: histogram buckets, no client-side quantiles. */
class GatewayMetricsTest {

    private static final Pattern BUCKET = Pattern.compile("(?m)^(\\w+)_bucket\\{le=\"([^\"]+)\",?} (\\S+)$");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final GatewayMetrics metrics = new GatewayMetrics(registry);

    @Test
    void publishLatencyIsAHistogramFromOneMillisecondToThirtySeconds() {
        metrics.publishLatency(Duration.ofMillis(3).toNanos());
        metrics.publishLatency(Duration.ofMillis(40).toNanos());
        metrics.publishLatency(Duration.ofSeconds(45).toNanos());

        String scrape = registry.scrape();
        List<Bucket> buckets = buckets(scrape, "csms_gateway_publish_latency_seconds");

        assertThat(scrape).doesNotContain("quantile=");
        assertThat(buckets).hasSizeGreaterThan(20);
        List<Bucket> finite = buckets.stream().filter(b -> !Double.isInfinite(b.le())).toList();
        assertThat(finite.get(0).le()).isBetween(0.001, 0.0015);
        assertThat(finite.get(finite.size() - 1).le()).isBetween(30.0, 36.0);
        assertThat(count(buckets, 0.0029)).isZero();
        assertThat(count(buckets, 0.05)).isEqualTo(2);
        assertThat(count(buckets, 36.0)).isEqualTo(2);
        assertThat(count(buckets, Double.POSITIVE_INFINITY)).isEqualTo(3);
        assertThat(scrape).contains("csms_gateway_publish_latency_seconds_count 3.0");
    }

    @Test
    void decisionLatencyIsAHistogramToo() {
        metrics.decisionLatency(Duration.ofMillis(700).toNanos());

        String scrape = registry.scrape();
        List<Bucket> buckets = buckets(scrape, "csms_gateway_decision_latency_seconds");

        assertThat(scrape).doesNotContain("quantile=");
        assertThat(buckets).hasSizeGreaterThan(20);
        assertThat(count(buckets, 0.6)).isZero();
        assertThat(count(buckets, 0.8)).isEqualTo(1);
        assertThat(scrape).contains("csms_gateway_decision_latency_seconds_count 1.0");
    }

    @Test
    void quantilesComputedFromTheBucketsAreClose() {
        // what histogram_quantile does, on one replica: the bucket holding the rank, linearly interpolated
        for (int i = 1; i <= 1000; i++) {
            metrics.publishLatency(Duration.ofMillis(i).toNanos());
        }
        List<Bucket> buckets = buckets(registry.scrape(), "csms_gateway_publish_latency_seconds");

        assertThat(quantile(buckets, 0.5)).isCloseTo(0.5, org.assertj.core.data.Percentage.withPercentage(10));
        assertThat(quantile(buckets, 0.99)).isCloseTo(0.99, org.assertj.core.data.Percentage.withPercentage(10));
    }

    @Test
    void messagesCountByActionDirectionAndOutcome() {
        for (int i = 0; i < 3; i++) {
            metrics.message("StatusNotification", GatewayMetrics.Direction.in, "accepted");
        }
        metrics.message("StatusNotification", GatewayMetrics.Direction.in, "kafka_error");
        metrics.message("StatusNotification", GatewayMetrics.Direction.out, "accepted");
        metrics.message(new String("MeterValues"), GatewayMetrics.Direction.in, "accepted");
        metrics.message("MeterValues", GatewayMetrics.Direction.in, new String("accepted"));
        metrics.handshakeRejected("identity");

        assertThat(metrics.counted("csms.gateway.messages", "action", "StatusNotification", "direction", "in",
                "outcome", "accepted")).isEqualTo(3);
        assertThat(metrics.counted("csms.gateway.messages", "action", "StatusNotification", "direction", "in",
                "outcome", "kafka_error")).isEqualTo(1);
        assertThat(metrics.counted("csms.gateway.messages", "action", "StatusNotification", "direction", "out",
                "outcome", "accepted")).isEqualTo(1);
        assertThat(metrics.counted("csms.gateway.messages", "action", "MeterValues", "direction", "in",
                "outcome", "accepted")).isEqualTo(2);
        assertThat(registry.find("csms.gateway.messages").counters()).hasSize(4);
        assertThat(metrics.counted("csms.gateway.handshakes.rejected", "reason", "identity")).isEqualTo(1);
        assertThat(registry.scrape()).contains("csms_gateway_messages_total{action=\"MeterValues\",direction=\"in\","
                + "outcome=\"accepted\",} 2.0");
    }

    private record Bucket(double le, double count) {
    }

    private static List<Bucket> buckets(String scrape, String name) {
        List<Bucket> buckets = new ArrayList<>();
        Matcher matcher = BUCKET.matcher(scrape);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                buckets.add(new Bucket(Double.parseDouble(matcher.group(2).replace("+Inf", "Infinity")),
                        Double.parseDouble(matcher.group(3))));
            }
        }
        return buckets;
    }

    /** The cumulative count of the bucket with the greatest bound at most {@code le}. */
    private static double count(List<Bucket> buckets, double le) {
        double count = 0;
        for (Bucket bucket : buckets) {
            if (bucket.le() <= le) {
                count = bucket.count();
            }
        }
        return count;
    }

    private static double quantile(List<Bucket> buckets, double q) {
        double rank = q * buckets.get(buckets.size() - 1).count();
        double lowerBound = 0;
        double lowerCount = 0;
        for (Bucket bucket : buckets) {
            if (bucket.count() >= rank) {
                return lowerBound + (bucket.le() - lowerBound) * (rank - lowerCount) / (bucket.count() - lowerCount);
            }
            lowerBound = bucket.le();
            lowerCount = bucket.count();
        }
        throw new AssertionError("no bucket holds rank " + rank);
    }
}
