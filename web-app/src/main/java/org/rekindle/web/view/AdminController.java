package org.rekindle.web.view;

import org.rekindle.web.api.ServiceProblem;
import org.rekindle.web.api.Services;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

import static org.rekindle.web.api.Services.Service.PLAN;

/**
 * The practice admin: looks after the platform (rebuilding the dashboards from events, following a rebuild's
 * progress) and reads no journal.
 */
@Controller
class AdminController {

    /** The projections an admin may rebuild, by plan-service's name, in the page's words. */
    private static final Map<String, String> PROJECTIONS = Map.of("coach-dashboard", "Coach dashboards",
                                                                  "plan-read-model", "Plan views");

    private final Services services;

    AdminController(Services services) {
        this.services = services;
    }

    @GetMapping("/admin")
    String admin(Model model) {
        model.addAttribute("projections", PROJECTIONS.keySet().stream().sorted().map(this::progress).toList());
        return "admin";
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
