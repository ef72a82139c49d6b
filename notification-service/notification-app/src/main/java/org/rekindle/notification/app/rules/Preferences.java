package org.rekindle.notification.app.rules;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * A recipient's choices: email address, time zone (null: the plan's), the local time of the daily check-in
 * reminder, quiet hours (reminders wait until they end; alerts do not) and the channels they opted out of.
 */
public record Preferences(String userId, String email, String timezone, LocalTime checkInAt, LocalTime quietFrom,
                          LocalTime quietUntil, Set<Channel> optedOut) {

    public static final LocalTime DEFAULT_CHECK_IN = LocalTime.of(20, 0);
    public static final LocalTime DEFAULT_QUIET_FROM = LocalTime.of(22, 0);
    public static final LocalTime DEFAULT_QUIET_UNTIL = LocalTime.of(8, 0);

    public static Preferences defaults(String userId) {
        return new Preferences(userId, null, null, DEFAULT_CHECK_IN, DEFAULT_QUIET_FROM, DEFAULT_QUIET_UNTIL,
                               Set.of());
    }

    public ZoneId zoneOr(String fallback) {
        return ZoneId.of(timezone != null ? timezone : fallback != null ? fallback : "UTC");
    }

    public boolean wants(Channel channel) {
        return !optedOut.contains(channel);
    }

    /** {@code at}, or the end of the quiet hours it falls in (local wall time in {@code zone}, DST-safe). */
    public Instant outsideQuietHours(Instant at, ZoneId zone) {
        if (quietFrom.equals(quietUntil)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean wraps = quietFrom.isAfter(quietUntil);
        boolean quiet = wraps ? !time.isBefore(quietFrom) || time.isBefore(quietUntil)
                              : !time.isBefore(quietFrom) && time.isBefore(quietUntil);
        if (!quiet) {
            return at;
        }
        var endDate = wraps && !time.isBefore(quietFrom) ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        return ZonedDateTime.of(endDate, quietUntil, zone).toInstant();
    }
}
