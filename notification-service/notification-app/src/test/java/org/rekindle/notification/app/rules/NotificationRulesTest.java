package org.rekindle.notification.app.rules;

import org.junit.jupiter.api.Test;
import org.rekindle.notification.app.rules.Check.CheckKind;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule at controlled instants ("now" is a parameter of the rules, never the wall clock). */
class NotificationRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");
    private static final String CLIENT = "sam";
    private static final Preferences DEFAULTS = Preferences.defaults(CLIENT);

    private final NotificationRules rules = new NotificationRules();

    private ClientFacts planned() {
        ClientActivity.PlanAssigned plan = new ClientActivity.PlanAssigned("p1", "rekindle.plan.PlanAssigned.v1",
                NOW.minus(Duration.ofDays(3)), "plan-1", "maya", "Europe/Lisbon", List.of(
                new ClientActivity.DueStep("letter", "Write your apology", LocalDate.parse("2026-11-25"))), Map.of());
        return rules.on(ClientFacts.of(CLIENT), plan, NOW.minus(Duration.ofDays(3)), DEFAULTS).facts();
    }

    private Decision breach(ClientFacts facts, String id, String initiatedBy, Instant at) {
        return rules.on(facts, new ClientActivity.NoContactBroken(id, "rekindle.journal.NoContactBroken.v1", at, "nc1",
                                                                  "TEXT", initiatedBy, 12), NOW, DEFAULTS);
    }

    private Decision mood(ClientFacts facts, String id, int score, Instant at) {
        return rules.on(facts, new ClientActivity.MoodCheckedIn(id, "rekindle.journal.MoodCheckedIn.v1", at, score),
                        NOW, DEFAULTS);
    }

    private static ClientFacts sharingContactDetails(ClientFacts facts) {
        return facts.withConsent(List.of("STREAK", "PLAN_PROGRESS", "MOOD_TREND", "CONTACT_DETAILS"));
    }

    @Test
    void aBreachTheClientInitiatedAlertsTheCoachAtOnceAndEncouragesTheClient() {
        Decision decision = breach(sharingContactDetails(planned()), "b1", "CLIENT", NOW.minusSeconds(5));
        assertThat(decision.notices()).extracting(Notice::rule, Notice::recipientId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Rule.BREACH_BY_CLIENT, "maya"),
                                 org.assertj.core.groups.Tuple.tuple(Rule.ENCOURAGEMENT_AFTER_BREACH, CLIENT));
        Notice alert = decision.notices().get(0);
        assertThat(alert.key()).isEqualTo("BREACH_BY_CLIENT:b1");
        assertThat(alert.causes()).singleElement().satisfies(cause -> {
            assertThat(cause.eventId()).isEqualTo("b1");
            assertThat(cause.detail()).isEqualTo("contact by text, initiated by client");
        });
        assertThat(decision.notices().get(1).body()).contains("The 12 days you managed still count")
                                                    .doesNotContainIgnoringCase("fail");
        assertThat(decision.facts().hasSeen("b1")).isTrue();
    }

    @Test
    void byDefaultTheCoachLearnsThatContactHappenedButNotWhoInitiatedItOrHow() {
        for (String initiatedBy : List.of("CLIENT", "EX")) {
            Decision decision = breach(planned(), "b-" + initiatedBy, initiatedBy, NOW.minusSeconds(5));
            assertThat(decision.notices()).extracting(Notice::rule, Notice::recipientId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Rule.BREACH_REPORTED, "maya"),
                                     org.assertj.core.groups.Tuple.tuple(Rule.ENCOURAGEMENT_AFTER_BREACH, CLIENT));
            Notice alert = decision.notices().get(0);
            assertThat(alert.causes()).singleElement().satisfies(cause -> assertThat(cause.detail())
                    .isEqualTo("contact during the no-contact period"));
            assertThat(alert.title() + alert.body()).doesNotContainIgnoringCase("initiated")
                                                    .doesNotContainIgnoringCase("text");
        }
    }

    @Test
    void alertsAboutWhatTheClientKeepsFromTheCoachAreNotRaised() {
        ClientFacts private_ = planned().withConsent(List.of("PLAN_PROGRESS"));
        assertThat(breach(private_, "b1", "CLIENT", NOW.minusSeconds(5)).notices()).extracting(Notice::rule)
                .as("the client's own encouragement stays").containsExactly(Rule.ENCOURAGEMENT_AFTER_BREACH);
        ClientFacts low = private_;
        for (int i = 1; i <= 3; i++) {
            Decision decision = mood(low, "m" + i, 1, NOW);
            assertThat(decision.notices()).as("no low-mood alert without the mood trend").isEmpty();
            low = decision.facts();
        }
    }

    @Test
    void aBreachReadBeforeThePlanWaitsForTheCoach() {
        Decision early = breach(sharingContactDetails(ClientFacts.of(CLIENT)), "b1", "CLIENT", NOW.minusSeconds(30));
        assertThat(early.notices()).extracting(Notice::rule).containsExactly(Rule.ENCOURAGEMENT_AFTER_BREACH);
        ClientActivity.PlanAssigned plan = new ClientActivity.PlanAssigned("p1", "rekindle.plan.PlanAssigned.v1",
                NOW.minus(Duration.ofDays(3)), "plan-1", "maya", "Europe/Lisbon", List.of(), Map.of());
        Decision assigned = rules.on(early.facts(), plan, NOW, DEFAULTS);
        assertThat(assigned.notices()).singleElement().satisfies(alert -> {
            assertThat(alert.rule()).isEqualTo(Rule.BREACH_BY_CLIENT);
            assertThat(alert.recipientId()).isEqualTo("maya");
            assertThat(alert.key()).isEqualTo("BREACH_BY_CLIENT:b1");
        });
        assertThat(assigned.facts().awaitingCoach()).isEmpty();
    }

    @Test
    void contactTheExInitiatedOnlyEncouragesAndOldHistoryRaisesNothing() {
        assertThat(breach(sharingContactDetails(planned()), "b2", "EX", NOW).notices()).extracting(Notice::rule)
                .containsExactly(Rule.ENCOURAGEMENT_AFTER_BREACH);
        assertThat(breach(planned(), "b3", "CLIENT", NOW.minus(Duration.ofDays(3))).notices())
                .as("a breach from three days ago, replayed on a first start").isEmpty();
    }

    @Test
    void threeLowMoodsInARowAlertOnceNamingAllThree() {
        ClientFacts facts = planned();
        facts = mood(facts, "m1", 2, NOW.minusSeconds(300)).facts();
        facts = mood(facts, "m2", 1, NOW.minusSeconds(200)).facts();
        Decision third = mood(facts, "m3", 2, NOW.minusSeconds(100));
        assertThat(third.notices()).singleElement().satisfies(alert -> {
            assertThat(alert.rule()).isEqualTo(Rule.LOW_MOOD_THREE_IN_A_ROW);
            assertThat(alert.causes()).extracting(Cause::eventId).containsExactly("m1", "m2", "m3");
        });
        assertThat(mood(third.facts(), "m4", 1, NOW).notices()).as("the fourth is the same episode").isEmpty();

        ClientFacts recovered = mood(third.facts(), "m5", 3, NOW).facts();
        recovered = mood(recovered, "m6", 2, NOW).facts();
        recovered = mood(recovered, "m7", 2, NOW).facts();
        assertThat(mood(recovered, "m8", 2, NOW).notices()).as("a new run after a better day").hasSize(1);
    }

    @Test
    void fiveQuietDaysAlertTheCoachUnlessTheClientDidSomething() {
        Decision entry = rules.on(planned(), new ClientActivity.JournalEntry("r1", "rekindle.journal.ReflectionCompleted.v1",
                                                                             NOW), NOW, DEFAULTS);
        Check inactive = entry.checks().stream().filter(c -> c.kind() == CheckKind.NO_ACTIVITY).findFirst()
                              .orElseThrow();
        assertThat(inactive.dueAt()).isEqualTo(NOW.plus(Duration.ofDays(5)));

        Instant fiveDaysOn = inactive.dueAt();
        assertThat(rules.check(entry.facts(), inactive, fiveDaysOn, DEFAULTS).notices()).singleElement()
                .satisfies(alert -> {
                    assertThat(alert.rule()).isEqualTo(Rule.NO_ACTIVITY_FIVE_DAYS);
                    assertThat(alert.causes()).extracting(Cause::eventId).containsExactly("r1");
                });
        Decision next = mood(entry.facts(), "m1", 4, NOW.plus(Duration.ofDays(2)));
        ClientFacts later = next.facts();
        assertThat(rules.check(later, inactive, fiveDaysOn, DEFAULTS).notices()).isEmpty();
        assertThat(next.checks()).filteredOn(c -> c.kind() == CheckKind.NO_ACTIVITY).singleElement()
                .satisfies(check -> assertThat(check.params()).as("the check it makes pointless is cancelled")
                        .containsEntry(Check.SUPERSEDES, inactive.key()));
    }

    @Test
    void fiveQuietDaysNameTheLastActivityOnlyWhereTheClientLetsTheCoachKnowThatKind() {
        ClientFacts keepsUrges = planned().withConsent(List.of("STREAK"));
        Decision urge = rules.on(keepsUrges, new ClientActivity.JournalEntry("u1", "rekindle.journal.UrgeRecorded.v1",
                                                                            NOW), NOW, DEFAULTS);
        Check inactive = urge.checks().stream().filter(c -> c.kind() == CheckKind.NO_ACTIVITY).findFirst()
                             .orElseThrow();
        assertThat(rules.check(urge.facts(), inactive, inactive.dueAt(), DEFAULTS).notices()).singleElement()
                .satisfies(alert -> assertThat(alert.causes()).singleElement().satisfies(cause -> {
                    assertThat(cause.type()).as("an urge is not the coach's to know of").isNull();
                    assertThat(cause.at()).isEqualTo(NOW);
                    assertThat(cause.detail()).contains("the client's to share");
                }));

        Decision shared = rules.on(urge.facts().withConsent(List.of("URGES")), new ClientActivity.JournalEntry("u2",
                "rekindle.journal.UrgeRecorded.v1", NOW), NOW, DEFAULTS);
        Check next = shared.checks().stream().filter(c -> c.kind() == CheckKind.NO_ACTIVITY).findFirst().orElseThrow();
        assertThat(rules.check(shared.facts(), next, next.dueAt(), DEFAULTS).notices()).singleElement()
                .satisfies(alert -> assertThat(alert.causes()).extracting(Cause::type)
                        .containsExactly("rekindle.journal.UrgeRecorded.v1"));
    }

    @Test
    void aStepStillOpenTwoDaysAfterItWentOverdueAlertsTheCoach() {
        Instant overdueSince = Instant.parse("2026-11-26T00:00:00Z");
        Decision overdue = rules.on(planned(), new ClientActivity.StepOverdue("o1", "rekindle.plan.PlanStepOverdue.v1",
                overdueSince, "plan-1", "letter", LocalDate.parse("2026-11-25"), overdueSince), NOW, DEFAULTS);
        Check check = overdue.checks().get(0);
        assertThat(check.dueAt()).isEqualTo(overdueSince.plus(Duration.ofDays(2)));
        assertThat(rules.check(overdue.facts(), check, check.dueAt(), DEFAULTS).notices()).singleElement()
                .satisfies(alert -> {
                    assertThat(alert.rule()).isEqualTo(Rule.STEP_OVERDUE_TWO_DAYS);
                    assertThat(alert.title()).isEqualTo("sam: \"Write your apology\" is 2 days overdue");
                });
        ClientFacts done = rules.on(overdue.facts(), new ClientActivity.StepChanged("c1", "rekindle.plan.PlanStepCompleted.v1",
                overdueSince.plusSeconds(60), "plan-1", "letter", false), NOW, DEFAULTS).facts();
        assertThat(rules.check(done, check, check.dueAt(), DEFAULTS).notices()).isEmpty();
    }

    @Test
    void aPlanAssignedWithAStepAlreadyPastDueGivesTheClientTwoDaysBeforeTheCoachIsAlerted() {
        Instant overdueSince = Instant.parse("2026-11-20T00:00:00Z");
        Instant assignedToday = Instant.parse("2026-11-28T09:00:00Z");
        Decision overdue = rules.on(planned(), new ClientActivity.StepOverdue("o1", "rekindle.plan.PlanStepOverdue.v1",
                assignedToday, "plan-1", "letter", LocalDate.parse("2026-11-19"), overdueSince), NOW, DEFAULTS);
        assertThat(overdue.checks().get(0).dueAt()).isEqualTo(assignedToday.plus(Duration.ofDays(2)));
    }

    @Test
    void theDailyCheckInFollowsTheClientsLocalTimeAcrossDaylightSavingChanges() {
        ClientFacts facts = planned();
        Preferences eightPm = new Preferences(CLIENT, null, "Europe/Lisbon", LocalTime.of(20, 0),
                                              LocalTime.of(22, 0), LocalTime.of(8, 0), Set.of());
        assertThat(rules.dailyCheckIn(facts, Instant.parse("2026-03-28T21:00:00Z"), eightPm).dueAt())
                .as("summer time from 29 March: 20:00 WEST").isEqualTo(Instant.parse("2026-03-29T19:00:00Z"));
        assertThat(rules.dailyCheckIn(facts, Instant.parse("2026-10-24T20:30:00Z"), eightPm).dueAt())
                .as("winter time from 25 October: 20:00 WET").isEqualTo(Instant.parse("2026-10-25T20:00:00Z"));

        Check today = rules.dailyCheckIn(facts, NOW, eightPm);
        Decision due = rules.check(facts, today, today.dueAt(), eightPm);
        assertThat(due.notices()).extracting(Notice::rule).containsExactly(Rule.DAILY_CHECK_IN);
        assertThat(due.checks()).singleElement().satisfies(next -> assertThat(next.dueAt())
                .isEqualTo(today.dueAt().plus(Duration.ofDays(1))));
        ClientFacts checkedIn = mood(facts, "m1", 4, today.dueAt().minusSeconds(3600)).facts();
        assertThat(rules.check(checkedIn, today, today.dueAt(), eightPm).notices())
                .as("no reminder after today's check-in").isEmpty();
    }

    @Test
    void remindersWaitOutQuietHoursInTheRecipientsZone() {
        Preferences quiet = new Preferences(CLIENT, null, "Europe/Lisbon", LocalTime.of(20, 0), LocalTime.of(22, 0),
                                            LocalTime.of(8, 0), Set.of());
        ZoneId lisbon = ZoneId.of("Europe/Lisbon");
        assertThat(quiet.outsideQuietHours(Instant.parse("2026-11-20T23:30:00Z"), lisbon))
                .isEqualTo(Instant.parse("2026-11-21T08:00:00Z"));
        assertThat(quiet.outsideQuietHours(Instant.parse("2026-11-21T06:59:00Z"), lisbon))
                .isEqualTo(Instant.parse("2026-11-21T08:00:00Z"));
        assertThat(quiet.outsideQuietHours(Instant.parse("2026-11-21T12:00:00Z"), lisbon))
                .isEqualTo(Instant.parse("2026-11-21T12:00:00Z"));
        Preferences daytimeQuiet = new Preferences(CLIENT, null, null, LocalTime.of(20, 0), LocalTime.of(9, 0),
                                                   LocalTime.of(17, 0), Set.of());
        assertThat(daytimeQuiet.outsideQuietHours(Instant.parse("2026-11-21T12:00:00Z"), ZoneId.of("UTC")))
                .isEqualTo(Instant.parse("2026-11-21T17:00:00Z"));
    }

    @Test
    void noContactMilestonesOnDays7And14And30AndTheTargetWhileThePeriodRuns() {
        Instant started = NOW.minus(Duration.ofDays(1));
        Decision start = rules.on(planned(), new ClientActivity.NoContactStarted("s1", "rekindle.journal.NoContactStarted.v1",
                started, "nc1", 45), NOW, DEFAULTS);
        List<Check> milestones = start.checks().stream().filter(c -> c.kind() == CheckKind.NO_CONTACT_MILESTONE).toList();
        assertThat(milestones).extracting(c -> c.params().get("day")).containsExactly("7", "14", "30", "45");
        Check day7 = milestones.get(0);
        assertThat(day7.dueAt()).isEqualTo(started.plus(Duration.ofDays(7)));
        assertThat(rules.check(start.facts(), day7, day7.dueAt(), DEFAULTS).notices()).singleElement()
                .satisfies(n -> assertThat(n.title()).isEqualTo("Day 7 of no contact"));
        ClientFacts broken = breach(start.facts(), "b1", "EX", NOW).facts();
        assertThat(rules.check(broken, day7, day7.dueAt(), DEFAULTS).notices()).isEmpty();
    }

    @Test
    void aStepDueTomorrowIsRemindedAtNineTheDayBeforeAndACheckMoreThanADayLateIsSkipped() {
        ClientActivity.PlanAssigned plan = new ClientActivity.PlanAssigned("p1", "rekindle.plan.PlanAssigned.v1", NOW,
                "plan-1", "maya", "Asia/Tokyo", List.of(new ClientActivity.DueStep("letter", "Write your apology",
                                                                                   LocalDate.parse("2026-11-25"))), Map.of());
        Decision assigned = rules.on(ClientFacts.of(CLIENT), plan, NOW, DEFAULTS);
        Check dueTomorrow = assigned.checks().stream().filter(c -> c.kind() == CheckKind.STEP_DUE_TOMORROW)
                                    .findFirst().orElseThrow();
        assertThat(dueTomorrow.dueAt()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(rules.check(assigned.facts(), dueTomorrow, dueTomorrow.dueAt().plusSeconds(30), DEFAULTS).notices())
                .singleElement().satisfies(n -> assertThat(n.title()).isEqualTo("Tomorrow: Write your apology"));
        assertThat(rules.check(assigned.facts(), dueTomorrow, dueTomorrow.dueAt().plus(Duration.ofHours(25)),
                               DEFAULTS).notices()).isEmpty();
    }

    @Test
    void noNoticeEverCarriesMoreThanTheRuleCounted() {
        Decision decision = breach(planned(), "b1", "CLIENT", NOW);
        decision.notices().forEach(notice -> assertThat(notice.causes()).allSatisfy(cause ->
                assertThat(cause.detail()).matches("contact by [a-z_ ]+, initiated by [a-z]+|contact during the "
                                                   + "no-contact period")));
    }
}
