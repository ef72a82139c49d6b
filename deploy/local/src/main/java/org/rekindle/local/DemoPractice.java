package org.rekindle.local;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The demo practice: coach Maya Okafor and three clients, each with 30 days of history at a different stage.
 * Every write goes through the real API, so the seed exercises the same path a client's phone would.
 */
final class DemoPractice {

    static final String COACH = "coach-maya";
    static final String SAM = "client-sam";
    static final String PRIYA = "client-priya";
    static final String JORDAN = "client-jordan";
    static final String PROGRAM = "reconciliation-default";

    /** Assigns one plan to a client: client id, IANA timezone, start date. */
    interface PlanAssigner {
        void assign(String client, String timezone, java.time.LocalDate startDate);
    }

    static final String SUMMARY = """
            coach Maya Okafor (%s) with three clients, each on a plan from the default program:
              %s    stage 3-4: no contact again since a breach on day 8 (that 8-day attempt is kept); revising an
                            apology; 3 low moods in a row, the last yesterday (a live alert for Maya); weekly WHO-5
                            falling from 56 %% to 24 %% (flagged; this week's is still to answer); 2 steps overdue (a reading, and the
                            no-contact period still running)
              %s  stage 5-6: clean no-contact streak of about 30 days (target 45); is it fixable? 1 step overdue
              %s stage 7: ended no contact after 22 days; reopening contact calmly; nothing overdue
            Maya offers sessions on weekdays at 10:00 and 16:00 London time (none booked yet: a client books on
            their Sessions page)
            """.formatted(COACH, SAM, PRIYA, JORDAN);

    /** Maya's weekly availability: weekdays at 10:00 and 16:00 London time, 50 minutes each. */
    static final String CALENDAR_ZONE = "Europe/London";
    static final java.util.List<String> CALENDAR_TIMES = java.util.List.of("10:00", "16:00");
    static final int SESSION_MINUTES = 50;

    private final Instant today;

    DemoPractice(Instant now) {
        this.today = now.truncatedTo(ChronoUnit.DAYS);
    }

    /** A moment {@code days} before today, at {@code hour} o'clock UTC: history only, never the future. */
    private Instant ago(int days, int hour) {
        return today.minus(days, ChronoUnit.DAYS).plus(hour, ChronoUnit.HOURS);
    }

    /**
     * Brings a client's plan to where their story is, as their coach did in sessions: every step due before today that
     * the client's journal did not complete is marked done, except those left open (still in progress, so honestly
     * overdue) and those skipped with a reason. {@code answeredStep} is a step the client's own journal completes: the
     * coach waits for it, so a step the journal answers is not marked by the coach first.
     */
    interface PlanSettler {
        void settle(String client, String answeredStep, java.util.Set<String> leaveOpen,
                    java.util.Map<String, String> skip);
    }

    /**
     * Each demo client's whole story as one task: their plan from the default program in their own timezone, started
     * as long ago as their stage needs (the program's days: the apology around day 6, the no-contact milestone at 37,
     * is-it-fixable at 47, reopening contact at 54, so the plan agrees with the story), then their 30 days of journal,
     * their weekly WHO-5, and their coach's marks. The clients share nothing, so the tasks may run side by side; within
     * one, the order matters (the plan is there before the journal completes its steps).
     */
    java.util.List<Runnable> clients(PlanAssigner plans, DemoJournal journal, PlanSettler settler) {
        java.time.LocalDate day = java.time.LocalDate.ofInstant(today, java.time.ZoneOffset.UTC);
        return java.util.List.of(() -> {
            plans.assign(SAM, "Europe/London", day.minusDays(31));
            sam(journal);
            wellBeing(journal, SAM, "Europe/London", 9, SAM_WHO5);
            settler.settle(SAM, "own-your-part", java.util.Set.of("apology-questions", "no-contact-period"),
                           java.util.Map.of());
        }, () -> {
            plans.assign(PRIYA, "Europe/Lisbon", day.minusDays(50));
            priya(journal);
            wellBeing(journal, PRIYA, "Europe/Lisbon", 8, PRIYA_WHO5);
            settler.settle(PRIYA, "is-it-fixable", java.util.Set.of("honest-reasons"), java.util.Map.of(
                    "no-contact-milestone", "Priya began no contact later than the plan's day 7; her 45-day target "
                                            + "is the milestone now"));
        }, () -> {
            plans.assign(JORDAN, "America/Toronto", day.minusDays(58));
            jordan(journal);
            wellBeing(journal, JORDAN, "America/Toronto", 14, JORDAN_WHO5);
            settler.settle(JORDAN, "reopen-contact", java.util.Set.of(), java.util.Map.of());
        });
    }

    /*
     * A weekly WHO-5 for the five weeks before this one (36, 29, 22, 15 and 8 days ago: each in an ISO week of its
     * own, and this week's still open in every zone, so a client meets the form). Sam's falls with the hard stretch,
     * 56 % to 24 %: the last is at or below 28 % and 12 points below the week before, so the dashboard flags it.
     * Priya's rises as she looks after herself; Jordan's recovers after the breakup's low.
     */
    private static final int[][] SAM_WHO5 = {{3, 3, 3, 3, 2}, {3, 3, 3, 2, 2}, {3, 2, 2, 2, 2}, {2, 2, 2, 2, 1},
                                             {2, 1, 1, 1, 1}};
    private static final int[][] PRIYA_WHO5 = {{3, 2, 2, 3, 2}, {3, 3, 2, 3, 2}, {3, 3, 3, 3, 3}, {4, 3, 3, 3, 3},
                                               {4, 4, 3, 3, 3}};
    private static final int[][] JORDAN_WHO5 = {{2, 2, 2, 2, 2}, {3, 2, 2, 2, 2}, {3, 3, 3, 3, 2}, {4, 3, 3, 3, 3},
                                                {4, 4, 4, 3, 3}};

    private void wellBeing(DemoJournal j, String client, String zone, int hour, int[][] weeks) {
        for (int week = 0; week < weeks.length; week++) {
            j.wellBeing(client, zone, java.util.Arrays.stream(weeks[week]).boxed().toList(), ago(36 - 7 * week, hour));
        }
    }

    private void sam(DemoJournal j) {
        j.reflect(SAM, "understand-why", "We ended after months of the same argument: I worked late, she felt she "
                  + "came second, and instead of talking we both went quiet.", ago(30, 9));
        j.startNoContact(SAM, 30, ago(29, 21));
        // Better for weeks, then a hard stretch while revising the apology: the last three (5, 3 and 1 days ago) are
        // low, so Maya has a live alert about Sam, with its why, when the demo starts (rules act on the last 48 h).
        int[] moods = {2, 2, 1, 2, 3, 2, 2, 3, 3, 3, 4, 3, 2, 2, 1};
        for (int i = 0; i < moods.length; i++) {
            j.checkIn(SAM, moods[i], i == 2 ? "Could not sleep, kept checking my phone."
                                     : i == 14 ? "Rewrote the apology again. Everything feels heavy." : null,
                      5.0 + (i % 4), ago(29 - 2 * i, 8));
        }
        j.urge(SAM, true, "Wanted to like her post. Went for a run instead.", ago(27, 22));
        j.urge(SAM, true, null, ago(25, 23));
        j.urge(SAM, false, "Saw our photo from the lake.", ago(22, 23));
        j.breach(SAM, "TEXT", "CLIENT", "Texted her at 11pm. She did not answer. I logged it right away.",
                 ago(21, 23));
        String ownPart = j.reflect(SAM, "own-your-part", "My part: I promised to be home for dinner and kept "
                                   + "breaking it. I treated her worry as nagging.", ago(18, 19));
        j.urge(SAM, true, "Her birthday. Wrote the text, deleted it, called my brother.", ago(15, 20));
        String apology = j.draftApology(SAM, "I'm sorry, but you always made it sound like work was a crime.",
                                        ago(12, 20));
        // The ex wrote first and Sam answered: on Sam's plan answering the ex is no breach, so his streak runs on; a coach
        // who counts replies (retroactively) sees the streak start again here (DemoRulesChangeTest).
        j.breach(SAM, "MESSAGE", "EX", "She messaged to ask how I was. I answered in one line and left it there.",
                 ago(11, 21));
        j.urge(SAM, true, null, ago(8, 22));
        j.reviseApology(SAM, apology, "I'm sorry I kept choosing work over the evenings we planned. I felt "
                        + "pressure at the job and I shut you out instead of telling you. You deserved better.",
                        ago(6, 19));
        j.share(SAM, ownPart);
        j.share(SAM, apology);
    }

    private void priya(DemoJournal j) {
        j.startNoContact(PRIYA, 45, ago(30, 8));
        j.reflect(PRIYA, "understand-why", "Four years. The break came when he took the job in Lisbon and we "
                  + "never really decided together where we would live.", ago(28, 20));
        j.urge(PRIYA, true, "Almost asked Ana how he is doing.", ago(26, 18));
        j.reflect(PRIYA, "own-your-part", "I said 'fine' when it wasn't. I expected him to guess.", ago(24, 21));
        j.urge(PRIYA, true, null, ago(19, 22));
        j.reflect(PRIYA, "work-on-yourself", "Back to climbing twice a week. Cooking for myself again. Sleeping "
                  + "better.", ago(16, 19));
        j.urge(PRIYA, true, "Walked past our cafe and kept walking.", ago(11, 13));
        String fixable = j.reflect(PRIYA, "is-it-fixable", "Chores and schedules were fixable. Where we live is "
                                   + "not logistics for us, it is about the life each of us wants. I need to be "
                                   + "honest with myself about that.", ago(5, 20));
        int[] moods = {3, 3, 2, 3, 3, 4, 3, 4, 4, 3};
        for (int i = 0; i < moods.length; i++) {
            j.checkIn(PRIYA, moods[i], null, 6.5 + (i % 3) * 0.5, ago(29 - 3 * i, 7));
        }
        j.share(PRIYA, fixable);
    }

    private void jordan(DemoJournal j) {
        String period = j.startNoContact(JORDAN, 21, ago(30, 10));
        j.reflect(JORDAN, "understand-why", "Trust. I kept things from him, small things, and then one big one.",
                  ago(29, 20));
        j.checkIn(JORDAN, 2, "Heavy day.", 6.0, ago(28, 9));
        String apology = j.draftApology(JORDAN, "Sorry if you felt lied to.", ago(20, 21));
        j.checkIn(JORDAN, 3, null, 7.0, ago(18, 9));
        j.reviseApology(JORDAN, apology, "I'm sorry I hid the money problems from you. I was ashamed, and that "
                        + "made me keep secrets. You had every reason to stop trusting me.", ago(14, 21));
        j.urge(JORDAN, true, "Wanted to explain myself again. Wrote it here instead.", ago(13, 22));
        j.reviseApology(JORDAN, apology, "I'm sorry I hid the money problems from you. I was ashamed, and "
                        + "instead of asking for help I kept secrets. I understand why you stopped trusting me, "
                        + "and I am not asking you for anything.", ago(9, 21));
        j.endNoContact(JORDAN, period, "Target reached; reopening contact calmly", ago(8, 10));
        j.reflect(JORDAN, "reopen-contact", "Sent a short, friendly message in the afternoon. He answered a day "
                  + "later. We may meet for coffee, somewhere neutral.", ago(6, 17));
        j.checkIn(JORDAN, 4, null, 7.5, ago(5, 9));
        j.checkIn(JORDAN, 5, "Coffee went well. Slow is fine.", 8.0, ago(2, 20));
        j.share(JORDAN, apology);
    }
}
