package org.rekindle.notification.app.rules;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The .ics of a booked session: RFC 5545 lines (CRLF, folded at 75 octets, escaped text) and RFC 5546 methods. */
class IcsTest {

    private static final SessionInvite BOOKED = new SessionInvite(
            "s-42", 0, Instant.parse("2026-12-10T16:00:00Z"), Instant.parse("2026-12-10T16:50:00Z"), false,
            "client-sam", true, Instant.parse("2026-12-04T15:00:00Z"));

    @Test
    void aBookingIsARequestWithAStableUidItsSequenceAndUtcTimes() {
        String ics = Ics.invite(BOOKED, "Coaching session with Sam", "Open Rekindle", "rekindle@example.org",
                                "maya@example.org");
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Rekindle//Sessions//EN\r\n")
                       .endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n")
                       .contains("\r\nMETHOD:REQUEST\r\n", "\r\nUID:s-42@rekindle\r\n", "\r\nSEQUENCE:0\r\n",
                                 "\r\nDTSTART:20261210T160000Z\r\n", "\r\nDTEND:20261210T165000Z\r\n",
                                 "\r\nDTSTAMP:20261204T150000Z\r\n", "\r\nSTATUS:CONFIRMED\r\n",
                                 "\r\nORGANIZER;CN=Rekindle:mailto:rekindle@example.org\r\n",
                                 "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:maya@example.org\r\n");
        assertThat(ics.replace("\r\n", "")).as("no bare line feed or carriage return").doesNotContain("\n", "\r");
    }

    @Test
    void aCancellationIsACancelOfTheSameUidWithAHigherSequence() {
        SessionInvite cancelled = new SessionInvite("s-42", 3, BOOKED.start(), BOOKED.end(), true, "client-sam",
                                                    false, Instant.parse("2026-12-05T09:00:00Z"));
        String ics = Ics.invite(cancelled, "Coaching session with your coach", null, "r@example.org",
                                "sam@example.org");
        assertThat(Ics.method(cancelled)).isEqualTo("CANCEL");
        assertThat(ics).contains("\r\nMETHOD:CANCEL\r\n", "\r\nUID:s-42@rekindle\r\n", "\r\nSEQUENCE:3\r\n",
                                 "\r\nSTATUS:CANCELLED\r\n").doesNotContain("DESCRIPTION");
    }

    @Test
    void textIsEscaped() {
        assertThat(Ics.text("a\\b;c,d\ne\r\nf")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf");
        String ics = Ics.invite(BOOKED, "Session; with, Sam", "line one\nline two", "a@b.org", "c@d.org");
        assertThat(ics).contains("\r\nSUMMARY:Session\\; with\\, Sam\r\n", "\r\nDESCRIPTION:line one\\nline two\r\n");
    }

    @Test
    void longLinesFoldAt75OctetsWithoutSplittingACharacter() {
        String summary = "Coaching session with Zoë Ångström-Øyelaran ".repeat(4) + "ü€😀 end";
        String ics = Ics.invite(BOOKED, summary, null, "a@b.org", "c@d.org");
        List<String> lines = Arrays.asList(ics.split("\r\n"));
        lines.forEach(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line)
                                                                                     .isLessThanOrEqualTo(75));
        assertThat(lines.stream().filter(l -> l.startsWith(" ")).count()).as("continuation lines").isGreaterThan(1);
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("\r\nSUMMARY:" + summary + "\r\n");
        assertThat(ics).as("valid UTF-8 throughout: no character was cut")
                       .isEqualTo(new String(ics.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        lines.forEach(line -> assertThat(Character.isLowSurrogate(line.isEmpty() ? 'x' : line.charAt(0))
                                         || (line.length() > 1 && line.startsWith(" ")
                                             && Character.isLowSurrogate(line.charAt(1)))).isFalse());
    }

    @Test
    void aFeedListsEverySessionWithoutAMethod() {
        String feed = Ics.feed("Rekindle sessions", List.of(new Ics.Entry(BOOKED, "One", null),
                new Ics.Entry(new SessionInvite("s-43", 1, BOOKED.start().plusSeconds(86_400),
                                                BOOKED.end().plusSeconds(86_400), false, "client-sam", true,
                                                BOOKED.stamp()), "Two", null)));
        assertThat(feed).doesNotContain("METHOD:").contains("X-WR-CALNAME:Rekindle sessions\r\n",
                                                            "UID:s-42@rekindle", "UID:s-43@rekindle");
        assertThat(feed.split("BEGIN:VEVENT", -1)).hasSize(3);
    }
}
