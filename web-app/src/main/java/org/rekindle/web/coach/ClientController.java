package org.rekindle.web.coach;

import org.rekindle.web.api.People;
import org.rekindle.web.api.Services;
import org.rekindle.web.api.Viewer;
import org.rekindle.web.view.AlertActions;
import org.rekindle.web.view.FormState;
import org.rekindle.web.view.Paths;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.rekindle.web.api.Services.Service.CONTENT;
import static org.rekindle.web.api.Services.Service.JOURNAL;
import static org.rekindle.web.api.Services.Service.NOTIFICATION;
import static org.rekindle.web.api.Services.Service.PLAN;

/**
 * One client, as their coach sees them: the dashboard row (also as of any past day), the plan with each step's state,
 * what the client shared (reading it is recorded for the client to see), no-contact attempts, the timeline, the
 * coach's alerts about them with why each was raised and its causes (to acknowledge or snooze), and the coach's own
 * private note about them.
 */
@Controller
@RequestMapping("/coach/clients/{clientId}")
class ClientController {

    static final int TIMELINE_SHOWN = 100;

    private final Services services;
    private final People people;
    private final AlertActions alertActions;

    ClientController(Services services, People people, AlertActions alertActions) {
        this.services = services;
        this.people = people;
        this.alertActions = alertActions;
    }

    @GetMapping
    @SuppressWarnings("unchecked")
    String client(@PathVariable String clientId, @RequestParam(defaultValue = "all") String show,
                  @ModelAttribute("viewer") Viewer viewer, Model model) {
        model.addAttribute("clientId", clientId);
        model.addAttribute("row", services.objectOrNull(PLAN, "/api/dashboard/clients/{id}", clientId));
        List<Map<String, Object>> plans = new ArrayList<>(services.list(PLAN, "/api/plans?clientId={id}", clientId));
        Collections.reverse(plans); // the newest (a replacement) first
        model.addAttribute("plans", plans);
        Map<Object, List<PlanPhases.Phase>> phases = new java.util.HashMap<>();
        plans.forEach(plan -> phases.put(plan.get("planId"), PlanPhases.of(plan)));
        model.addAttribute("phases", phases);
        model.addAttribute("zones", DashboardController.ZONES);
        Map<String, Object> running = plans.stream().filter(plan -> "ACTIVE".equals(plan.get("outcome"))).findFirst()
                                           .orElse(null);
        // the library is only for replacing a running plan
        model.addAttribute("programs", running == null ? List.of()
                                       : services.list(CONTENT, "/api/programs?status=PUBLISHED"));
        Object zone = running == null ? "" : running.get("timezone");
        FormState replace = FormState.of("replace", Set.of("programId", "startDate", "timezone", "reason"),
                                         Map.of("startDate", java.time.LocalDate.now(), "timezone", zone), model);
        model.addAttribute("replace", replace);
        FormState.summarise(model, List.of(replace));
        model.addAttribute("stepTitles", stepTitles(plans));
        model.addAttribute("shared", services.listOrEmpty(JOURNAL, "/api/clients/{id}/journal/entries", clientId));
        model.addAttribute("streak", services.objectIfVisible(JOURNAL, "/api/clients/{id}/streak", clientId));
        List<Map<String, Object>> timeline = new ArrayList<>(services.listOrEmpty(
                PLAN, "/api/dashboard/clients/{id}/timeline?limit=" + TIMELINE_SHOWN, clientId));
        Collections.reverse(timeline);
        TimelineFilter filter = TimelineFilter.named(show);
        List<Map<String, Object>> shown = filter.apply(timeline);
        model.addAttribute("timeline", shown);
        model.addAttribute("timelineShown", timeline.size());
        model.addAttribute("timelineFilter", filter.name());
        model.addAttribute("timelineFilters", TimelineFilter.values());
        model.addAttribute("timelineIds", shown.stream().map(event -> event.get("eventId")).collect(Collectors.toSet()));
        Map<String, Object> alerts = services.objectIfVisible(NOTIFICATION, "/api/coaches/{me}/clients/{id}/alerts",
                                                              viewer.id(), clientId);
        model.addAttribute("alerts", alerts == null ? List.of() : ClientAlert.inOrder(alerts).stream()
                .map(alert -> new ClientAlert(people.named(alert.notification()), alert.notEmailed())).toList());
        model.addAttribute("reach", alerts);
        model.addAttribute("note", services.objectIfVisible(JOURNAL, "/api/clients/{id}/coach-note", clientId));
        model.addAttribute("clientName", people.nameWithPronouns(clientId)); // only once the services let this coach in
        return "coach/client";
    }

    /** The coach's private note about the client: journal-service keeps it sealed, for this coach's eyes only. */
    @PostMapping("/note")
    String note(@PathVariable String clientId, @RequestParam(defaultValue = "") String text, RedirectAttributes flash) {
        // journal-service answers once its read model holds the note, so the page below shows this revision
        services.send(JOURNAL, "PUT", "/api/clients/{id}/coach-note", Map.of("text", text), clientId);
        flash.addFlashAttribute("notice", "Your private note is saved.");
        return Paths.redirect("/coach/clients/", clientId) + "#note-heading";
    }

    /** The row as it was {@code daysAgo} days ago, computed from the events up to then. */
    @GetMapping("/as-of")
    String asOf(@PathVariable String clientId, @RequestParam(defaultValue = "0") int daysAgo,
                @RequestParam(required = false) Integer day, @RequestParam(defaultValue = "HAPPENED") String clock,
                Model model) {
        // the slider sends day = -60 .. 0 (earlier to the left, today at the right); daysAgo stays for links
        int days = Math.max(0, Math.min(365, day != null ? -day : daysAgo));
        Instant asOf = Instant.now().minus(Duration.ofDays(days));
        boolean seenThen = "RECORDED".equals(clock);
        // as of a past day there may be no row yet (nothing recorded by then): the fragment says so
        model.addAttribute("row", days == 0 ? services.object(PLAN, "/api/dashboard/clients/{id}", clientId)
                                            : services.objectOrNull(PLAN, "/api/dashboard/clients/{id}?asOf={at}&clock={c}",
                                                                    clientId, asOf.toString(),
                                                                    seenThen ? "RECORDED" : "HAPPENED"));
        model.addAttribute("daysAgo", days);
        model.addAttribute("seenThen", seenThen);
        return "coach/client :: row";
    }

    @PostMapping("/plans/{planId}/steps/{stepId}/{action:complete|reopen}")
    String step(@PathVariable String clientId, @PathVariable String planId, @PathVariable String stepId,
                @PathVariable String action, RedirectAttributes flash) {
        services.post(PLAN, "/api/plans/{planId}/steps/{stepId}/" + action, null, planId, stepId);
        flash.addFlashAttribute("notice", "complete".equals(action) ? "Step marked done." : "Step reopened.");
        return Paths.redirect("/coach/clients/", clientId);
    }

    @PostMapping("/plans/{planId}/outcome")
    String outcome(@PathVariable String clientId, @PathVariable String planId, @RequestParam String outcome,
                   RedirectAttributes flash) {
        services.send(PLAN, "PUT", "/api/plans/{planId}/outcome", Map.of("outcome", outcome), planId);
        flash.addFlashAttribute("notice", "Outcome changed.");
        return Paths.redirect("/coach/clients/", clientId);
    }

    @PostMapping("/plans/{planId}/replacement")
    String replace(@PathVariable String clientId, @PathVariable String planId, @RequestParam String program,
                   @RequestParam String startDate, @RequestParam String timezone, @RequestParam String reason,
                   @RequestParam(defaultValue = "false") boolean replyToExCountsAsBreach, RedirectAttributes flash) {
        Map<String, Object> body = PlanChoice.body(program, startDate, timezone, replyToExCountsAsBreach);
        body.put("reason", reason.trim());
        services.post(PLAN, "/api/plans/{planId}/replacement", body, planId);
        flash.addFlashAttribute("notice", "Plan replaced. The earlier plan stays in the history below.");
        return Paths.redirect("/coach/clients/", clientId);
    }

    /** The note just saved, while journal-service's read model (a few milliseconds behind) still has the older one. */
    @PostMapping("/alerts/{notificationId}/acknowledge")
    String acknowledge(@PathVariable String clientId, @PathVariable String notificationId,
                       @ModelAttribute("viewer") Viewer viewer, RedirectAttributes flash) {
        flash.addFlashAttribute("notice", alertActions.acknowledge(viewer.id(), notificationId));
        return Paths.redirect("/coach/clients/", clientId);
    }

    @PostMapping("/alerts/{notificationId}/snooze")
    String snooze(@PathVariable String clientId, @PathVariable String notificationId,
                  @RequestParam(defaultValue = "1") int days, @ModelAttribute("viewer") Viewer viewer,
                  RedirectAttributes flash) {
        flash.addFlashAttribute("notice", alertActions.snooze(viewer.id(), notificationId, days));
        return Paths.redirect("/coach/clients/", clientId);
    }

    /** Each step's title by its id, so the timeline names the step an event is about ("Plan step overdue: ..."). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> stepTitles(List<Map<String, Object>> plans) {
        Map<String, Object> titles = new java.util.HashMap<>();
        plans.forEach(plan -> ((List<Map<String, Object>>) plan.getOrDefault("steps", List.of()))
                .forEach(step -> titles.putIfAbsent(String.valueOf(step.get("stepId")), step.get("title"))));
        return titles;
    }
}
