package dev.interviewagent.bench.drill.load;

import java.util.Collection;
import java.util.Locale;

/** Percentiles of a set of durations, in milliseconds. */
public record Percentiles(long count, double p50, double p99, double max) {

    public static Percentiles ofNanos(Collection<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Percentiles(0, 0, 0, 0);
        }
        return new Percentiles(sorted.length, at(sorted, 0.50), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    @Override
    public String toString() {
        return count == 0 ? "n/a" : String.format(Locale.ROOT, "%.0f/%.0f ms", p50, p99);
    }
}
