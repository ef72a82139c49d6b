package org.rekindle.notification.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.rekindle.notification.app.query.SessionCalendarStore;
import org.rekindle.notification.app.rules.Ics;
import org.rekindle.platform.directory.PeopleDirectory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's booked sessions as one iCalendar file (RFC 5545, no METHOD: a published calendar), for their calendar
 * app: the sessions of the last 30 days and those to come, each with the UID and SEQUENCE its emails carried, a
 * cancelled one as CANCELLED. The person's own, like their feed (the web app offers it as a download).
 */
@RestController
@Tag(name = "Feed", description = "A user's in-app notifications: list, mark read, acknowledge or snooze an alert, live")
class SessionCalendarController {

    static final MediaType CALENDAR = MediaType.parseMediaType(Ics.CONTENT_TYPE);

    private final SessionCalendarStore calendars;
    private final PeopleDirectory people;

    SessionCalendarController(SessionCalendarStore calendars, PeopleDirectory people) {
        this.calendars = calendars;
        this.people = people;
    }

    @GetMapping("/api/feed/{userId}/sessions.ics")
    @Operation(summary = "The user's booked sessions (the last 30 days and those to come) as an iCalendar file")
    @PreAuthorize("@notificationAccess.isSelf(#userId)")
    ResponseEntity<String> sessions(@PathVariable @Pattern(regexp = FeedController.ID) String userId) {
        String ics = Ics.feed("Rekindle sessions", calendars.of(userId).stream().map(invite -> new Ics.Entry(
                invite, "Coaching session with " + (invite.forCoach()
                                                    ? people.naming(invite.withClientId(), invite.withClientId())
                                                    : "your coach"), "Rekindle coaching session")).toList());
        return ResponseEntity.ok().contentType(CALENDAR)
                             .header("Content-Disposition", "attachment; filename=\"rekindle-sessions.ics\"")
                             .body(ics);
    }
}
