package org.rekindle.notification.app.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What notification-service keeps of a journal or plan event: only what its rules read (never journal text).
 * {@code eventId} is the CloudEvent id, the key of every dedupe.
 */
public sealed interface ClientActivity {

    String eventId();

    String type();

    Instant at();

    /** Something the client did in their journal that counts as activity (reflection, apology, urge, share). */
    record JournalEntry(String eventId, String type, Instant at) implements ClientActivity {
    }

    record MoodCheckedIn(String eventId, String type, Instant at, int score) implements ClientActivity {
    }

    /** The weekly WHO-5: its percentage (0-100) and ISO week. */
    record WellBeingCheckedIn(String eventId, String type, Instant at, int percentage, String week)
            implements ClientActivity {
    }

    /** The client changed what their coach may see (not activity: a setting). */
    record ConsentChanged(String eventId, String type, Instant at, List<String> coachSees) implements ClientActivity {
    }

    record NoContactStarted(String eventId, String type, Instant at, String periodId, int targetDays)
            implements ClientActivity {
    }

    record NoContactBroken(String eventId, String type, Instant at, String periodId, String channel,
                           String initiatedBy, int attemptDays) implements ClientActivity {
    }

    record NoContactEnded(String eventId, String type, Instant at, String periodId) implements ClientActivity {
    }

    /** {@code contactRules}: what a contact is, per initiator, under the rules the plan was assigned with. */
    record PlanAssigned(String eventId, String type, Instant at, String planId, String coachId, String timezone,
                        List<DueStep> steps, Map<String, ContactRules.Verdict> contactRules) implements ClientActivity {
    }

    /** The coach changed how plan {@code planId} counts contact, from {@code effectiveAt} on (not the client's activity). */
    record BreachRulesChanged(String eventId, String type, Instant at, String planId, Instant effectiveAt,
                              Map<String, ContactRules.Verdict> contactRules) implements ClientActivity {
    }

    record DueStep(String stepId, String title, LocalDate dueDate) {
    }

    /** A step completed or skipped (it no longer needs reminding) or reopened (it does again). */
    record StepChanged(String eventId, String type, Instant at, String planId, String stepId, boolean open)
            implements ClientActivity {
    }

    record StepOverdue(String eventId, String type, Instant at, String planId, String stepId, LocalDate dueDate,
                       Instant overdueSince) implements ClientActivity {
    }

    /** The plan paused, resumed, or its outcome changed: {@code running} says whether it is active and unpaused. */
    record PlanStateChanged(String eventId, String type, Instant at, String planId, boolean running)
            implements ClientActivity {
    }
}
