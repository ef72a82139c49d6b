package org.rekindle.web.view;

import org.rekindle.web.api.ServiceProblem;
import org.rekindle.web.api.Services;
import org.rekindle.web.api.Viewers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.rekindle.web.api.Services.Service.PLAN;

/**
 * The practice admin: looks after the platform (rebuilding the dashboards from events, following a rebuild's
 * progress), sets the practice's default breach rules (plan-service keeps each version), and reads no journal.
 */
@Controller
class AdminController {

    /** The projections an admin may rebuild, by plan-service's name, in the page's words. */
    private static final Map<String, String> PROJECTIONS = Map.of("coach-dashboard", "Coach dashboards",
                                                                  "plan-read-model", "Plan views");

    private static final Set<String> RULE_FIELDS = Set.of("replyToExCountsAsBreach", "exContactRestartsPeriod",
                                                          "noContactTargetDays", "reason");
    private static final String RULES = "/api/practices/{practiceId}/breach-rules";

    private final Services services;
    private final Viewers viewers;

    AdminController(Services services, Viewers viewers) {
        this.services = services;
        this.viewers = viewers;
    }

    @GetMapping("/admin")
    String admin(Model model) {
        model.addAttribute("projections", PROJECTIONS.keySet().stream().sorted().map(this::progress).toList());
        String practice = viewers.current().practice();
        Map<String, Object> rules = practice == null ? null : services.objectOrNull(PLAN, RULES, practice);
        model.addAttribute("practice", practice);
        model.addAttribute("practiceRules", rules);
        Map<String, Object> current = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> inForce = rules == null ? Map.of() : (Map<String, Object>) rules.get("rules");
        current.put("replyToExCountsAsBreach", inForce.getOrDefault("replyToExCountsAsBreach", false));
        current.put("exContactRestartsPeriod", inForce.getOrDefault("exContactRestartsPeriod", false));
        current.put("noContactTargetDays", inForce.get("noContactTargetDays"));
        current.put("reason", "");
        FormState form = FormState.of("practice-rules", RULE_FIELDS, current, model);
        model.addAttribute("rulesForm", form);
        FormState.summarise(model, List.of(form));
        return "admin";
    }

    /** A new version of the practice's default breach rules; plan-service refuses what is not valid. */
    @PostMapping("/admin/breach-rules")
    String setRules(@RequestParam(defaultValue = "false") boolean replyToExCountsAsBreach,
                    @RequestParam(defaultValue = "false") boolean exContactRestartsPeriod,
                    @RequestParam(defaultValue = "") String noContactTargetDays,
                    @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("replyToExCountsAsBreach", replyToExCountsAsBreach);
        body.put("exContactRestartsPeriod", exContactRestartsPeriod);
        body.put("noContactTargetDays", noContactTargetDays.isBlank() ? null : noContactTargetDays.trim());
        body.put("reason", reason.trim());
        services.send(PLAN, "PUT", RULES, body, viewers.current().practice());
        flash.addFlashAttribute("notice", "The practice's default breach rules are saved. Plans assigned from now on "
                                          + "without rules of their own start with them.");
        return "redirect:/admin";
    }

    /** One projection's progress, for the page's poll while a rebuild runs (htmx swaps it in place). */
    @GetMapping("/admin/projections/{name:coach-dashboard|plan-read-model}/progress")
    String progress(@PathVariable String name, Model model) {
        model.addAttribute("p", progress(name));
        return "admin-progress :: progress";
    }

    @PostMapping("/admin/projections/{name:[a-z-]+}/rebuild")
    String rebuild(@PathVariable String name, RedirectAttributes flash) {
        services.post(PLAN, "/api/admin/projections/{name}/rebuild", null, name);
        flash.addFlashAttribute("notice", "Rebuilding '" + name + "' from the event history; its progress shows "
                                          + "below.");
        return "redirect:/admin";
    }

    /** The projection's progress; when plan-service does not answer, a progress that says it is not known. */
    private RebuildProgress progress(String name) {
        Map<String, Object> answer;
        try {
            answer = services.object(PLAN, "/api/admin/projections/{name}", name);
        } catch (ServiceProblem unavailable) {
            answer = Map.of();
        }
        return RebuildProgress.of(name, PROJECTIONS.get(name), answer);
    }
}
