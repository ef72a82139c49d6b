package org.rekindle.plan.app.messaging.out;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rekindle.plan.app.command.api.AssignedStep;
import org.rekindle.plan.app.command.api.BreachRules;
import org.rekindle.plan.app.command.api.BreachRulesChanged;
import org.rekindle.plan.app.command.api.CompletedBy;
import org.rekindle.plan.app.command.api.MoodCheckInCounted;
import org.rekindle.plan.app.command.api.OutcomeChanged;
import org.rekindle.plan.app.command.api.PlanAssigned;
import org.rekindle.plan.app.command.api.PlanOutcome;
import org.rekindle.plan.app.command.api.PlanPaused;
import org.rekindle.plan.app.command.api.PlanReplaced;
import org.rekindle.plan.app.command.api.PlanResumed;
import org.rekindle.plan.app.command.api.StepCompleted;
import org.rekindle.plan.app.command.api.StepReopened;
import org.rekindle.plan.app.command.api.StepOverdue;
import org.rekindle.plan.app.command.api.StepSkipped;
import org.rekindle.plan.events.PlanEventTypes;
import org.rekindle.platform.publishing.IntegrationEvent;
import org.rekindle.platform.testing.GoldenJson;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the wire format of every published plan type to the golden JSON shipped in plan-events. Regenerate with
 * {@code -Drekindle.golden.write=true} and review the diff: a change here is a contract change.
 */
class PlanWireFormatTest {

    private static final Instant AT = Instant.parse("2026-11-02T08:15:30Z");
    private static final String EVENT_ID = "7c3e1f0a-52b4-4d6a-9b1e-3a2f4c5d6e7f";
    private static final String PLAN = "plan-golden";
    private static final String CLIENT = "client-golden";

    static Stream<Arguments> publishedEvents() {
        return Stream.of(
                Arguments.of(new PlanAssigned(PLAN, CLIENT, "coach-maya", "reconciliation-default", 1,
                        LocalDate.parse("2026-11-01"), "Europe/Lisbon", false, List.of(new AssignedStep(
                        "understand-why", "understand", "REFLECTION_PROMPT", "Why did it end?",
                        LocalDate.parse("2026-11-01"), "understand-why", null, null)), AT)),
                Arguments.of(new StepCompleted(PLAN, CLIENT, "understand-why", CompletedBy.JOURNAL, "journal-event-1",
                                               AT)),
                Arguments.of(new StepReopened(PLAN, CLIENT, "understand-why", AT)),
                Arguments.of(new StepSkipped(PLAN, CLIENT, "timeline", "did it with the coach", AT)),
                Arguments.of(new StepOverdue(PLAN, CLIENT, "understand-why", LocalDate.parse("2026-11-01"),
                                             Instant.parse("2026-11-02T00:00:00Z"), AT)),
                Arguments.of(new PlanPaused(PLAN, CLIENT, AT)),
                Arguments.of(new PlanResumed(PLAN, CLIENT, AT)),
                Arguments.of(new OutcomeChanged(PLAN, CLIENT, PlanOutcome.MOVED_ON, AT)),
                Arguments.of(new PlanReplaced(PLAN, CLIENT, "plan-golden-2", "A gentler pace after a hard month.",
                                              AT)),
                Arguments.of(new BreachRulesChanged(PLAN, CLIENT, BreachRules.assigned(false),
                                                    new BreachRules(true, false, 45), LocalDate.parse("2026-11-01"),
                                                    Instant.parse("2026-11-01T00:00:00Z"), true,
                                                    "We agreed that answering the ex counts.", "coach-maya", AT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedEvents")
    void wireFormatMatchesTheGoldenJson(Record domainEvent) {
        IntegrationEvent event = PlanIntegrationEvents.from(domainEvent).orElseThrow();
        GoldenJson.assertMatches(event, EVENT_ID, "/rekindle/plan-service", "plan-events", "rekindle.plan.",
                                 PlanEventTypes.all().get(event.type()));
    }

    @org.junit.jupiter.api.Test
    void aCountedCheckInStaysInsideTheService() {
        assertThat(PlanIntegrationEvents.from(new MoodCheckInCounted(PLAN, CLIENT, "mood", "m1", 1, AT))).isEmpty();
    }
}
