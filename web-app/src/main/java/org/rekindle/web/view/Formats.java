package org.rekindle.web.view;

import jakarta.servlet.http.Cookie;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.WebUtils;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Dates and names as people read them, for the templates ({@code @fmt.when(...)}). Times are shown in the viewer's
 * own zone, which the browser tells once in the {@value #ZONE_COOKIE} cookie (app.js); UTC until it has.
 */
@Component("fmt")
public class Formats {

    static final String ZONE_COOKIE = "rekindle_tz";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final ZoneId ZONE = ZoneId.of("UTC");

    public String when(Object value) {
        Instant instant = instant(value);
        return instant == null ? "—" : WHEN.format(instant.atZone(viewerZone()));
    }

    /** The zone the viewer's browser reported, or UTC (no request, no cookie yet, or not a zone name). */
    static ZoneId viewerZone() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return ZONE;
        }
        Cookie cookie = WebUtils.getCookie(attributes.getRequest(), ZONE_COOKIE);
        if (cookie == null) {
            return ZONE;
        }
        try {
            return ZoneId.of(java.net.URLDecoder.decode(cookie.getValue(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            return ZONE;
        }
    }

    public String day(Object value) {
        if (value == null) {
            return "—";
        }
        try {
            return DAY.format(LocalDate.parse(value.toString()));
        } catch (DateTimeParseException e) {
            Instant instant = instant(value);
            return instant == null ? value.toString() : DAY.format(instant.atZone(viewerZone()));
        }
    }

    /** NO_CONTACT_STARTED → "No contact started"; BREACH_IN_48H → "Breach in 48h". */
    public String words(Object constant) {
        if (constant == null) {
            return "";
        }
        String words = constant.toString().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A dashboard risk flag as the coach reads it ({@link RiskFlag}); one this app does not know yet, in words. */
    public String riskFlag(Object name) {
        return RiskFlag.named(name).map(RiskFlag::words).orElseGet(() -> words(name));
    }

    /** Constants → a lower-case list: [STREAK, MOOD_TREND] → "streak, mood trend". */
    public String wordList(Object constants) {
        if (!(constants instanceof java.util.Collection<?> all)) {
            return "";
        }
        return all.stream().map(c -> words(c).toLowerCase(Locale.ROOT))
                  .collect(java.util.stream.Collectors.joining(", "));
    }

    /** A constant as a sentence start: CONTACT_BROKEN → "Contact broken". */
    public static String sentence(String constant) {
        String words = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A count with its noun: 1 contact, 2 contacts (never "contact(s)"). */
    public String count(Object number, String one, String many) {
        long n = number instanceof Number value ? value.longValue() : Long.parseLong(String.valueOf(number));
        return n + " " + (n == 1 ? one : many);
    }

    /** An instant from what a service sent (ISO text or epoch milliseconds). */
    public static Instant instantOf(Object value) {
        return instant(value);
    }

    /** True when an event was logged more than an hour after it happened (a call logged the next morning). */
    public boolean loggedLater(Object happened, Object recorded) {
        Instant at = instant(happened);
        Instant loggedAt = instant(recorded);
        return at != null && loggedAt != null && loggedAt.isAfter(at.plus(java.time.Duration.ofHours(1)));
    }

    /**
     * Event names → words: "NoContactBroken" → "No contact broken", and so is a CloudEvents type (an alert's cause),
     * "rekindle.journal.NoContactBroken.v1".
     */
    public String event(Object type) {
        return type == null ? "" : words(type.toString().replaceAll("^rekindle\\.[a-z]+\\.|\\.v\\d+$", "")
                                             .replaceAll("([a-z])([A-Z])", "$1_$2"));
    }

    /**
     * What a session event on a client's timeline is about: "the session of 4 Dec 2026, 10:00, by the coach,
     * attended" (the start in the viewer's zone; who moved or cancelled it; its outcome), or "" for other events.
     */
    public String session(Object data) {
        if (!(data instanceof Map<?, ?> fields) || fields.get("start") == null) {
            return "";
        }
        StringBuilder line = new StringBuilder(": the session of ").append(when(fields.get("start")));
        if (fields.get("by") != null) {
            line.append(", by the ").append(fields.get("by").toString().toLowerCase(Locale.ROOT));
        }
        if (fields.get("outcome") != null) {
            line.append(", ").append(words(fields.get("outcome")).toLowerCase(Locale.ROOT));
        }
        return line.toString();
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number millis) {
            return Instant.ofEpochMilli(millis.longValue());
        }
        try {
            return OffsetDateTime.parse(value.toString()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value.toString());
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
