package org.rekindle.notification.app.rules;

/**
 * The words of every notification. Alerts tell a coach what happened and where to look; reminders speak to the
 * client kindly. None carries journal text: only what the rule counted, and the link added by the channel.
 */
final class Messages {

    String title(Rule rule, String clientId, Object detail) {
        return switch (rule) {
            case BREACH_BY_CLIENT, BREACH_REPORTED -> clientId + " reported contact during no-contact";
            case LOW_MOOD_THREE_IN_A_ROW -> clientId + ": three low mood check-ins in a row";
            case WELL_BEING_LOW_OR_DROPPED -> clientId + ": WHO-5 well-being " + detail;
            case NO_ACTIVITY_FIVE_DAYS -> clientId + " has been quiet for 5 days";
            case STEP_OVERDUE_TWO_DAYS -> clientId + ": \"" + detail + "\" is 2 days overdue";
            case SAVED_MOOD_RULE, SAVED_BREACH_RULE, SAVED_BREACH_BY_INITIATOR_RULE ->
                    clientId + ": your rule \"" + detail + "\" fired";
            case SAFETY_CONCERN, SAFETY_CONCERN_ESCALATED -> SafetyAlerts.title(rule, clientId);
            case DAILY_CHECK_IN -> "How are you today?";
            case STEP_DUE_TOMORROW -> "Tomorrow: " + detail;
            case NO_CONTACT_MILESTONE -> "Day " + detail + " of no contact";
            case ENCOURAGEMENT_AFTER_BREACH -> "One moment does not undo your progress";
            case MESSAGE_FROM_CLIENT -> clientId + " sent you a message";
            case MESSAGE_FROM_COACH -> "Your coach sent you a message";
            case SESSION_BOOKED, SESSION_RESCHEDULED_BY_CLIENT, SESSION_CANCELLED_BY_CLIENT, SESSION_REMINDER_TO_COACH,
                 SESSION_RESCHEDULED_BY_COACH, SESSION_CANCELLED_BY_COACH, SESSION_REMINDER_TO_CLIENT ->
                    SessionNotices.title(rule, clientId, detail);
        };
    }

    String body(Rule rule, String clientId, Object detail) {
        return switch (rule) {
            case BREACH_BY_CLIENT -> clientId + " logged contact they initiated during their no-contact period. "
                                     + "Their streak restarts; a short, calm check-in from you may help them "
                                     + "look at what led to it.";
            case BREACH_REPORTED -> clientId + " logged contact during their no-contact period. Their streak "
                                    + "restarts; a short, calm check-in from you may help them look at what led "
                                    + "to it.";
            case LOW_MOOD_THREE_IN_A_ROW -> clientId + " scored their mood 2 or lower on three check-ins in a row. "
                                            + "It may be a good moment to reach out.";
            case WELL_BEING_LOW_OR_DROPPED -> clientId + "'s weekly WHO-5 well-being check-in: " + detail + ". The "
                                              + "WHO-5 is a well-being measure, not a diagnosis; a low or falling "
                                              + "score is a reason to ask how they are.";
            case NO_ACTIVITY_FIVE_DAYS -> clientId + " has an active plan but has recorded nothing for 5 days.";
            case STEP_OVERDUE_TWO_DAYS -> "The step \"" + detail + "\" of " + clientId + "'s plan is still open 2 "
                                          + "days after its due date. You can talk it through, move it on, or skip "
                                          + "it with a reason.";
            case SAVED_MOOD_RULE, SAVED_BREACH_RULE, SAVED_BREACH_BY_INITIATOR_RULE ->
                    "A rule you saved fired for " + clientId + ": " + detail + ". The events that caused it are "
                    + "listed with this alert.";
            case SAFETY_CONCERN, SAFETY_CONCERN_ESCALATED -> SafetyAlerts.body(rule, clientId, detail);
            case DAILY_CHECK_IN -> "Take a minute to notice how you feel and record your mood. Small, honest "
                                   + "check-ins add up to a clear picture of your progress.";
            case STEP_DUE_TOMORROW -> "\"" + detail + "\" is due tomorrow. There is no rush to be perfect; doing "
                                      + "it honestly is what counts.";
            case NO_CONTACT_MILESTONE -> "You have kept no contact for " + detail + " days. That takes real "
                                         + "strength. Use the space to look after yourself and to think clearly "
                                         + "about what you want.";
            case ENCOURAGEMENT_AFTER_BREACH -> "You logged contact honestly, and that matters. "
                                               + (detail instanceof Integer days && days > 0
                                                  ? "The " + days + " days you managed still count. " : "")
                                               + "When you are ready, start a new no-contact period and note what "
                                               + "made this moment hard; your coach can help with that.";
            case MESSAGE_FROM_CLIENT -> clientId + " wrote to you in Rekindle. Open the conversation to read it and "
                                        + "reply.";
            case MESSAGE_FROM_COACH -> "Your coach wrote to you in Rekindle. Open your messages to read it and reply.";
            case SESSION_BOOKED, SESSION_RESCHEDULED_BY_CLIENT, SESSION_CANCELLED_BY_CLIENT, SESSION_REMINDER_TO_COACH,
                 SESSION_RESCHEDULED_BY_COACH, SESSION_CANCELLED_BY_COACH, SESSION_REMINDER_TO_CLIENT ->
                    SessionNotices.body(rule, clientId, detail);
        };
    }
}
