package org.rekindle.plan.app.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.rekindle.plan.app.command.api.AssignPlan;
import org.rekindle.plan.app.command.api.AssignedStep;
import org.rekindle.plan.app.command.api.BreachRules;
import org.rekindle.plan.app.command.api.BreachRulesChanged;
import org.rekindle.plan.app.command.api.ChangeBreachRules;
import org.rekindle.plan.app.command.api.ChangeOutcome;
import org.rekindle.plan.app.command.api.CompleteStep;
import org.rekindle.plan.app.command.api.CompletedBy;
import org.rekindle.plan.app.command.api.JournalActivity;
import org.rekindle.plan.app.command.api.MarkStepOverdue;
import org.rekindle.plan.app.command.api.MoodCheckInCounted;
import org.rekindle.plan.app.command.api.NoContactAttemptEnded;
import org.rekindle.plan.app.command.api.NoContactAttemptStarted;
import org.rekindle.plan.app.command.api.NoContactAttemptRejudged;
import org.rekindle.plan.app.command.api.NoContactFactRecorded;
import org.rekindle.plan.app.command.api.OutcomeChanged;
import org.rekindle.plan.app.command.api.PausePlan;
import org.rekindle.plan.app.command.api.PlanAssigned;
import org.rekindle.plan.app.command.api.StepChangePreview;
import org.rekindle.plan.app.command.api.PreviewBreachRules;
import org.rekindle.plan.app.command.api.PlanOutcome;
import org.rekindle.plan.app.command.api.PlanPaused;
import org.rekindle.plan.app.command.api.PlanReplaced;
import org.rekindle.plan.app.command.api.PlanResumed;
import org.rekindle.plan.app.command.api.ReachNoContactTarget;
import org.rekindle.plan.app.command.api.RecordJournalActivity;
import org.rekindle.plan.app.command.api.ReopenStep;
import org.rekindle.plan.app.command.api.ReplacePlan;
import org.rekindle.plan.app.command.api.ResumePlan;
import org.rekindle.plan.app.command.api.SkipStep;
import org.rekindle.plan.app.command.api.StepCompleted;
import org.rekindle.plan.app.command.api.StepOverdue;
import org.rekindle.plan.app.command.api.StepReopened;
import org.rekindle.plan.app.command.api.StepSkipped;
import org.rekindle.plan.app.command.api.TemplateStep;
import org.rekindle.platform.command.ConflictingCommandException;
import org.rekindle.platform.command.InvalidCommandException;
import org.rekindle.platform.command.UnknownEntityException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A plan a client follows: steps from a pinned program version with due dates, completed by the client's journal
 * activity or by the coach, skipped with a reason, reopened by the coach; pausable; with an outcome. A step still
 * open after its due date (in the client's time zone) is reported overdue once; a no-contact step completes when the
 * running attempt reaches the step's target, or when an attempt that ended had lasted long enough.
 */
@Aggregate(snapshotTriggerDefinition = "planSnapshotTrigger")
@Revision("3") // 2: the breach rules are kept; 3: the no-contact period's facts; snapshots taken before are passed over (the events are replayed)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Plan {

    @AggregateIdentifier
    private String planId;
    private String clientId;
    private String timezone;
    private boolean paused;
    private PlanOutcome outcome;
    private Map<String, StepState> steps = new LinkedHashMap<>();
    private Set<String> seenJournalEvents = new HashSet<>();
    private RunningAttempt attempt;
    private BreachRuleVersions breachRules;
    private NoContactPeriod period;
    private Map<String, String> journalCompletions = new HashMap<>();

    protected Plan() {
        // for Axon and for snapshots
    }

    @CommandHandler
    Plan(AssignPlan command) {
        require(command.clientId() != null && !command.clientId().isBlank(), "clientId", "must be given");
        require(command.coachId() != null && !command.coachId().isBlank(), "coachId", "must be given");
        require(command.startDate() != null, "startDate", "must be given");
        require(command.steps() != null && !command.steps().isEmpty(), "steps", "the program version has no steps");
        PlanZone.require(command.timezone());
        BreachRules practice = command.practiceRules();
        boolean reply = practice != null ? practice.replyToExCountsAsBreach() : command.replyToExCountsAsBreach();
        apply(new PlanAssigned(command.planId(), command.clientId(), command.coachId(), command.programId(),
                               command.programVersion(), command.startDate(), command.timezone(), reply,
                               command.steps().stream().map(step -> assigned(step, command)).toList(),
                               command.assignedAt()));
        if (practice != null && !practice.equals(BreachRules.assigned(reply))) {
            // The practice's default says more than the reply rule: the plan's rules from its start, in its history.
            apply(new BreachRulesChanged(command.planId(), command.clientId(), BreachRules.assigned(reply), practice,
                                         command.startDate(),
                                         command.startDate().atStartOfDay(ZoneId.of(command.timezone())).toInstant(),
                                         true,
                                         "The practice's default rules (version " + command.practiceRulesVersion()
                                         + ").", command.coachId(), command.assignedAt()));
        }
    }

    @CommandHandler
    void handle(CompleteStep command) {
        StepState step = requireStep(command.stepId());
        if (step.status() == StepStatus.COMPLETED) {
            throw new ConflictingCommandException("Step '" + command.stepId() + "' is already completed.");
        }
        apply(new StepCompleted(planId, clientId, command.stepId(), CompletedBy.COACH, null, command.completedAt()));
    }

    @CommandHandler
    void handle(ReopenStep command) {
        if (requireStep(command.stepId()).isOpen()) {
            throw new ConflictingCommandException("Step '" + command.stepId() + "' is open already.");
        }
        apply(new StepReopened(planId, clientId, command.stepId(), command.reopenedAt()));
    }

    @CommandHandler
    void handle(SkipStep command) {
        require(command.reason() != null && !command.reason().isBlank(), "reason", "must say why the step is skipped");
        require(command.reason().length() <= 500, "reason", "must be at most 500 characters");
        if (!requireStep(command.stepId()).isOpen()) {
            throw new ConflictingCommandException("Only an open step can be skipped.");
        }
        apply(new StepSkipped(planId, clientId, command.stepId(), command.reason(), command.skippedAt()));
    }

    @CommandHandler
    void handle(PausePlan command) {
        if (paused) {
            throw new ConflictingCommandException("The plan is paused already.");
        }
        apply(new PlanPaused(planId, clientId, command.pausedAt()));
    }

    @CommandHandler
    void handle(ResumePlan command) {
        if (!paused) {
            throw new ConflictingCommandException("The plan is not paused.");
        }
        apply(new PlanResumed(planId, clientId, command.resumedAt()));
        reportOverdueSteps(command.resumedAt());
        completeNoContactStepIfTargetReached(command.resumedAt());
    }

    /** From the schedule, at the end of the step's due day (and after a reopen); judged against the plan's state. */
    @CommandHandler
    void handle(MarkStepOverdue command) {
        StepState step = requireStep(command.stepId());
        if (isRunning() && step.isOpen() && !step.overdueReported()) {
            reportIfOverdue(step, command.checkedAt());
        }
    }

    /** From the schedule, when a running attempt should have reached the no-contact step's target. */
    @CommandHandler
    void handle(ReachNoContactTarget command) {
        if (isRunning() && attempt != null && attempt.periodId().equals(command.periodId())) {
            completeNoContactStepIfTargetReached(command.checkedAt());
        }
    }

    private void reportOverdueSteps(Instant at) {
        steps.values().stream().filter(StepState::isOpen).filter(step -> !step.overdueReported()).toList()
             .forEach(step -> reportIfOverdue(step, at));
    }

    private void reportIfOverdue(StepState step, Instant at) {
        Instant overdueSince = endOfDay(step.step().dueDate());
        if (!at.isBefore(overdueSince)) {
            apply(new StepOverdue(planId, clientId, step.step().stepId(), step.step().dueDate(), overdueSince, at));
        }
    }

    private void completeNoContactStepIfTargetReached(Instant at) {
        if (attempt == null || attempt.targetReachedAt() == null || at.isBefore(attempt.targetReachedAt())) {
            return;
        }
        StepState step = steps.get(attempt.stepId());
        if (step != null && step.isOpen()) {
            apply(new StepCompleted(planId, clientId, attempt.stepId(), CompletedBy.JOURNAL, attempt.journalEventId(),
                                    attempt.targetReachedAt()));
        }
    }

    /** The first instant of the day after the due date, in the client's time zone (DST-safe). */
    private Instant endOfDay(LocalDate dueDate) {
        return dueDate.plusDays(1).atStartOfDay(ZoneId.of(timezone)).toInstant();
    }

    private boolean isRunning() {
        return !paused && outcome == PlanOutcome.ACTIVE;
    }

    @CommandHandler
    void handle(ChangeOutcome command) {
        require(command.outcome() != null, "outcome", "must be given");
        require(command.outcome() != PlanOutcome.REPLACED, "outcome",
                "a plan is replaced by assigning its replacement, not by setting its outcome");
        if (outcome == PlanOutcome.REPLACED) {
            throw new ConflictingCommandException("The plan was replaced; its outcome stays as it is.");
        }
        if (command.outcome() == outcome) {
            throw new ConflictingCommandException("The outcome is " + outcome + " already.");
        }
        apply(new OutcomeChanged(planId, clientId, command.outcome(), command.changedAt()));
    }

    /** Ends the plan in favour of its replacement; a paused plan can be replaced, an ended one cannot. */
    @CommandHandler
    void handle(ReplacePlan command) {
        require(command.replacementPlanId() != null && !command.replacementPlanId().isBlank(), "replacementPlanId",
                "must be given");
        require(command.reason() != null && !command.reason().isBlank(), "reason",
                "must say why the plan is replaced");
        require(command.reason().length() <= 500, "reason", "must be at most 500 characters");
        if (outcome != PlanOutcome.ACTIVE) {
            throw new ConflictingCommandException("Only an active plan can be replaced; this one is "
                                                  + outcome.name().toLowerCase().replace('_', ' ') + ".");
        }
        apply(new PlanReplaced(planId, clientId, command.replacementPlanId(), command.reason(),
                               command.replacedAt()));
    }

    /**
     * The coach changes how contact counts, from a day on or retroactively. Refused for a finished plan, a day
     * before the plan's start or after today in the client's zone, and rules that are already in force.
     */
    @CommandHandler
    void handle(ChangeBreachRules command) {
        require(command.reason() != null && !command.reason().isBlank(), "reason",
                "must say why the rules change (it stays in the plan's history)");
        require(command.reason().length() <= 500, "reason", "must be at most 500 characters");
        LocalDate from = validFrom(command.rules(), command.effectiveFrom(), command.changedAt());
        if (breachRules.alreadyFrom(from, command.rules())) {
            throw new ConflictingCommandException("These rules are already in force from " + from + ".");
        }
        apply(new BreachRulesChanged(planId, clientId, breachRules.inForceOn(from), command.rules(), from,
                                     from.atStartOfDay(ZoneId.of(timezone)).toInstant(), command.effectiveFrom() == null,
                                     command.reason(), command.changedBy(), command.changedAt()));
        rejudgeNoContact(this::rulesAt, command.changedAt()).forEach(AggregateLifecycle::apply);
    }

    /** What the change would do to the steps, judged as {@link #handle(ChangeBreachRules)} would; nothing is applied. */
    @CommandHandler
    List<StepChangePreview> handle(PreviewBreachRules command) {
        LocalDate from = validFrom(command.rules(), command.effectiveFrom(), command.at());
        BreachRuleVersions changed = breachRules.copy();
        changed.change(from, command.rules());
        List<StepChangePreview> previews = new ArrayList<>();
        for (Object event : rejudgeNoContact(at -> changed.inForceOn(LocalDate.ofInstant(at, ZoneId.of(timezone))),
                                             command.at())) {
            if (event instanceof StepCompleted completed) {
                previews.add(preview(completed.stepId(), "COMPLETED"));
            } else if (event instanceof StepReopened reopened) {
                previews.add(preview(reopened.stepId(), "OPEN"));
            }
        }
        return previews;
    }

    private StepChangePreview preview(String stepId, String after) {
        StepState step = steps.get(stepId);
        return new StepChangePreview(stepId, step.step().title(), step.status().name(), after);
    }

    /**
     * The first day of a change of the rules, refusing rules out of bounds, a day before the plan's start or after
     * today in the client's zone, and a finished plan.
     */
    private LocalDate validFrom(BreachRules rules, LocalDate effectiveFrom, Instant at) {
        require(rules != null, "rules", "must be given");
        require(rules.noContactTargetDays() == null
                || rules.noContactTargetDays() >= 1 && rules.noContactTargetDays() <= 365,
                "noContactTargetDays", "must be between 1 and 365 days, or left empty for the client's own period");
        boolean retroactive = effectiveFrom == null;
        LocalDate from = retroactive ? breachRules.start() : effectiveFrom;
        require(!from.isBefore(breachRules.start()), "effectiveFrom",
                "must not be before the plan's start (" + breachRules.start() + "); leave it empty to apply the rules retroactively");
        require(retroactive || !from.isAfter(LocalDate.ofInstant(at, ZoneId.of(timezone))), "effectiveFrom",
                "must not be after today in the client's time zone");
        if (outcome != PlanOutcome.ACTIVE && outcome != PlanOutcome.PAUSED) {
            throw new ConflictingCommandException("The plan is finished (" + outcome.name().toLowerCase().replace('_', ' ')
                                                  + "); its rules stay as they were.");
        }
        return from;
    }

    /**
     * Judges the tracked no-contact attempt again under {@code rulesAt} (each contact under the rules of its day): an
     * attempt a contact ended runs again when that contact no longer restarts it, and a running one ends when a
     * contact now does; the target follows the coach's {@code noContactTargetDays}. The no-contact step follows:
     * completed when the attempt now reached the target, reopened when the plan completed it from an attempt that,
     * under these rules, ended before the target. Answers the events, in order; the caller applies them (or not).
     */
    private List<Object> rejudgeNoContact(Function<Instant, BreachRules> rulesAt, Instant now) {
        List<Object> events = new ArrayList<>();
        if (period == null) {
            return events;
        }
        NoContactPeriod.Fact end = period.attemptEnd(rulesAt);
        Optional<StepState> step = noContactStep();
        Integer target = step.map(s -> rulesAt.apply(now).targetDays(s.step().targetDays())).orElse(null);
        if (end == null) {
            String stepId = step.filter(StepState::isOpen).map(s -> s.step().stepId()).orElse(null);
            Instant reachedAt = stepId == null ? null : period.startedAt().plus(Duration.ofDays(target));
            if (attempt == null || !attempt.startedAt().equals(period.startedAt())
                || !java.util.Objects.equals(attempt.targetReachedAt(), reachedAt)) {
                events.add(new NoContactAttemptRejudged(planId, clientId, period.periodId(), period.startEventId(),
                                                        period.startedAt(), stepId, reachedAt, now));
            }
            if (isRunning() && stepId != null && !now.isBefore(reachedAt)) {
                events.add(new StepCompleted(planId, clientId, stepId, CompletedBy.JOURNAL, period.startEventId(),
                                             reachedAt));
            }
            return events;
        }
        if (attempt != null) {
            events.add(new NoContactAttemptRejudged(planId, clientId, period.periodId(), period.startEventId(), null,
                                                    null, null, now));
        }
        int days = (int) Duration.between(period.startedAt(), end.at()).toDays();
        step.ifPresent(state -> {
            String stepId = state.step().stepId();
            if (state.status() == StepStatus.COMPLETED && period.startEventId().equals(journalCompletions.get(stepId))
                && days < target) {
                events.add(new StepReopened(planId, clientId, stepId, now));
            } else if (state.isOpen() && isRunning() && days >= target) {
                events.add(new StepCompleted(planId, clientId, stepId, CompletedBy.JOURNAL, end.journalEventId(),
                                             end.at()));
            }
        });
        return events;
    }

    /** The plan's no-contact step with a target: the one the attempt tracks, else the first open one. */
    private Optional<StepState> noContactStep() {
        if (attempt != null && attempt.stepId() != null && steps.containsKey(attempt.stepId())) {
            return Optional.of(steps.get(attempt.stepId()));
        }
        Optional<StepState> completedByTheAttempt = steps.values().stream()
                .filter(state -> period.startEventId().equals(journalCompletions.get(state.step().stepId())))
                .findFirst();
        return completedByTheAttempt.or(() -> steps.values().stream().filter(StepState::isOpen)
                .filter(state -> "NO_CONTACT_PERIOD".equals(state.step().kind()))
                .filter(state -> state.step().targetDays() != null).findFirst());
    }

    private BreachRules rulesAt(Instant at) {
        return breachRules.inForceOn(LocalDate.ofInstant(at, ZoneId.of(timezone)));
    }

    /** The target of a no-contact step on the day of {@code at}: the coach's when the rules set one, else the step's. */
    private int targetDays(StepState step, Instant at) {
        return rulesAt(at).targetDays(step.step().targetDays());
    }

    /** Journal activity completes the first open step it answers; the same journal event never counts twice. */
    @CommandHandler
    void handle(RecordJournalActivity command) {
        if (!isRunning() || seenJournalEvents.contains(command.journalEventId())) {
            return;
        }
        if (command.activity() == JournalActivity.NO_CONTACT_STARTED) {
            startAttempt(command);
            return;
        }
        if (command.activity() == JournalActivity.NO_CONTACT_ATTEMPT_ENDED && period != null
            && period.periodId().equals(command.periodId()) && !period.knows(command.journalEventId())) {
            apply(new NoContactFactRecorded(planId, clientId, command.periodId(), command.journalEventId(),
                                            command.attemptDays() == null ? NoContactFactRecorded.ENDED
                                                                          : NoContactFactRecorded.CONTACT,
                                            command.contactInitiatedBy(), command.occurredAt()));
        }
        if (contactTheRulesLetTheAttemptOutlast(command)) {
            return;
        }
        RecordJournalActivity activity = command.activity() == JournalActivity.NO_CONTACT_ATTEMPT_ENDED
                                         ? endAttempt(command) : command;
        stepAnswering(activity).ifPresent(step -> {
            if (command.activity() == JournalActivity.MOOD_CHECKED_IN) {
                int counted = step.countedCheckIns() + 1;
                apply(new MoodCheckInCounted(planId, clientId, step.step().stepId(), command.journalEventId(), counted,
                                             command.occurredAt()));
                if (counted < step.step().checkIns()) {
                    return;
                }
            }
            apply(new StepCompleted(planId, clientId, step.step().stepId(), CompletedBy.JOURNAL,
                                    command.journalEventId(), command.occurredAt()));
        });
    }

    /** Contact the ex started, on a day whose rules say it does not restart the attempt: the running attempt goes on. */
    private boolean contactTheRulesLetTheAttemptOutlast(RecordJournalActivity command) {
        return command.activity() == JournalActivity.NO_CONTACT_ATTEMPT_ENDED && command.attemptDays() != null
               && attempt != null && attempt.periodId().equals(command.periodId())
               && !rulesAt(command.occurredAt()).restartsAttempt(command.contactInitiatedBy());
    }

    private void startAttempt(RecordJournalActivity command) {
        Optional<StepState> step = steps.values().stream().filter(StepState::isOpen)
                .filter(state -> "NO_CONTACT_PERIOD".equals(state.step().kind()))
                .filter(state -> state.step().targetDays() != null).findFirst();
        apply(new NoContactAttemptStarted(planId, clientId, command.periodId(), command.journalEventId(),
                                          command.occurredAt(), step.map(state -> state.step().stepId()).orElse(null),
                                          step.map(state -> command.occurredAt().plus(
                                                  Duration.ofDays(targetDays(state, command.occurredAt()))))
                                              .orElse(null)));
    }

    /** Ends the running attempt; an end without a day count (ended by the client) is counted from its start. */
    private RecordJournalActivity endAttempt(RecordJournalActivity command) {
        if (attempt == null || !attempt.periodId().equals(command.periodId())) {
            return command;
        }
        // The journal's count starts again at contact the plan's rules let pass; the plan's attempt went on.
        int followed = (int) Duration.between(attempt.startedAt(), command.occurredAt()).toDays();
        int days = command.attemptDays() != null ? Math.max(command.attemptDays(), followed) : followed;
        apply(new NoContactAttemptEnded(planId, clientId, attempt.periodId(), command.journalEventId(), days,
                                        command.occurredAt()));
        return new RecordJournalActivity(command.planId(), command.journalEventId(), command.activity(), null,
                                         command.periodId(), days, command.occurredAt());
    }

    private Optional<StepState> stepAnswering(RecordJournalActivity activity) {
        return steps.values().stream().filter(StepState::isOpen).filter(state -> {
            AssignedStep step = state.step();
            return switch (activity.activity()) {
                case REFLECTION_COMPLETED -> "REFLECTION_PROMPT".equals(step.kind())
                                             && step.promptId() != null && step.promptId().equals(activity.promptId());
                case APOLOGY_DRAFTED -> "APOLOGY_DRAFT".equals(step.kind());
                case MOOD_CHECKED_IN -> "MOOD_CHECK_IN_HABIT".equals(step.kind());
                case NO_CONTACT_STARTED -> false;
                case NO_CONTACT_ATTEMPT_ENDED -> "NO_CONTACT_PERIOD".equals(step.kind()) && step.targetDays() != null
                                                 && activity.attemptDays() != null
                                                 && activity.attemptDays() >= targetDays(state, activity.occurredAt());
            };
        }).findFirst();
    }

    private StepState requireStep(String stepId) {
        StepState step = steps.get(stepId);
        if (step == null) {
            throw new UnknownEntityException("step", stepId);
        }
        return step;
    }

    private static void require(boolean condition, String field, String reason) {
        if (!condition) {
            throw new InvalidCommandException(field, reason);
        }
    }

    private static AssignedStep assigned(TemplateStep step, AssignPlan plan) {
        return new AssignedStep(step.stepId(), step.phaseId(), step.kind(), step.title(),
                                plan.startDate().plusDays(step.dayOffset()), step.promptId(), step.targetDays(),
                                step.checkIns());
    }

    @EventSourcingHandler
    void on(PlanAssigned event) {
        planId = event.planId();
        clientId = event.clientId();
        timezone = event.timezone();
        outcome = PlanOutcome.ACTIVE;
        breachRules = BreachRuleVersions.startingWith(event.startDate(),
                                                      BreachRules.assigned(event.replyToExCountsAsBreach()));
        event.steps().forEach(step -> steps.put(step.stepId(), StepState.open(step)));
    }

    @EventSourcingHandler
    void on(StepCompleted event) {
        steps.computeIfPresent(event.stepId(), (id, step) -> step.with(StepStatus.COMPLETED));
        if (event.causeEventId() != null) {
            seenJournalEvents.add(event.causeEventId());
        }
        if (event.completedBy() == CompletedBy.JOURNAL && event.causeEventId() != null) {
            journalCompletions.put(event.stepId(), event.causeEventId());
        }
    }

    @EventSourcingHandler
    void on(MoodCheckInCounted event) {
        steps.computeIfPresent(event.stepId(), (id, step) -> step.counted(event.counted()));
        seenJournalEvents.add(event.journalEventId());
    }

    @EventSourcingHandler
    void on(StepOverdue event) {
        steps.computeIfPresent(event.stepId(), (id, step) -> step.overdue());
    }

    @EventSourcingHandler
    void on(NoContactAttemptStarted event) {
        attempt = new RunningAttempt(event.periodId(), event.journalEventId(), event.startedAt(), event.stepId(),
                                     event.targetReachedAt());
        period = new NoContactPeriod(event.periodId(), event.startedAt(), event.journalEventId());
        seenJournalEvents.add(event.journalEventId());
    }

    @EventSourcingHandler
    void on(NoContactFactRecorded event) {
        if (period != null && period.periodId().equals(event.periodId())) {
            period.add(new NoContactPeriod.Fact(event.journalEventId(), event.fact(), event.initiatedBy(),
                                                event.occurredAt()));
        }
    }

    @EventSourcingHandler
    void on(NoContactAttemptRejudged event) {
        attempt = event.startedAt() == null ? null : new RunningAttempt(event.periodId(), event.journalEventId(),
                event.startedAt(), event.stepId(), event.targetReachedAt());
    }

    @EventSourcingHandler
    void on(NoContactAttemptEnded event) {
        attempt = null;
        seenJournalEvents.add(event.journalEventId());
    }

    @EventSourcingHandler
    void on(StepReopened event) {
        steps.computeIfPresent(event.stepId(), (id, step) -> step.with(StepStatus.OPEN));
        journalCompletions.remove(event.stepId());
    }

    @EventSourcingHandler
    void on(StepSkipped event) {
        steps.computeIfPresent(event.stepId(), (id, step) -> step.with(StepStatus.SKIPPED));
    }

    @EventSourcingHandler
    void on(PlanPaused event) {
        paused = true;
    }

    @EventSourcingHandler
    void on(PlanResumed event) {
        paused = false;
    }

    @EventSourcingHandler
    void on(OutcomeChanged event) {
        outcome = event.outcome();
    }

    @EventSourcingHandler
    void on(BreachRulesChanged event) {
        breachRules.change(event.effectiveFrom(), event.rules());
    }

    @EventSourcingHandler
    void on(PlanReplaced event) {
        outcome = PlanOutcome.REPLACED;
    }
}
