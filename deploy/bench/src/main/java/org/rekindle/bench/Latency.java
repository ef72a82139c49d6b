package org.rekindle.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/** Repeats a call and reports percentiles in milliseconds. */
record Latency(double p50, double p99, double max) {

    static Latency of(int repetitions, Callable<?> call) throws Exception {
        for (int i = 0; i < Math.min(20, repetitions); i++) {
            call.call();
        }
        long[] nanos = new long[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            call.call();
            nanos[i] = System.nanoTime() - start;
        }
        return ofNanos(Arrays.stream(nanos).boxed().toList());
    }

    /** p50, p99 and max of measured durations in nanoseconds; NaN for none. */
    static Latency ofNanos(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Latency(Double.NaN, Double.NaN, Double.NaN);
        }
        return new Latency(ms(sorted[sorted.length / 2]), ms(sorted[(int) Math.min(sorted.length - 1,
                                                                                   sorted.length * 0.99)]),
                           ms(sorted[sorted.length - 1]));
    }

    /**
     * As {@link #of}, but stops after {@code budget} (at least 5 calls, no warm-up) when calls are too slow to make
     * {@code repetitions} in reasonable time; {@code count} says how many were timed.
     */
    static Timed within(Duration budget, int repetitions, Callable<?> call) throws Exception {
        long end = System.nanoTime() + budget.toNanos();
        List<Long> nanos = new ArrayList<>();
        while (nanos.size() < repetitions && (nanos.size() < 5 || System.nanoTime() < end)) {
            long start = System.nanoTime();
            call.call();
            nanos.add(System.nanoTime() - start);
        }
        return new Timed(ofNanos(nanos), nanos.size());
    }

    record Timed(Latency latency, int count) {
        @Override
        public String toString() {
            return latency + (count < 100 ? " (" + count + " calls)" : "");
        }
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    @Override
    public String toString() {
        return String.format("p50 %.2f ms, p99 %.2f ms", p50, p99);
    }
}
