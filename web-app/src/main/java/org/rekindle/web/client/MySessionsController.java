package org.rekindle.web.client;

import org.rekindle.web.api.ServiceProblem;
import org.rekindle.web.api.Viewer;
import org.rekindle.web.view.Formats;
import org.rekindle.web.view.SessionSlots;
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
 * The client's sessions with their coach (linked from Today and the menu): the coach's free slots to book, upcoming
 * sessions to move or cancel with a reason, past ones with their outcome. A slot taken by someone else between the
 * page and the booking comes back as journal-service's 409: the page says so and lists the slots again. The
 * sessions reload in place when the coach moves or cancels one (journal-service's sessions stream).
 */
@Controller
@RequestMapping("/me/sessions")
class MySessionsController {

    static final String TAKEN = "That slot was just taken — pick another.";
    private static final String BASE = "/me/sessions";

    private final Sessions sessions;
    private final Formats fmt;

    MySessionsController(Sessions sessions, Formats fmt) {
        this.sessions = sessions;
        this.fmt = fmt;
    }

    @GetMapping
    String page(@ModelAttribute("viewer") Viewer viewer, Model model) {
        show(viewer, model);
        return "client/sessions";
    }

    @GetMapping("/list")
    String list(@ModelAttribute("viewer") Viewer viewer, Model model) {
        show(viewer, model);
        return "sessions :: clientSessions";
    }

    @GetMapping("/calendar.ics")
    ResponseEntity<byte[]> ics(@ModelAttribute("viewer") Viewer viewer) {
        return sessions.icsOf(viewer.id());
    }

    @GetMapping(path = "/live", produces = "text/event-stream")
    SseEmitter live(@ModelAttribute("viewer") Viewer viewer) {
        return sessions.clientLive(viewer.id());
    }

    @PostMapping
    String book(@ModelAttribute("viewer") Viewer viewer, @RequestParam(defaultValue = "") String start,
                RedirectAttributes flash) {
        try {
            sessions.book(viewer.id(), start);
        } catch (ServiceProblem problem) {
            if (problem.status() != 409) {
                throw problem;
            }
            flash.addFlashAttribute("problem", TAKEN);
            return "redirect:" + BASE + "#book-heading";
        }
        flash.addFlashAttribute("notice", "Session booked. Your coach is told, and you will be reminded a day and an "
                                          + "hour before.");
        return "redirect:" + BASE + "#sessions-heading";
    }

    @PostMapping("/{sessionId}/cancel")
    String cancel(@ModelAttribute("viewer") Viewer viewer, @PathVariable String sessionId,
                  @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
        sessions.cancel(viewer.id(), sessionId, reason);
        flash.addFlashAttribute("notice", "Session cancelled. Your coach is told.");
        return "redirect:" + BASE + "#sessions-heading";
    }

    @PostMapping("/{sessionId}/reschedule")
    String reschedule(@ModelAttribute("viewer") Viewer viewer, @PathVariable String sessionId,
                      @RequestParam(defaultValue = "") String start, @RequestParam(defaultValue = "") String reason,
                      RedirectAttributes flash) {
        try {
            sessions.reschedule(viewer.id(), sessionId, start, reason);
        } catch (ServiceProblem problem) {
            if (problem.status() != 409) {
                throw problem;
            }
            flash.addFlashAttribute("problem", TAKEN);
            return "redirect:" + BASE + "#sessions-heading";
        }
        flash.addFlashAttribute("notice", "Session moved. Your coach is told.");
        return "redirect:" + BASE + "#sessions-heading";
    }

    private void show(Viewer viewer, Model model) {
        model.addAttribute("sessions", sessions.ofClient(viewer.id()));
        Map<String, Object> free = sessions.freeSlots(viewer.id());
        model.addAttribute("free", free);
        model.addAttribute("choices", SessionSlots.fromFreeSlots(free, fmt::when));
        model.addAttribute("listUrl", BASE + "/list");
        model.addAttribute("liveUrl", BASE + "/live");
    }
}
