package org.rekindle.web.coach;

import org.rekindle.web.api.Services;
import org.rekindle.web.api.Viewer;
import org.rekindle.web.api.Viewers;
import jakarta.servlet.http.HttpSession;
import org.rekindle.web.view.FormState;
import org.rekindle.web.view.Formats;
import org.rekindle.web.view.Paths;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.rekindle.web.api.Services.Service.CONTENT;
import static org.rekindle.web.api.Services.Service.PLAN;

/**
 * The coach's practice at a glance: clients most in need first with why, filtered and searchable, live, with what is
 * new since the coach's previous visit; and assigning a program to a client.
 */
@Controller
@RequestMapping("/coach")
class DashboardController {

    private static final String LAST_VISIT = "rekindle.coach.previousVisit";

    /** The zones a client may live in, by their IANA names (Europe/Lisbon), for the assign form's list. */
    static final List<String> ZONES = java.time.ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
            .sorted().toList();

    private final Services services;
    private final Viewers viewers;
    private final DashboardRelay relay;
    private final Triage triage;

    DashboardController(Services services, Viewers viewers, DashboardRelay relay, Triage triage) {
        this.triage = triage;
        this.services = services;
        this.viewers = viewers;
        this.relay = relay;
    }

    @GetMapping
    String dashboard(@ModelAttribute("viewer") Viewer viewer, @RequestParam(required = false) String show,
                     @RequestParam(required = false) String q, HttpSession session, Model model) {
        Map<String, Object> visit = services.post(PLAN, "/api/dashboard/coaches/{coachId}/visits", Map.of(),
                                                  viewer.id());
        Object previous = visit == null ? null : visit.get("previousVisitAt");
        session.setAttribute(LAST_VISIT, previous == null ? null : Formats.instantOf(previous));
        List<Map<String, Object>> all = rows(viewer);
        addRows(all, show, q, session, model);
        model.addAttribute("programs", services.list(CONTENT, "/api/programs?status=PUBLISHED"));
        model.addAttribute("zones", ZONES);
        FormState assign = FormState.of("assign", Set.of("clientId", "programId", "startDate", "timezone"),
                                        Map.of("startDate", LocalDate.now(), "timezone", "Europe/London"), model);
        model.addAttribute("assign", assign);
        FormState.summarise(model, List.of(assign));
        return "coach/dashboard";
    }

    @GetMapping("/rows")
    String rowsFragment(@ModelAttribute("viewer") Viewer viewer, @RequestParam(required = false) String show,
                        @RequestParam(required = false) String q, HttpSession session, Model model) {
        addRows(rows(viewer), show, q, session, model);
        return "coach/dashboard :: rows";
    }

    private void addRows(List<Map<String, Object>> all, String show, String q, HttpSession session, Model model) {
        String filter = Triage.showOrDefault(show);
        model.addAttribute("show", filter);
        model.addAttribute("q", q == null ? "" : q.trim());
        model.addAttribute("filters", triage.choices(all));
        model.addAttribute("allCount", all.size());
        model.addAttribute("clients", all);
        model.addAttribute("rows", triage.select(all, filter, q));
        model.addAttribute("summary", triage.summary(all));
        model.addAttribute("lastVisit", session.getAttribute(LAST_VISIT));
    }

    @GetMapping(path = "/live", produces = "text/event-stream")
    SseEmitter live(@ModelAttribute("viewer") Viewer viewer) {
        return relay.open(viewer.id(), viewers.accessToken());
    }

    @PostMapping("/plans")
    String assign(@ModelAttribute("viewer") Viewer viewer, @RequestParam String clientId,
                  @RequestParam String program, @RequestParam String startDate, @RequestParam String timezone,
                  @RequestParam(defaultValue = "") String replyToExCountsAsBreach, RedirectAttributes flash) {
        // Empty: the practice's default rules (plan-service applies them); else the coach's own choice.
        Map<String, Object> body = PlanChoice.body(program, startDate, timezone, replyToExCountsAsBreach.isBlank()
                ? null : Boolean.valueOf(replyToExCountsAsBreach.trim()));
        body.put("clientId", clientId.trim());
        body.put("coachId", viewer.id());
        services.post(PLAN, "/api/plans", body);
        flash.addFlashAttribute("notice", "Plan assigned to " + clientId.trim() + ".");
        return Paths.redirect("/coach/clients/", clientId.trim());
    }

    private List<Map<String, Object>> rows(Viewer viewer) {
        return services.list(PLAN, "/api/dashboard/coaches/{coachId}", viewer.id());
    }
}
