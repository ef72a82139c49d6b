package org.rekindle.web.coach;

import org.rekindle.web.api.Services;
import org.rekindle.web.view.FormState;
import org.rekindle.web.view.Paths;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.rekindle.web.api.Services.Service.PLAN;

/**
 * How a client's plan counts contact during no contact: the rules in force and their history; the coach previews a
 * change (before and after on the client's row, the risk flags that appear or disappear and the plan steps that would
 * change state; nothing stored), then confirms it. plan-service decides and refuses.
 */
@Controller
@RequestMapping("/coach/clients/{clientId}/plans/{planId}/breach-rules")
class BreachRulesController {

    private static final Set<String> FIELDS = Set.of("replyToExCountsAsBreach", "exContactRestartsPeriod",
                                                     "noContactTargetDays", "effectiveFrom", "reason");

    private final Services services;

    BreachRulesController(Services services) {
        this.services = services;
    }

    @GetMapping
    String rules(@PathVariable String clientId, @PathVariable String planId, Model model) {
        Map<String, Object> rules = page(clientId, planId, model);
        @SuppressWarnings("unchecked")
        Map<String, Object> inForce = (Map<String, Object>) rules.get("inForce");
        Map<String, Object> current = new LinkedHashMap<>(inForce);
        current.put("effectiveFrom", "");
        current.put("reason", "");
        FormState form = FormState.of("rules", FIELDS, current, model);
        model.addAttribute("form", form);
        FormState.summarise(model, java.util.List.of(form));
        return "coach/breach-rules";
    }

    @PostMapping("/preview")
    String preview(@PathVariable String clientId, @PathVariable String planId,
                   @RequestParam(defaultValue = "false") boolean replyToExCountsAsBreach,
                   @RequestParam(defaultValue = "false") boolean exContactRestartsPeriod,
                   @RequestParam(defaultValue = "") String noContactTargetDays,
                   @RequestParam(defaultValue = "") String effectiveFrom, @RequestParam(defaultValue = "") String reason,
                   Model model) {
        Map<String, Object> change = change(replyToExCountsAsBreach, exContactRestartsPeriod, noContactTargetDays,
                                            effectiveFrom);
        model.addAttribute("preview", services.post(PLAN, "/api/plans/{planId}/breach-rules/preview", change, planId));
        page(clientId, planId, model);
        Map<String, Object> typed = new LinkedHashMap<>(change);
        typed.put("reason", reason);
        model.addAttribute("form", FormState.of("rules", FIELDS, typed, model));
        return "coach/breach-rules";
    }

    @PostMapping
    String confirm(@PathVariable String clientId, @PathVariable String planId,
                   @RequestParam(defaultValue = "false") boolean replyToExCountsAsBreach,
                   @RequestParam(defaultValue = "false") boolean exContactRestartsPeriod,
                   @RequestParam(defaultValue = "") String noContactTargetDays,
                   @RequestParam(defaultValue = "") String effectiveFrom, @RequestParam(defaultValue = "") String reason,
                   RedirectAttributes flash) {
        Map<String, Object> change = change(replyToExCountsAsBreach, exContactRestartsPeriod, noContactTargetDays,
                                            effectiveFrom);
        change.put("reason", reason.trim());
        services.send(PLAN, "PUT", "/api/plans/{planId}/breach-rules", change, planId);
        flash.addFlashAttribute("notice", "Rules changed. Streaks, breaches and flags are counted again under them.");
        return Paths.redirect("/coach/clients/", clientId);
    }

    private Map<String, Object> page(String clientId, String planId, Model model) {
        Map<String, Object> rules = services.object(PLAN, "/api/plans/{planId}/breach-rules", planId);
        model.addAttribute("clientId", clientId);
        model.addAttribute("planId", planId);
        model.addAttribute("rules", rules);
        return rules;
    }

    /** The change as plan-service reads it; empty fields mean "the client's own target" and "retroactively". */
    private static Map<String, Object> change(boolean replyToExCountsAsBreach, boolean exContactRestartsPeriod,
                                              String noContactTargetDays, String effectiveFrom) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("replyToExCountsAsBreach", replyToExCountsAsBreach);
        change.put("exContactRestartsPeriod", exContactRestartsPeriod);
        change.put("noContactTargetDays", noContactTargetDays.isBlank() ? null : noContactTargetDays.trim());
        change.put("effectiveFrom", effectiveFrom.isBlank() ? null : effectiveFrom.trim());
        return change;
    }
}
