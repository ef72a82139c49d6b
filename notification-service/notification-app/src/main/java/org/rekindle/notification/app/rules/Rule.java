package org.rekindle.notification.app.rules;

import java.util.Optional;
import java.util.Set;

/**
 * Every rule that can notify someone, who it notifies, the "why" a recipient sees, and the client's consent a coach
 * alert needs (an alert would tell the coach what the client keeps from them otherwise). A built-in coach alert names
 * the {@link RiskFlag} it reports, the flag the coach dashboard shows on the client's row for the same risk; the rule
 * names themselves are stored (notifications, their keys, metric labels) and never change.
 */
public enum Rule {
    BREACH_BY_CLIENT(Audience.COACH, RiskFlag.BREACH_IN_48H,
                     "The client reported contact they initiated during a no-contact period.",
                     ConsentScope.STREAK, ConsentScope.CONTACT_DETAILS),
    BREACH_REPORTED(Audience.COACH, RiskFlag.BREACH_IN_48H,
                    "The client reported contact during a no-contact period (who initiated it and "
                    + "how is theirs to share).", ConsentScope.STREAK),
    LOW_MOOD_THREE_IN_A_ROW(Audience.COACH, RiskFlag.LOW_MOOD_THREE_IN_A_ROW,
                            "Three mood check-ins in a row scored 2 or lower.", ConsentScope.MOOD_TREND),
    WELL_BEING_LOW_OR_DROPPED(Audience.COACH, RiskFlag.WELL_BEING_LOW_OR_DROPPED,
                              "A weekly WHO-5 well-being check-in was at or below 28 %, or 10 percentage points or "
                              + "more below the previous one.", ConsentScope.MOOD_TREND),
    NO_ACTIVITY_FIVE_DAYS(Audience.COACH, RiskFlag.NO_ACTIVITY_FIVE_DAYS,
                          "A client with an active plan has recorded nothing for 5 days."),
    STEP_OVERDUE_TWO_DAYS(Audience.COACH, RiskFlag.OVERDUE_STEP,
                          "A plan step is still open 2 days after it became overdue (after its due date, or after "
                          + "the plan was assigned or resumed with that date already past).",
                          ConsentScope.PLAN_PROGRESS),
    SAVED_MOOD_RULE(Audience.COACH, "A rule you saved from a backtest: low mood, repeatedly.",
                    ConsentScope.MOOD_TREND),
    SAVED_BREACH_RULE(Audience.COACH, "A rule you saved from a backtest: contact during a no-contact period.",
                      ConsentScope.STREAK),
    SAVED_BREACH_BY_INITIATOR_RULE(Audience.COACH, "A rule you saved from a backtest: contact during a no-contact "
                                                   + "period, by who started it.",
                                   ConsentScope.STREAK, ConsentScope.CONTACT_DETAILS),
    SAFETY_CONCERN(Audience.COACH, "Something the client wrote matched the practice's list of risk language (suicide, "
                                   + "self-harm or harm to others). It is raised whatever the client's consent, quiet "
                                   + "hours or opt-outs, and goes to the practice admin if not acknowledged in time."),
    SAFETY_CONCERN_ESCALATED(Audience.COACH, "A safety alert about a client was not acknowledged by their coach in "
                                             + "time."),
    DAILY_CHECK_IN(Audience.CLIENT, "Your daily mood check-in, at the time you chose."),
    STEP_DUE_TOMORROW(Audience.CLIENT, "A step of your plan is due tomorrow."),
    NO_CONTACT_MILESTONE(Audience.CLIENT, "A milestone of your no-contact period (day 7, 14, 30 or your target)."),
    ENCOURAGEMENT_AFTER_BREACH(Audience.CLIENT, "A word after you logged contact during your no-contact period."),
    MESSAGE_FROM_CLIENT(Audience.COACH, "Your client sent you a message in Rekindle."),
    MESSAGE_FROM_COACH(Audience.CLIENT, "Your coach sent you a message in Rekindle."),
    SESSION_BOOKED(Audience.COACH, "Your client booked a session with you."),
    SESSION_RESCHEDULED_BY_CLIENT(Audience.COACH, "Your client moved a session with you."),
    SESSION_CANCELLED_BY_CLIENT(Audience.COACH, "Your client cancelled a session with you."),
    SESSION_REMINDER_TO_COACH(Audience.COACH, "A session with your client starts in 24 hours or in 1 hour."),
    SESSION_RESCHEDULED_BY_COACH(Audience.CLIENT, "Your coach moved your session."),
    SESSION_CANCELLED_BY_COACH(Audience.CLIENT, "Your coach cancelled your session."),
    SESSION_REMINDER_TO_CLIENT(Audience.CLIENT, "Your coaching session starts in 24 hours or in 1 hour.");

    /** Coaches get alerts; clients get reminders (which wait out their quiet hours). */
    public enum Audience { COACH, CLIENT }

    private final Audience audience;
    private final RiskFlag risk;
    private final String why;
    private final Set<ConsentScope> consent;

    Rule(Audience audience, String why, ConsentScope... consent) {
        this(audience, null, why, consent);
    }

    Rule(Audience audience, RiskFlag risk, String why, ConsentScope... consent) {
        this.audience = audience;
        this.risk = risk;
        this.why = why;
        this.consent = Set.of(consent);
    }

    /** What the client must let their coach see for this alert to reach the coach (empty: nothing beyond the plan). */
    public Set<ConsentScope> consent() {
        return consent;
    }

    /** The dashboard's risk flag this alert reports; empty for a reminder and for a coach's saved rule. */
    public Optional<RiskFlag> risk() {
        return Optional.ofNullable(risk);
    }

    public Audience audience() {
        return audience;
    }

    public String why() {
        return why;
    }

    /** A safety alert: delivered by every channel the recipient has, whatever their opt-outs. */
    public boolean urgent() {
        return this == SAFETY_CONCERN || this == SAFETY_CONCERN_ESCALATED;
    }

    public boolean isReminder() {
        return audience == Audience.CLIENT;
    }

    /** Reminders, messages and news of sessions wait until the recipient's quiet hours end; alerts about a risk do not. */
    public boolean waitsOutQuietHours() {
        return isReminder() || this == MESSAGE_FROM_CLIENT || isAboutSession();
    }

    /** About a booked session (its email carries the calendar invite). */
    public boolean isAboutSession() {
        return name().startsWith("SESSION_");
    }
}
