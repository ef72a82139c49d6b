package org.rekindle.bench;

import java.util.Arrays;
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
        Arrays.sort(nanos);
        return new Latency(ms(nanos[repetitions / 2]), ms(nanos[(int) Math.min(repetitions - 1, repetitions * 0.99)]),
                           ms(nanos[repetitions - 1]));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    @Override
    public String toString() {
        return String.format("p50 %.2f ms, p99 %.2f ms", p50, p99);
    }
}
