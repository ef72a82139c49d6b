package org.rekindle.notification.app.rules;

import org.rekindle.notification.app.rules.Check.CheckKind;
import org.rekindle.notification.app.rules.ClientActivity.MoodCheckedIn;
import org.rekindle.notification.app.rules.ClientActivity.NoContactBroken;
import org.rekindle.notification.app.rules.ClientActivity.NoContactEnded;
import org.rekindle.notification.app.rules.ClientActivity.NoContactStarted;
import org.rekindle.notification.app.rules.ClientActivity.PlanAssigned;
import org.rekindle.notification.app.rules.ClientActivity.PlanStateChanged;
import org.rekindle.notification.app.rules.ClientActivity.StepChanged;
import org.rekindle.notification.app.rules.ClientActivity.StepOverdue;
import org.rekindle.notification.app.rules.ClientFacts.Mood;
import org.rekindle.notification.app.rules.ClientFacts.NoContact;
import org.rekindle.notification.app.rules.ClientFacts.StepFact;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The alert and reminder rules, pure: given what is known of a client, an event or a due check, and the time now,
 * decide the notifications and the checks for later. Events older than {@link #FRESH_FOR} raise nothing at once
 * (history replayed on a first start is not news); checks more than {@link #LATE_BY_AT_MOST} late are skipped.
 */
public final class NotificationRules {

    static final Duration FRESH_FOR = Duration.ofHours(48);
    static final Duration LATE_BY_AT_MOST = Duration.ofHours(24);
    static final Duration INACTIVE_AFTER = Duration.ofDays(5);
    static final Duration OVERDUE_ALERT_AFTER = Duration.ofDays(2);
    static final LocalTime DUE_TOMORROW_AT = LocalTime.of(9, 0);
    static final int LOW_MOOD = 2;
    static final int LOW_MOODS_IN_A_ROW = 3;

    private final Messages messages = new Messages();
    private final SavedRulesOnEvent savedRules = new SavedRulesOnEvent(messages);
    private final WellBeingRule wellBeing = new WellBeingRule(messages);

    public Decision on(ClientFacts facts, ClientActivity activity, Instant now, Preferences client) {
        return on(facts, activity, now, client, List.of());
    }

    /** As above, with the rules the client's coach saved ({@code saved}) run on the event too. */
    public Decision on(ClientFacts facts, ClientActivity activity, Instant now, Preferences client,
                       List<SavedRule> saved) {
        return on(facts, activity, now, () -> client, saved);
    }

    /** As above; the client's preferences are asked for only by the events that need them (a plan's assignment). */
    public Decision on(ClientFacts facts, ClientActivity activity, Instant now, Supplier<Preferences> client,
                       List<SavedRule> saved) {
        List<Notice> notices = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        boolean fresh = !activity.at().isBefore(now.minus(FRESH_FOR));
        ClientFacts next;
        if (activity instanceof MoodCheckedIn e) {
            next = active(mood(facts, e, fresh, now, notices), e, checks);
        } else if (activity instanceof ClientActivity.WellBeingCheckedIn e) {
            next = active(wellBeing.apply(facts, e, fresh, now, notices), e, checks);
        } else if (activity instanceof NoContactStarted e) {
            next = active(noContactStarted(facts, e, checks), e, checks);
        } else if (activity instanceof NoContactBroken e) {
            next = active(noContactBroken(facts, e, fresh, now, notices), e, checks);
        } else if (activity instanceof NoContactEnded e) {
            next = active(stopped(facts, e.periodId()), e, checks);
        } else if (activity instanceof PlanAssigned e) {
            next = assigned(facts, e, now, client.get(), checks, notices);
        } else if (activity instanceof StepChanged e) {
            next = ofThisPlan(facts, e.planId()) ? facts.withStep(e.stepId(), e.open()) : facts;
        } else if (activity instanceof StepOverdue e) {
            // Two days from when the step became overdue on the plan: its due date's end, or later when the plan was
            // assigned (or resumed) with the date already past, so the client has the same two days to catch up.
            Instant overdueOnThePlan = e.at().isAfter(e.overdueSince()) ? e.at() : e.overdueSince();
            checks.add(new Check("overdue:" + e.planId() + ":" + e.stepId() + ":" + e.eventId(),
                                 CheckKind.STEP_OVERDUE, facts.clientId(), overdueOnThePlan.plus(OVERDUE_ALERT_AFTER),
                                 Map.of("planId", e.planId(), "stepId", e.stepId(), "eventId", e.eventId(),
                                        "dueDate", e.dueDate().toString())));
            next = facts;
        } else if (activity instanceof PlanStateChanged e) {
            next = ofThisPlan(facts, e.planId()) ? facts.withPlanRunning(e.running()) : facts;
        } else if (activity instanceof ClientActivity.BreachRulesChanged e) {
            ContactRules known = facts.contactRules() != null ? facts.contactRules()
                    : new ContactRules(e.planId(), Map.of(), List.of());
            next = facts.withContactRules(known.with(new ContactRules.Change(e.eventId(), e.planId(), e.effectiveAt(),
                                                                             e.at(), e.contactRules())));
        } else if (activity instanceof ClientActivity.ConsentChanged e) {
            next = facts.withConsent(e.coachSees());
        } else {
            next = active(facts, activity, checks);
        }
        next = savedRules.apply(next, activity, fresh, now, saved, notices);
        ClientFacts consented = next;
        notices.removeIf(n -> !consented.allows(n.rule()));
        List<Notice> withoutCoach = notices.stream().filter(n -> n.recipientId() == null).toList();
        if (!withoutCoach.isEmpty()) {
            notices.removeAll(withoutCoach);
            next = next.awaiting(withoutCoach);
        }
        return new Decision(next.seen(activity.eventId()), notices, checks);
    }

    private ClientFacts mood(ClientFacts facts, MoodCheckedIn e, boolean fresh, Instant now, List<Notice> notices) {
        int run = e.score() <= LOW_MOOD ? facts.lowMoodRun() + 1 : 0;
        ClientFacts moody = facts.withMood(new Mood(e.eventId(), e.score(), e.at()), run);
        if (run == LOW_MOODS_IN_A_ROW && fresh) {
            List<Mood> moods = moody.recentMoods();
            List<Cause> causes = moods.subList(moods.size() - LOW_MOODS_IN_A_ROW, moods.size()).stream()
                    .map(m -> new Cause(m.eventId(), e.type(), m.at(), "mood " + m.score() + " of 5")).toList();
            notices.add(alert(moody, Rule.LOW_MOOD_THREE_IN_A_ROW, e.eventId(), now, causes));
        }
        return moody;
    }

    private static ClientFacts noContactStarted(ClientFacts facts, NoContactStarted e, List<Check> checks) {
        for (int day : new TreeSet<>(List.of(7, 14, 30, e.targetDays()))) {
            checks.add(new Check("milestone:" + facts.clientId() + ":" + e.periodId() + ":" + day,
                                 CheckKind.NO_CONTACT_MILESTONE, facts.clientId(), e.at().plus(Duration.ofDays(day)),
                                 Map.of("periodId", e.periodId(), "day", String.valueOf(day))));
        }
        return facts.withNoContact(new NoContact(e.periodId(), e.at(), e.targetDays(), true));
    }

    private ClientFacts noContactBroken(ClientFacts facts, NoContactBroken e, boolean fresh, Instant now,
                                        List<Notice> notices) {
        // Under the plan's rules in force at the contact's time: one that does not restart leaves the period running (its
        // milestones still come), one that is no breach raises no breach alert (the client is still encouraged).
        ContactRules.Verdict verdict = facts.contactVerdict(e.at(), e.initiatedBy());
        ClientFacts broken = verdict.restarts() ? stopped(facts, e.periodId()) : facts;
        if (!fresh) {
            return broken;
        }
        Cause cause = new Cause(e.eventId(), e.type(), e.at(), "contact by " + e.channel().toLowerCase()
                                + ", initiated by " + e.initiatedBy().toLowerCase());
        if (verdict.breach() && broken.coachSees(ConsentScope.CONTACT_DETAILS)) {
            if ("CLIENT".equals(e.initiatedBy())) {
                notices.add(alert(broken, Rule.BREACH_BY_CLIENT, e.eventId(), now, List.of(cause)));
            }
        } else if (verdict.breach()) {
            // Who initiated is the client's to share: the coach learns that contact happened, for any breach.
            notices.add(alert(broken, Rule.BREACH_REPORTED, e.eventId(), now, List.of(new Cause(
                    e.eventId(), e.type(), e.at(), "contact during the no-contact period"))));
        }
        notices.add(reminder(broken, Rule.ENCOURAGEMENT_AFTER_BREACH, Rule.ENCOURAGEMENT_AFTER_BREACH + ":"
                             + e.eventId(), now, List.of(cause), e.attemptDays()));
        return broken;
    }

    /** A check fell due: decide whether it still holds, and what to check next (the next daily check-in). */
    public Decision check(ClientFacts facts, Check check, Instant now, Preferences client) {
        List<Notice> notices = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        boolean onTime = !now.isAfter(check.dueAt().plus(LATE_BY_AT_MOST));
        Map<String, String> p = check.params();
        String noticeKey = "check:" + check.key();
        switch (check.kind()) {
            case DAILY_CHECK_IN -> {
                ZoneId zone = client.zoneOr(facts.timezone());
                LocalDate today = now.atZone(zone).toLocalDate();
                boolean checkedInToday = !facts.recentMoods().isEmpty() && facts.recentMoods()
                        .get(facts.recentMoods().size() - 1).at().atZone(zone).toLocalDate().equals(today);
                if (onTime && facts.planRunning() && !checkedInToday) {
                    notices.add(reminder(facts, Rule.DAILY_CHECK_IN, noticeKey, now, List.of(), null));
                }
                if (facts.planRunning()) {
                    checks.add(dailyCheckIn(facts, now.plusSeconds(1), client));
                }
            }
            case STEP_DUE_TOMORROW -> {
                StepFact step = facts.steps().get(p.get("stepId"));
                if (onTime && runs(facts, p.get("planId")) && step != null && step.open()) {
                    notices.add(reminder(facts, Rule.STEP_DUE_TOMORROW, noticeKey, now, List.of(), step.title()));
                }
            }
            case NO_CONTACT_MILESTONE -> {
                NoContact period = facts.noContact();
                if (onTime && period != null && period.running() && period.periodId().equals(p.get("periodId"))) {
                    notices.add(reminder(facts, Rule.NO_CONTACT_MILESTONE, noticeKey, now, List.of(),
                                         Integer.valueOf(p.get("day"))));
                }
            }
            case NO_ACTIVITY -> {
                if (onTime && facts.planRunning() && facts.coachId() != null
                    && p.get("eventId").equals(facts.lastActivityEventId())) {
                    notices.add(alert(facts, Rule.NO_ACTIVITY_FIVE_DAYS, noticeKey, now,
                                      List.of(lastActivity(facts, p.get("eventId"), p.get("type")))));
                }
            }
            case STEP_OVERDUE -> {
                StepFact step = facts.steps().get(p.get("stepId"));
                if (onTime && runs(facts, p.get("planId")) && step != null && step.open()
                    && facts.coachId() != null) {
                    notices.add(alert(facts, Rule.STEP_OVERDUE_TWO_DAYS, noticeKey, now, List.of(new Cause(
                            p.get("eventId"), "rekindle.plan.PlanStepOverdue.v1", check.dueAt()
                            .minus(OVERDUE_ALERT_AFTER), "step '" + step.title() + "' was due " + p.get("dueDate"))),
                                      step.title()));
                }
            }
        }
        notices.removeIf(n -> !facts.allows(n.rule()));
        return new Decision(facts, notices, checks);
    }

    /** The next daily check-in reminder at the client's chosen local time, strictly after {@code after}. */
    public Check dailyCheckIn(ClientFacts facts, Instant after, Preferences client) {
        ZoneId zone = client.zoneOr(facts.timezone());
        LocalDate date = after.atZone(zone).toLocalDate();
        ZonedDateTime at = ZonedDateTime.of(date, client.checkInAt(), zone);
        if (!at.toInstant().isAfter(after)) {
            date = date.plusDays(1);
            at = ZonedDateTime.of(date, client.checkInAt(), zone);
        }
        return new Check("checkin:" + facts.clientId() + ":" + date, CheckKind.DAILY_CHECK_IN, facts.clientId(),
                         at.toInstant(), Map.of("date", date.toString()));
    }

    private ClientFacts assigned(ClientFacts facts, PlanAssigned e, Instant now, Preferences client,
                                 List<Check> checks, List<Notice> notices) {
        Map<String, StepFact> steps = new LinkedHashMap<>();
        e.steps().forEach(step -> steps.put(step.stepId(), new StepFact(step.title(), step.dueDate(), true)));
        ClientFacts planned = facts.withPlan(e.planId(), e.coachId(), e.timezone(), steps)
                                   .withContactRules(ContactRules.assigned(facts.contactRules(), e.planId(),
                                                                           e.contactRules()))
                                   .withActivity(e.eventId(), e.at());
        ZoneId zone = client.zoneOr(e.timezone());
        e.steps().forEach(step -> checks.add(new Check(
                "due-tomorrow:" + e.planId() + ":" + step.stepId(), CheckKind.STEP_DUE_TOMORROW, facts.clientId(),
                ZonedDateTime.of(step.dueDate().minusDays(1), DUE_TOMORROW_AT, zone).toInstant(),
                Map.of("planId", e.planId(), "stepId", step.stepId()))));
        checks.add(dailyCheckIn(planned, now.isAfter(e.at()) ? now : e.at(), client));
        if (e.eventId().equals(planned.lastActivityEventId())) {
            checks.add(inactivity(facts, e));
        }
        planned.awaitingCoach().stream().filter(n -> !n.raisedAt().isBefore(now.minus(FRESH_FOR)))
               .forEach(n -> notices.add(new Notice(n.key(), n.rule(), e.coachId(), n.clientId(), n.title(), n.body(),
                                                    n.causes(), n.raisedAt(), n.why())));
        return planned.released();
    }

    private static ClientFacts active(ClientFacts facts, ClientActivity e, List<Check> checks) {
        ClientFacts active = facts.withActivity(e.eventId(), e.at());
        if (e.eventId().equals(active.lastActivityEventId())) {
            checks.add(inactivity(facts, e));
        }
        return active;
    }

    /**
     * Is the client still quiet {@link #INACTIVE_AFTER} after {@code e}? It replaces the check of the activity
     * before ({@code before}'s last), which could never fire any more: one pending inactivity check per client, not
     * one per event (the schedule's polled set stays as small as the clients, whatever the history).
     */
    private static Check inactivity(ClientFacts before, ClientActivity e) {
        Map<String, String> params = new java.util.HashMap<>(Map.of("eventId", e.eventId(), "type", e.type()));
        String previous = before.lastActivityEventId();
        if (previous != null && !previous.equals(e.eventId())) {
            params.put(Check.SUPERSEDES, inactivityKey(before.clientId(), previous));
        }
        return new Check(inactivityKey(before.clientId(), e.eventId()), CheckKind.NO_ACTIVITY, before.clientId(),
                         e.at().plus(INACTIVE_AFTER), Map.copyOf(params));
    }

    private static String inactivityKey(String clientId, String eventId) {
        return "inactive:" + clientId + ":" + eventId;
    }

    private static ClientFacts stopped(ClientFacts facts, String periodId) {
        NoContact period = facts.noContact();
        return period != null && period.periodId().equals(periodId)
               ? facts.withNoContact(new NoContact(period.periodId(), period.startedAt(), period.targetDays(), false))
               : facts;
    }

    private static boolean ofThisPlan(ClientFacts facts, String planId) {
        return facts.planId() != null && facts.planId().equals(planId);
    }

    private static boolean runs(ClientFacts facts, String planId) {
        return facts.planRunning() && planId != null && planId.equals(facts.planId());
    }

    /** When the client last did something; what it was only where their consent lets the coach know that kind. */
    private static Cause lastActivity(ClientFacts facts, String eventId, String type) {
        return facts.coachMayKnowOf(type)
               ? new Cause(eventId, type, facts.lastActivityAt(), "the last thing recorded")
               : new Cause(eventId, null, facts.lastActivityAt(),
                           "the last thing recorded (what it was is the client's to share)");
    }

    private Notice alert(ClientFacts facts, Rule rule, String causeKey, Instant now, List<Cause> causes) {
        return alert(facts, rule, causeKey, now, causes, null);
    }

    private Notice alert(ClientFacts facts, Rule rule, String causeKey, Instant now, List<Cause> causes,
                         Object detail) {
        String key = causeKey.startsWith("check:") ? causeKey : rule + ":" + causeKey;
        return new Notice(key, rule, facts.coachId(), facts.clientId(), messages.title(rule, facts.clientId(), detail),
                          messages.body(rule, facts.clientId(), detail), causes, now);
    }

    private Notice reminder(ClientFacts facts, Rule rule, String key, Instant now, List<Cause> causes, Object detail) {
        return new Notice(key, rule, facts.clientId(), facts.clientId(), messages.title(rule, facts.clientId(), detail),
                          messages.body(rule, facts.clientId(), detail), causes, now);
    }
}
