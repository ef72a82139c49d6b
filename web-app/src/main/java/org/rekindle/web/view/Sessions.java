package org.rekindle.web.view;

import org.rekindle.web.api.LiveRelay;
import org.rekindle.web.api.Services;
import org.rekindle.web.api.Viewers;
import org.rekindle.web.config.WebProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.rekindle.web.api.Services.Service.JOURNAL;
import static org.rekindle.web.api.Services.Service.NOTIFICATION;

/**
 * Booked sessions for the coach's calendar page and the client's Sessions page: what journal-service answers (it
 * decides who may see and change what: another coach or an admin gets its 403), the writes as the signed-in person,
 * and the live streams that reload a page's sessions when either side books, moves or cancels one.
 */
@Component
public class Sessions {

    /** How many past sessions a page lists. */
    static final int PAST = 20;
    /** How far ahead slots are offered. */
    public static final int WEEKS = 4;

    private final Services services;
    private final LiveRelay relay;
    private final Viewers viewers;
    private final String journalUrl;
    private final Clock clock = Clock.systemUTC();

    Sessions(Services services, LiveRelay relay, Viewers viewers, WebProperties properties) {
        this.services = services;
        this.relay = relay;
        this.viewers = viewers;
        this.journalUrl = properties.journalUrl();
    }

    public Map<String, Object> calendar(String coachId) {
        return services.object(JOURNAL, "/api/coaches/{id}/calendar?past=" + PAST, coachId);
    }

    /** Where the coach can move a session to (see {@link SessionSlots}). */
    public List<SessionSlots.Choice> coachChoices(Map<String, Object> calendar) {
        return SessionSlots.forCoach(calendar, clock.instant(), WEEKS);
    }

    /** The client's sessions, or null when they have none to show (no journal yet). */
    public Map<String, Object> ofClient(String clientId) {
        return services.objectIfVisible(JOURNAL, "/api/clients/{id}/sessions?past=" + PAST, clientId);
    }

    /** The client's coach's free slots, or null without a coach. */
    public Map<String, Object> freeSlots(String clientId) {
        return services.objectIfVisible(JOURNAL, "/api/clients/{id}/sessions/free-slots?weeks=" + WEEKS, clientId);
    }

    public void setAvailability(String coachId, String zone, Integer minutes, List<Map<String, String>> slots) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("zone", zone);
        body.put("minutes", minutes);
        body.put("slots", slots);
        services.send(JOURNAL, "PUT", "/api/coaches/{id}/calendar/availability", body, coachId);
    }

    public void addDayOff(String coachId, String date) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", Forms.blankToNull(date));
        services.post(JOURNAL, "/api/coaches/{id}/calendar/exceptions", body, coachId);
    }

    public void book(String clientId, String start) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("start", Forms.blankToNull(start));
        services.post(JOURNAL, "/api/clients/{id}/sessions", body, clientId);
    }

    public void cancel(String clientId, String sessionId, String reason) {
        services.post(JOURNAL, "/api/clients/{c}/sessions/{s}/cancel", Map.of("reason", reason), clientId, sessionId);
    }

    public void reschedule(String clientId, String sessionId, String start, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("start", Forms.blankToNull(start));
        body.put("reason", reason);
        services.post(JOURNAL, "/api/clients/{c}/sessions/{s}/reschedule", body, clientId, sessionId);
    }

    public void recordOutcome(String clientId, String sessionId, String outcome, String notes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", Forms.blankToNull(outcome));
        body.put("notes", Forms.blankToNull(notes));
        services.send(JOURNAL, "PUT", "/api/clients/{c}/sessions/{s}/outcome", body, clientId, sessionId);
    }

    /** The person's sessions as one .ics file (notification-service's calendar feed of them), as a download. */
    public ResponseEntity<byte[]> icsOf(String userId) {
        byte[] ics = services.download(NOTIFICATION, "/api/feed/{id}/sessions.ics", userId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                             .header("Content-Disposition", "attachment; filename=\"rekindle-sessions.ics\"")
                             .body(ics);
    }

    public SseEmitter coachLive(String coachId) {
        return relay.open(journalUrl + "/api/coaches/" + coachId + "/calendar/stream", viewers.accessToken(),
                          "sessions");
    }

    public SseEmitter clientLive(String clientId) {
        return relay.open(journalUrl + "/api/clients/" + clientId + "/sessions/stream", viewers.accessToken(),
                          "sessions");
    }
}
