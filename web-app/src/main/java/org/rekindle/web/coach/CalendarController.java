package org.rekindle.web.coach;

import org.rekindle.web.api.ServiceProblem;
import org.rekindle.web.api.Viewer;
import org.rekindle.web.view.AvailabilityForm;
import org.rekindle.web.view.Paths;
import org.rekindle.web.view.Sessions;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

/**
 * The coach's calendar: weekly availability in their zone, days off, upcoming and past sessions (optionally one
 * client's, from the client's page), moving or cancelling one with a reason, and the outcome with notes afterwards.
 * The sessions reload in place when a client books, moves or cancels (journal-service's calendar stream).
 */
@Controller
@RequestMapping("/coach/calendar")
class CalendarController {

    private static final String BASE = "/coach/calendar";

    private final Sessions sessions;

    CalendarController(Sessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping
    String page(@ModelAttribute("viewer") Viewer viewer, @RequestParam(required = false) String client, Model model) {
        show(viewer, client, model);
        model.addAttribute("availability", AvailabilityForm.of(model.getAttribute("calendar")));
        model.addAttribute("zones", AvailabilityForm.zones());
        model.addAttribute("days", AvailabilityForm.days());
        return "coach/calendar";
    }

    @GetMapping("/sessions")
    String list(@ModelAttribute("viewer") Viewer viewer, @RequestParam(required = false) String client, Model model) {
        show(viewer, client, model);
        return "sessions :: coachSessions";
    }

    @GetMapping("/calendar.ics")
    ResponseEntity<byte[]> ics(@ModelAttribute("viewer") Viewer viewer) {
        return sessions.icsOf(viewer.id());
    }

    @GetMapping(path = "/live", produces = "text/event-stream")
    SseEmitter live(@ModelAttribute("viewer") Viewer viewer) {
        return sessions.coachLive(viewer.id());
    }

    @PostMapping("/availability")
    String availability(@ModelAttribute("viewer") Viewer viewer, @RequestParam Map<String, String> form,
                        RedirectAttributes flash) {
        AvailabilityForm parsed = AvailabilityForm.parse(form);
        sessions.setAvailability(viewer.id(), parsed.zone(), parsed.minutes(), parsed.slotsBody());
        flash.addFlashAttribute("notice", "Availability saved.");
        return "redirect:" + BASE + "#availability-heading";
    }

    @PostMapping("/days-off")
    String dayOff(@ModelAttribute("viewer") Viewer viewer, @RequestParam(defaultValue = "") String date,
                  RedirectAttributes flash) {
        sessions.addDayOff(viewer.id(), date);
        flash.addFlashAttribute("notice", "Day off added: no session can be booked that day.");
        return "redirect:" + BASE + "#days-off-heading";
    }

    @PostMapping("/sessions/{clientId}/{sessionId}/cancel")
    String cancel(@PathVariable String clientId, @PathVariable String sessionId,
                  @RequestParam(defaultValue = "") String reason, @RequestParam(required = false) String client,
                  RedirectAttributes flash) {
        sessions.cancel(clientId, sessionId, reason);
        flash.addFlashAttribute("notice", "Session cancelled. Your client is told (without your reason).");
        return back(client);
    }

    @PostMapping("/sessions/{clientId}/{sessionId}/reschedule")
    String reschedule(@PathVariable String clientId, @PathVariable String sessionId,
                      @RequestParam(defaultValue = "") String start, @RequestParam(defaultValue = "") String reason,
                      @RequestParam(required = false) String client, RedirectAttributes flash) {
        try {
            sessions.reschedule(clientId, sessionId, start, reason);
        } catch (ServiceProblem problem) {
            if (problem.status() != 409) {
                throw problem;
            }
            flash.addFlashAttribute("problem", "That slot was just taken, or the session has started: pick another.");
            return back(client);
        }
        flash.addFlashAttribute("notice", "Session moved. Your client is told (without your reason).");
        return back(client);
    }

    @PostMapping("/sessions/{clientId}/{sessionId}/outcome")
    String outcome(@PathVariable String clientId, @PathVariable String sessionId,
                   @RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String notes,
                   @RequestParam(required = false) String client, RedirectAttributes flash) {
        sessions.recordOutcome(clientId, sessionId, outcome, notes);
        flash.addFlashAttribute("notice", "Outcome recorded.");
        return back(client);
    }

    private void show(Viewer viewer, String client, Model model) {
        Map<String, Object> calendar = sessions.calendar(viewer.id());
        model.addAttribute("calendar", calendar);
        model.addAttribute("choices", sessions.coachChoices(calendar));
        model.addAttribute("client", client == null || client.isBlank() ? null : client);
        model.addAttribute("listUrl", BASE + "/sessions" + (client == null || client.isBlank() ? ""
                                                                  : "?client=" + Paths.encode(client)));
        model.addAttribute("liveUrl", BASE + "/live");
    }

    private static String back(String client) {
        return "redirect:" + BASE + (client == null || client.isBlank() ? "" : "?client=" + Paths.encode(client))
               + "#sessions-heading";
    }
}
