package org.rekindle.notification.app.rules;

import org.rekindle.notification.app.rules.ClientActivity.WellBeingCheckedIn;
import org.rekindle.notification.app.rules.ClientFacts.WellBeing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Rule#WELL_BEING_LOW_OR_DROPPED}: a fresh weekly WHO-5 at or below 28 %, or 10 percentage points or more
 * below the client's previous check-in (percentages move in steps of 4, so a fall of 12 or more), alerts the coach
 * once (the check-in is the cause). The threshold is the one journal-events publishes
 * ({@code WellBeingCheckedIn.lowOrDropped}; a test keeps this copy equal), the one the dashboard flags with too. Needs MOOD_TREND, like the low-mood rule; coach alerts are not held by quiet hours.
 */
final class WellBeingRule {

    static final int LOW_PERCENTAGE = 28;
    static final int NOTABLE_DROP = 10;

    private final Messages messages;

    WellBeingRule(Messages messages) {
        this.messages = messages;
    }

    ClientFacts apply(ClientFacts facts, WellBeingCheckedIn e, boolean fresh, Instant now, List<Notice> notices) {
        WellBeing previous = facts.lastWellBeing();
        if (previous != null && !previous.at().isBefore(e.at())) {
            previous = null; // arrived after a later check-in: nothing newer to compare it with
        }
        WellBeing checkIn = new WellBeing(e.eventId(), e.percentage(), e.week(), e.at());
        ClientFacts next = facts.withWellBeing(checkIn);
        Integer before = previous == null ? null : previous.percentage();
        if (!fresh || !lowOrDropped(before, e.percentage())) {
            return next;
        }
        List<Cause> causes = new ArrayList<>();
        if (previous != null) {
            causes.add(cause(previous, e.type(), "previous WHO-5"));
        }
        causes.add(cause(checkIn, e.type(), "WHO-5"));
        String detail = e.percentage() <= LOW_PERCENTAGE
                        ? e.percentage() + " %, at or below " + LOW_PERCENTAGE + " %"
                        : "fell from " + before + " % to " + e.percentage() + " %";
        Rule rule = Rule.WELL_BEING_LOW_OR_DROPPED;
        notices.add(new Notice(rule + ":" + e.eventId(), rule, next.coachId(), next.clientId(),
                               messages.title(rule, next.clientId(), detail),
                               messages.body(rule, next.clientId(), detail), causes, now));
        return next;
    }

    static boolean lowOrDropped(Integer previous, int percentage) {
        return percentage <= LOW_PERCENTAGE || previous != null && previous - percentage >= NOTABLE_DROP;
    }

    private static Cause cause(WellBeing checkIn, String type, String what) {
        return new Cause(checkIn.eventId(), type, checkIn.at(), what + " " + checkIn.percentage() + " % (week "
                                                                + checkIn.week() + ")");
    }
}
