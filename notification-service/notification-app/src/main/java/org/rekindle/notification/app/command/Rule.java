package org.rekindle.notification.app.command;

/** Every rule that can notify someone, who it notifies, and the "why" a recipient sees. */
public enum Rule {
    BREACH_BY_CLIENT(Audience.COACH, "The client reported contact they initiated during a no-contact period."),
    LOW_MOOD_THREE_IN_A_ROW(Audience.COACH, "Three mood check-ins in a row scored 2 or lower."),
    NO_ACTIVITY_FIVE_DAYS(Audience.COACH, "A client with an active plan has recorded nothing for 5 days."),
    STEP_OVERDUE_TWO_DAYS(Audience.COACH, "A plan step is still open 2 days after its due date."),
    DAILY_CHECK_IN(Audience.CLIENT, "Your daily mood check-in, at the time you chose."),
    STEP_DUE_TOMORROW(Audience.CLIENT, "A step of your plan is due tomorrow."),
    NO_CONTACT_MILESTONE(Audience.CLIENT, "A milestone of your no-contact period (day 7, 14, 30 or your target)."),
    ENCOURAGEMENT_AFTER_BREACH(Audience.CLIENT, "A word after you logged contact during your no-contact period.");

    /** Coaches get alerts; clients get reminders (which wait out their quiet hours). */
    public enum Audience { COACH, CLIENT }

    private final Audience audience;
    private final String why;

    Rule(Audience audience, String why) {
        this.audience = audience;
        this.why = why;
    }

    public Audience audience() {
        return audience;
    }

    public String why() {
        return why;
    }

    public boolean isReminder() {
        return audience == Audience.CLIENT;
    }
}
