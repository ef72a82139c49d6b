package org.rekindle.notification.app.rules;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * iCalendar text (RFC 5545) for booked sessions, as iTIP (RFC 5546) messages: {@code METHOD:REQUEST} for a booking
 * or a change, {@code METHOD:CANCEL} for a cancellation, the UID stable per session and SEQUENCE counting its
 * changes, so a calendar updates the one event it has. Times are UTC ({@code ...Z}), lines end in CRLF and are folded
 * at 75 octets (never inside a UTF-8 character), text values are escaped. Pure: no clock, no I/O.
 */
public final class Ics {

    public static final String CONTENT_TYPE = "text/calendar; charset=UTF-8";

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                                                                  .withZone(ZoneOffset.UTC);
    private static final int MAX_OCTETS = 75;

    private Ics() {
    }

    /** The method of an email's calendar part for this invite. */
    public static String method(SessionInvite invite) {
        return invite.cancelled() ? "CANCEL" : "REQUEST";
    }

    /**
     * One invite as sent by email: {@code summary} and {@code description} are plain text (escaped here),
     * {@code organizer} and {@code attendee} email addresses (RFC 5546 wants both in a REQUEST and a CANCEL).
     */
    public static String invite(SessionInvite invite, String summary, String description, String organizer,
                                String attendee) {
        StringBuilder out = new StringBuilder();
        begin(out, method(invite));
        event(out, invite, summary, description, organizer, attendee);
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** A subscribable feed of sessions (no METHOD: a published calendar, not a message). */
    public static String feed(String name, List<Entry> sessions) {
        StringBuilder out = new StringBuilder();
        begin(out, null);
        line(out, "X-WR-CALNAME:" + text(name));
        sessions.forEach(e -> event(out, e.invite(), e.summary(), e.description(), null, null));
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** A session in a feed with its words. */
    public record Entry(SessionInvite invite, String summary, String description) {
    }

    private static void begin(StringBuilder out, String method) {
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Rekindle//Sessions//EN");
        line(out, "CALSCALE:GREGORIAN");
        if (method != null) {
            line(out, "METHOD:" + method);
        }
    }

    private static void event(StringBuilder out, SessionInvite invite, String summary, String description,
                              String organizer, String attendee) {
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + text(invite.uid()));
        line(out, "SEQUENCE:" + invite.sequence());
        line(out, "DTSTAMP:" + utc(invite.stamp()));
        line(out, "DTSTART:" + utc(invite.start()));
        line(out, "DTEND:" + utc(invite.end()));
        line(out, "SUMMARY:" + text(summary));
        if (description != null && !description.isBlank()) {
            line(out, "DESCRIPTION:" + text(description));
        }
        if (organizer != null) {
            line(out, "ORGANIZER;CN=Rekindle:mailto:" + organizer);
        }
        if (attendee != null) {
            line(out, "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:" + attendee);
        }
        line(out, "STATUS:" + (invite.cancelled() ? "CANCELLED" : "CONFIRMED"));
        line(out, "TRANSP:OPAQUE");
        line(out, "END:VEVENT");
    }

    static String utc(Instant instant) {
        return UTC.format(instant);
    }

    /** RFC 5545 3.3.11: backslash, semicolon, comma and line breaks are escaped in TEXT values. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                    .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** RFC 5545 3.1: a content line longer than 75 octets continues on the next line after CRLF and one space. */
    static void line(StringBuilder out, String contentLine) {
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < contentLine.length(); ) {
            int codePoint = contentLine.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = MAX_OCTETS - 1; // the leading space counts
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
