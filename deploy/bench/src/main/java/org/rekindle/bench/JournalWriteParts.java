package org.rekindle.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.concurrent.TimeUnit;

/**
 * Where a journal write's time went between two moments: journal-service times each write's two parts
 * ({@code rekindle.journal.write}: the command, then the wait for its read models); this reads their means.
 */
final class JournalWriteParts {

    record Mark(long commands, double commandNanos, long waits, double waitNanos) {
    }

    record Means(double commandMs, double readModelsMs) {
        @Override
        public String toString() {
            return String.format("means: command %.2f ms, then read models %.2f ms", commandMs, readModelsMs);
        }
    }

    private final Timer command;
    private final Timer readModels;

    JournalWriteParts(ConfigurableApplicationContext journal) {
        MeterRegistry meters = journal.getBean(MeterRegistry.class);
        this.command = meters.get("rekindle.journal.write").tag("part", "command").timer();
        this.readModels = meters.get("rekindle.journal.write").tag("part", "read-models").timer();
    }

    Mark mark() {
        return new Mark(command.count(), command.totalTime(TimeUnit.NANOSECONDS), readModels.count(),
                        readModels.totalTime(TimeUnit.NANOSECONDS));
    }

    Means since(Mark before) {
        Mark now = mark();
        return new Means(meanMs(now.commandNanos() - before.commandNanos(), now.commands() - before.commands()),
                         meanMs(now.waitNanos() - before.waitNanos(), now.waits() - before.waits()));
    }

    private static double meanMs(double nanos, long count) {
        return count == 0 ? Double.NaN : nanos / count / 1_000_000;
    }
}
