package org.rekindle.local;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What the launcher prints while the stack starts, so a first start (initdb, topic creation, every service's
 * context) is not minutes of silence: one line per component as it comes up with the time it took, the demo seed's
 * progress every few seconds, and the address once everything is ready. Each line starts with the time since the
 * start, e.g. {@code rekindle-local [ 12.3 s] plan-service up (4.1 s)}.
 */
final class StartupReport {

    private final PrintStream out;
    private final LongSupplier nanoTime;
    private final Duration seedEvery;
    private final long startedAt;

    StartupReport(PrintStream out, LongSupplier nanoTime, Duration seedEvery) {
        this.out = out;
        this.nanoTime = nanoTime;
        this.seedEvery = seedEvery;
        this.startedAt = nanoTime.getAsLong();
    }

    static StartupReport toConsole() {
        return new StartupReport(System.out, System::nanoTime, Duration.ofSeconds(3));
    }

    /** Starts a component and says when it is up, and how long that took. */
    <T> T up(String component, Supplier<T> start) {
        long began = nanoTime.getAsLong();
        T started = start.get();
        say(component + " up (" + seconds(nanoTime.getAsLong() - began) + ")");
        return started;
    }

    void up(String component, Runnable start) {
        up(component, () -> {
            start.run();
            return null;
        });
    }

    void say(String line) {
        out.printf(Locale.ROOT, "rekindle-local [%6s] %s%n", seconds(nanoTime.getAsLong() - startedAt), line);
        out.flush();
    }

    /** The demo seed's steps: a line when it begins, then at most one every few seconds, and one when all are done. */
    Seeding seeding(int steps) {
        return new Seeding(steps);
    }

    /** The last line: how long the whole start took and where to go. */
    void ready(String webUrl) {
        say("ready in " + Math.round((nanoTime.getAsLong() - startedAt) / 1e9) + " s at " + webUrl);
    }

    Duration elapsed() {
        return Duration.ofNanos(nanoTime.getAsLong() - startedAt);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    final class Seeding {

        private final int steps;
        private int done;
        private long lastSaid;

        private Seeding(int steps) {
            this.steps = steps;
            this.lastSaid = nanoTime.getAsLong();
            say(line());
        }

        synchronized void stepDone() {
            done++;
            long now = nanoTime.getAsLong();
            if (done == steps || now - lastSaid >= seedEvery.toNanos()) {
                lastSaid = now;
                say(line());
            }
        }

        private String line() {
            return "seeding demo practice: " + done + "/" + steps + " steps";
        }
    }
}
