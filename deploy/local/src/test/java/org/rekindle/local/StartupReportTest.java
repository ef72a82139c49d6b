package org.rekindle.local;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher's start lines: one per component with its time, the seed every few seconds, then ready. */
class StartupReportTest {

    private final AtomicLong now = new AtomicLong();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final StartupReport report = new StartupReport(new PrintStream(printed, true, StandardCharsets.UTF_8),
                                                           now::get, Duration.ofSeconds(3));

    @Test
    void eachComponentIsALineWithItsTimeAndTheSeedIsReportedEveryFewSeconds() {
        String kafka = report.up("Kafka broker", () -> {
            advance(2_500);
            return "broker";
        });
        report.up("plan-service", () -> advance(4_000));
        StartupReport.Seeding seeding = report.seeding(5);
        for (int step = 0; step < 5; step++) {
            advance(1_000); // a line at 3 s, none at 1, 2, 4; the last step always
            seeding.stepDone();
        }
        report.ready("http://127.0.0.1:8080");

        assertThat(kafka).isEqualTo("broker");
        assertThat(lines()).containsExactly(
                "rekindle-local [ 2.5 s] Kafka broker up (2.5 s)",
                "rekindle-local [ 6.5 s] plan-service up (4.0 s)",
                "rekindle-local [ 6.5 s] seeding demo practice: 0/5 steps",
                "rekindle-local [ 9.5 s] seeding demo practice: 3/5 steps",
                "rekindle-local [11.5 s] seeding demo practice: 5/5 steps",
                "rekindle-local [11.5 s] ready in 12 s at http://127.0.0.1:8080");
    }

    @Test
    void aSeedOfTheDemoPracticeCountsEveryStepItsScriptTakes() {
        DemoPractice practice = new DemoPractice(java.time.Instant.parse("2026-12-03T12:00:00Z"));
        int steps = SeedSteps.of(practice);
        int[] reported = {0};
        int[] journalCalls = {0};
        DemoJournal counting = SeedSteps.reporting(null, () -> journalCalls[0]++);
        practice.clients((client, zone, start) -> { }, SeedSteps.reporting(counting, () -> reported[0]++),
                         (client, answered, leaveOpen, skip) -> { }).forEach(Runnable::run);

        assertThat(steps).as("3 plans assigned, 3 settled, the journal calls and Maya's calendar")
                .isEqualTo(6 + journalCalls[0] + 1);
        assertThat(reported[0]).isEqualTo(journalCalls[0]).isGreaterThan(20);
    }

    private void advance(long millis) {
        now.addAndGet(millis * 1_000_000);
    }

    private List<String> lines() {
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
