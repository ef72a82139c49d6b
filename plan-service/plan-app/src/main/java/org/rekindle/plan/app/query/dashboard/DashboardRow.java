package org.rekindle.plan.app.query.dashboard;


import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A client's dashboard state, folded event by event. It stores facts (steps, breaches, moods, the running attempt);
 * what depends on "now" (streak, breaches in the last 7 days, overdue steps, risk flags) is computed by
 * {@link #asOf(Instant)}, so the same fold answers both the live dashboard and time travel.
 */
@com.fasterxml.jackson.annotation.JsonAutoDetect(fieldVisibility = com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY,
                                              getterVisibility = com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE,
                                              isGetterVisibility = com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE)
public final class DashboardRow {

    static final int MOOD_TREND = 14;

    String clientId;
    String coachId;
    String planId;
    String timezone = "UTC";
    final List<Map<String, Object>> steps = new ArrayList<>();
    /** A mood score this low or lower is a low mood. */
    static final int LOW_MOOD = 2;
    /** How long a contact or a low mood counts as recent. */
    static final Duration RECENT = Duration.ofHours(48);
    /** How long without activity makes a client quiet. */
    static final Duration QUIET = Duration.ofDays(5);

    final List<Instant> breaches = new ArrayList<>();
    final List<Mood> moods = new ArrayList<>();
    /** The weekly WHO-5 check-ins, oldest first, the last {@link WellBeingTrend#KEPT}. */
    final List<WellBeingTrend.CheckIn> wellBeing = new ArrayList<>();
    Instant attemptStartedAt;
    Integer targetDays;
    int longestEndedAttempt;
    Instant lastActivityAt;
    Instant assignedAt;
    /** The client's consent as last chosen; null until they choose (then the default applies). */
    List<String> coachSees;
    /** ACTIVE, PAUSED, or how the plan ended (RECONCILED, MOVED_ON, ENDED, REPLACED); null in rows stored before it was kept. */
    String planStatus;
    /** The latest contact during no contact, with how it happened (null in rows stored before it was kept). */
    Breach lastBreach;
    /*
     * The fields above from breaches on count every contact as it came; rows stored before the breach rules were
     * versioned (Dec 2026) only have those. Rows folded since keep the facts below and count them under the rules
     * in force at each contact's time, when read ({@link NoContactFold}); a rebuild turns old rows into new ones.
     */
    boolean countsUnderRules;
    final List<NoContactFold.Mark> noContact = new ArrayList<>();
    /** The reply rule chosen when the plan was assigned; the rules before any change. */
    boolean replyToExCountsAsBreach;
    /**
     * Every plan's rule changes, kept by plan rather than cleared on an assignment: a change effective from the
     * plan's start happened, for time travel, before an assignment made later, so either may be folded first.
     */
    final List<ContactRules.Change> ruleChanges = new ArrayList<>();
    /*
     * The no-contact figures as counted when the row was last stored (foldedAt), with the breaches of the week
     * before only, true until the first contact mark or rule change dated after foldedAt (foldedUntil; null: none).
     * The coach's dashboard reads rows without their marks, which grow with the history, and answers from these
     * ({@link #noContactKnownAt}); any event applied since makes them unknown (null) until the row is stored again.
     */
    NoContactFold folded;
    Instant foldedAt;
    Instant foldedUntil;

    record Mood(int score, Instant at) {
    }

    record Breach(String channel, String initiatedBy, Instant at) {
    }

    public DashboardRow(String clientId) {
        this.clientId = clientId;
        this.countsUnderRules = true;
    }

    DashboardRow() {
        // for Jackson
    }

    /** Applies one event; unknown types only count as activity. */
    public DashboardRow apply(ClientEvent event) {
        if (aboutAnotherPlan(event)) {
            return this;
        }
        folded = null;
        switch (event.type()) {
            case "PlanAssigned" -> assigned(event);
            case "PlanStepCompleted" -> stepStatus(event.text("stepId"), "COMPLETED");
            case "PlanStepSkipped" -> stepStatus(event.text("stepId"), "SKIPPED");
            case "PlanStepReopened" -> stepStatus(event.text("stepId"), "OPEN");
            case "NoContactStarted" -> {
                attemptStartedAt = event.time();
                targetDays = event.number("targetDays");
                noContact.add(new NoContactFold.Mark("STARTED", event.time(), event.number("targetDays"), null, null,
                                                     null));
            }
            case "NoContactBroken" -> {
                noContact.add(new NoContactFold.Mark("CONTACT", event.time(), null, event.text("channel"),
                                                     event.text("initiatedBy"), event.number("attemptDays")));
                if (!countsUnderRules) {
                    breaches.add(event.time()); // rows folded since count from the marks
                }
                if (lastBreach == null || !event.time().isBefore(lastBreach.at())) {
                    lastBreach = new Breach(event.text("channel"), event.text("initiatedBy"), event.time());
                }
                longestEndedAttempt = Math.max(longestEndedAttempt, orZero(event.number("attemptDays")));
                attemptStartedAt = event.time();
            }
            case "NoContactEnded" -> {
                noContact.add(new NoContactFold.Mark("ENDED", event.time(), null, null, null, null));
                longestEndedAttempt = Math.max(longestEndedAttempt, attemptDaysUntil(event.time()));
                attemptStartedAt = null;
            }
            case "MoodCheckedIn" -> {
                moods.add(new Mood(orZero(event.number("score")), event.time()));
                moods.sort(Comparator.comparing(Mood::at));
                if (moods.size() > MOOD_TREND) {
                    moods.remove(0);
                }
            }
            case "WellBeingCheckedIn" -> WellBeingTrend.add(wellBeing, event);
            case "ConsentChanged" -> coachSees = List.copyOf(event.texts("coachSees"));
            case "PlanPaused" -> planStatus = "PAUSED";
            case "PlanResumed" -> planStatus = "ACTIVE";
            case "PlanOutcomeChanged" -> planStatus = event.text("outcome");
            case "PlanReplaced" -> planStatus = "REPLACED";
            case "PlanBreachRulesChanged" -> ruleChanges.add(new ContactRules.Change(event.text("planId"), event.time(),
                    Instant.parse(event.text("changedAt")), ContactRules.of(event.data().get("rules"))));
            default -> { }
        }
        if (theClientActed(event) && (lastActivityAt == null || event.time().isAfter(lastActivityAt))) {
            lastActivityAt = event.time();
        }
        return this;
    }

    /**
     * Whether the event is something the client did: not a plan's or the coach's act (a coach's message, a session
     * the coach moved, cancelled or marked), so a coach writing to a silent client does not make them look active.
     */
    static boolean theClientActed(ClientEvent event) {
        return switch (event.type()) {
            case "ConsentChanged", "SessionOutcomeRecorded" -> false;
            case "MessageSent" -> "CLIENT".equals(event.text("sender"));
            case "SessionRescheduled", "SessionCancelled" -> "CLIENT".equals(event.text("by"));
            default -> !event.type().startsWith("Plan");
        };
    }

    /** A plan event of a plan this row no longer follows (one replaced or ended before the current was assigned). */
    private boolean aboutAnotherPlan(ClientEvent event) {
        String eventPlan = event.text("planId");
        return event.type().startsWith("Plan") && !event.type().equals("PlanAssigned") && planId != null
               && eventPlan != null && !planId.equals(eventPlan);
    }

    @SuppressWarnings("unchecked")
    private void assigned(ClientEvent event) {
        coachId = event.text("coachId");
        assignedAt = event.time();
        planId = event.text("planId");
        planStatus = "ACTIVE";
        lastBreach = null;
        timezone = event.text("timezone");
        replyToExCountsAsBreach = Boolean.TRUE.equals(event.data().get("replyToExCountsAsBreach"));
        steps.clear();
        for (Object step : (List<Object>) event.data().getOrDefault("steps", List.of())) {
            Map<String, Object> s = new java.util.HashMap<>((Map<String, Object>) step);
            s.put("status", "OPEN");
            steps.add(s);
        }
    }

    private void stepStatus(String stepId, String status) {
        steps.stream().filter(s -> stepId != null && stepId.equals(s.get("stepId")))
             .forEach(s -> s.put("status", status));
    }

    private int attemptDaysUntil(Instant end) {
        return attemptStartedAt == null ? 0 : (int) Duration.between(attemptStartedAt, end).toDays();
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    /** The row as a coach sees it at {@code now}. */
    public DashboardView asOf(Instant now) {
        String today = LocalDate.ofInstant(now, ZoneId.of(timezone)).toString();
        // ISO dates (yyyy-MM-dd) order as text: no date parsed per step and row on every dashboard read
        List<Map<String, Object>> overdue = steps.stream()
                .filter(s -> "OPEN".equals(s.get("status")) && ((String) s.get("dueDate")).compareTo(today) < 0)
                .toList();
        long done = steps.stream().filter(s -> !"OPEN".equals(s.get("status"))).count();
        String phase = phase();
        NoContactFold noContact = noContactAsOf(now);
        Instant attemptStartedAt = noContact.attemptStartedAt();
        int current = attemptStartedAt == null ? 0 : (int) Math.max(0, Duration.between(attemptStartedAt, now).toDays());
        long breaches7 = noContact.breaches().stream().filter(b -> !b.isAfter(now) && b.isAfter(now.minus(Duration.ofDays(7))))
                                 .count();
        CoachConsent consent = CoachConsent.of(coachSees);
        boolean plan = consent.sees(ConsentScope.PLAN_PROGRESS);
        boolean streak = consent.sees(ConsentScope.STREAK);
        boolean mood = consent.sees(ConsentScope.MOOD_TREND);
        List<RiskFlag> flags = new ArrayList<>();
        if (!breachesRecently(now).isEmpty()) {
            flags.add(RiskFlag.BREACH_IN_48H);
        }
        if (lastThreeLow(moods)) {
            flags.add(RiskFlag.LOW_MOOD_THREE_IN_A_ROW);
        }
        if (WellBeingTrend.lowOrDropped(wellBeing, now)) {
            flags.add(RiskFlag.WELL_BEING_LOW_OR_DROPPED);
        }
        Instant quietSince = quietSince();
        if (quietSince == null || quietSince.isBefore(now.minus(QUIET))) {
            flags.add(RiskFlag.NO_ACTIVITY_FIVE_DAYS);
        }
        if (!overdue.isEmpty()) {
            flags.add(RiskFlag.OVERDUE_STEP);
        }
        flags.removeIf(flag -> !flag.seenWith(consent));
        Attention attention = RowAttention.of(this, now, consent, overdue.size());
        return new DashboardView(clientId, coachId, planId, plan ? phase : null,
                                 plan ? (steps.isEmpty() ? 0 : (int) Math.round(100.0 * done / steps.size())) : null,
                                 streak ? current : null,
                                 streak ? Math.max(current, noContact.longestEndedAttempt()) : null,
                                 streak ? attemptStartedAt != null : null, streak ? noContact.targetDays() : null,
                                 streak ? (int) breaches7 : null, mood ? moods.stream().map(Mood::score).toList() : null,
                                 lastActivityAt, plan ? overdue.stream().map(s -> (String) s.get("stepId")).toList() : null,
                                 flags, consent.names(), now, status(),
                                 attention.level().name(), attention.words(),
                                 mood ? WellBeingTrend.percentages(wellBeing, now) : null);
    }

    /** The no-contact figures at {@code now}: counted under the rules in force at each contact's time. */
    NoContactFold noContactAsOf(Instant now) {
        return noContactKnownAt(now) ? folded : countNoContact(now);
    }

    /** Whether the figures folded when the row was stored hold at {@code now}, so the marks need not be read. */
    boolean noContactKnownAt(Instant now) {
        return folded != null && !now.isBefore(foldedAt) && (foldedUntil == null || now.isBefore(foldedUntil));
    }

    /** Counts the no-contact figures at {@code now} and keeps them for views from then on; done as the row is stored. */
    DashboardRow foldNoContactAt(Instant now) {
        folded = countNoContact(now).keepingBreachesAfter(now.minus(Duration.ofDays(7)));
        foldedAt = now;
        foldedUntil = java.util.stream.Stream.of(noContact.stream().map(NoContactFold.Mark::at), breaches.stream(),
                                                 ruleChanges.stream().map(ContactRules.Change::effectiveAt))
                                             .flatMap(at -> at).filter(at -> at.isAfter(now))
                                             .min(Comparator.naturalOrder()).orElse(null);
        return this;
    }

    private NoContactFold countNoContact(Instant now) {
        if (!countsUnderRules) {
            return new NoContactFold(attemptStartedAt, targetDays, longestEndedAttempt, breaches, lastBreach);
        }
        List<ContactRules.Change> ofThisPlan = ruleChanges.stream()
                .filter(change -> planId == null || planId.equals(change.planId())).toList();
        return NoContactFold.of(noContact, ContactRules.assigned(replyToExCountsAsBreach), ofThisPlan, now);
    }

    /** Breaches in the {@link #RECENT} hours before {@code now}, oldest first as recorded. */
    List<Instant> breachesRecently(Instant now) {
        return noContactAsOf(now).breaches().stream().filter(b -> !b.isAfter(now) && b.isAfter(now.minus(RECENT))).toList();
    }

    /** The last three of these check-ins all scored {@link #LOW_MOOD} or lower. */
    static boolean lastThreeLow(List<Mood> moods) {
        return moods.size() >= 3
               && moods.subList(moods.size() - 3, moods.size()).stream().allMatch(m -> m.score() <= LOW_MOOD);
    }

    /** What "nothing heard for N days" counts from: the client's last activity, or the assignment if later. */
    Instant quietSince() {
        return lastActivityAt == null || (assignedAt != null && assignedAt.isAfter(lastActivityAt))
               ? assignedAt : lastActivityAt;
    }

    /** ACTIVE, PAUSED or FINISHED (the plan ended, whichever way): what the coach filters the dashboard by. */
    String status() {
        if (planStatus == null || "ACTIVE".equals(planStatus)) {
            return "ACTIVE";
        }
        return "PAUSED".equals(planStatus) ? "PAUSED" : "FINISHED";
    }

    /**
     * Where the client is: the phase of the next open step after the furthest one they have done or skipped (steps
     * left open in earlier phases are lagging, not holding the phase back); the first open step's phase before any
     * progress, "done" when nothing is open.
     */
    String phase() {
        if (steps.isEmpty()) {
            return null;
        }
        int furthest = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (!"OPEN".equals(steps.get(i).get("status"))) {
                furthest = i;
            }
        }
        for (int i = furthest + 1; i < steps.size(); i++) {
            if ("OPEN".equals(steps.get(i).get("status"))) {
                return (String) steps.get(i).get("phaseId");
            }
        }
        boolean anyOpen = steps.stream().anyMatch(s -> "OPEN".equals(s.get("status")));
        return anyOpen ? (String) steps.get(furthest).get("phaseId") : "done";
    }
}
