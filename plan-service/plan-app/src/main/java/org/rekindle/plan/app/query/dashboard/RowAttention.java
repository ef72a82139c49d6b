package org.rekindle.plan.app.query.dashboard;

import org.rekindle.plan.app.query.dashboard.Attention.Level;
import org.rekindle.plan.app.query.dashboard.DashboardRow.Mood;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What in a client's row needs the coach at a moment, in words; only from what the client's consent shows. */
final class RowAttention {

    private static final int LOW_MOOD = DashboardRow.LOW_MOOD;
    private static final Duration RECENT = DashboardRow.RECENT;
    private static final Map<String, String> CHANNELS = Map.of("CALL", "a call", "TEXT", "text", "MESSAGE", "message",
            "SOCIAL_MEDIA", "social media", "IN_PERSON", "meeting in person");

    private RowAttention() {
    }

    static Attention of(DashboardRow row, Instant now, CoachConsent consent, int overdueSteps) {
        Attention attention = new Attention();
        if (consent.sees(ConsentScope.STREAK)) {
            contact(row, now, consent.sees(ConsentScope.CONTACT_DETAILS), attention);
        }
        if (consent.sees(ConsentScope.MOOD_TREND)) {
            mood(row, now, attention);
            WellBeingTrend.reason(row.wellBeing, now).ifPresent(words -> attention.add(Level.MOOD_FALLING, words));
        }
        String status = row.status();
        if (!"ACTIVE".equals(status)) {
            attention.add(Level.CALM, "PAUSED".equals(status) ? "Plan paused" : "Plan finished");
            return attention;
        }
        Instant quietSince = row.quietSince();
        if (quietSince != null && quietSince.isBefore(now.minus(DashboardRow.QUIET))) {
            attention.add(Level.GONE_QUIET, "Nothing heard for " + Duration.between(quietSince, now).toDays() + " days");
        }
        if (overdueSteps > 0 && consent.sees(ConsentScope.PLAN_PROGRESS)) {
            attention.add(Level.STEPS_WAITING, overdueSteps == 1 ? "1 step overdue" : overdueSteps + " steps overdue");
        }
        return attention;
    }

    /** How the contact happened (channel, who reached out) only when the client shares contact details. */
    private static void contact(DashboardRow row, Instant now, boolean details, Attention attention) {
        List<Instant> recent = row.breachesRecently(now);
        if (recent.isEmpty()) {
            return;
        }
        Instant last = recent.stream().max(Instant::compareTo).orElseThrow();
        StringBuilder words = new StringBuilder(recent.size() == 1 ? "Contact broken"
                : recent.size() + " contacts in 48 h, the last");
        DashboardRow.Breach breach = details ? row.noContactAsOf(now).lastBreach() : null;
        if (breach != null && breach.at().equals(last)) {
            String channel = CHANNELS.get(breach.channel());
            if (channel != null) {
                words.append(" by ").append(channel);
            }
        }
        words.append(' ').append(ago(last, now));
        if (breach != null && breach.at().equals(last) && "EX".equals(breach.initiatedBy())) {
            words.append(" (the ex reached out)");
        }
        attention.add(Level.CONTACT_BROKEN, words.toString());
    }

    private static void mood(DashboardRow row, Instant now, Attention attention) {
        List<Mood> moods = row.moods.stream().filter(m -> !m.at().isAfter(now)).toList();
        if (moods.isEmpty()) {
            return;
        }
        Mood last = moods.get(moods.size() - 1);
        long lowLately = moods.stream().filter(m -> m.score() <= LOW_MOOD && m.at().isAfter(now.minus(RECENT))).count();
        if (DashboardRow.lastThreeLow(moods)) {
            attention.add(Level.MOOD_FALLING, "3 low moods in a row, the last " + last.score() + " of 5 "
                                              + ago(last.at(), now));
        } else if (lowLately >= 2) {
            attention.add(Level.MOOD_FALLING, lowLately + " low moods in 48 h");
        } else if (last.score() <= LOW_MOOD && last.at().isAfter(now.minus(RECENT))) {
            attention.add(Level.MOOD_FALLING, "Mood " + last.score() + " of 5 " + ago(last.at(), now));
        } else if (moods.size() >= 3 && moods.get(moods.size() - 3).score() - last.score() >= 2
                   && moods.get(moods.size() - 2).score() > last.score()) {
            attention.add(Level.MOOD_FALLING, "Mood falling: " + moods.get(moods.size() - 3).score() + ", "
                                              + moods.get(moods.size() - 2).score() + ", " + last.score() + " of 5");
        }
    }

    /** Elapsed time in words, free of any timezone: the coach and the client may live in different ones. */
    static String ago(Instant then, Instant now) {
        Duration since = Duration.between(then, now);
        if (since.toMinutes() < 60) {
            return since.toMinutes() <= 1 ? "just now" : since.toMinutes() + " min ago";
        }
        if (since.toHours() < 24) {
            return since.toHours() + " h ago";
        }
        long days = since.toDays();
        return days == 1 ? "yesterday" : days + " days ago";
    }
}
