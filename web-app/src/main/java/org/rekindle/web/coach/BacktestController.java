package org.rekindle.web.coach;

import org.rekindle.web.api.Services;
import org.rekindle.web.api.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.rekindle.web.api.Services.Service.NOTIFICATION;

/**
 * Try an alert rule on the practice's past: how often it would have fired, for whom (nothing is sent); save it as a
 * live rule, and list and delete the live rules saved.
 */
@Controller
@RequestMapping("/coach/backtest")
class BacktestController {

    private final Services services;

    BacktestController(Services services) {
        this.services = services;
    }

    @GetMapping
    String form(@ModelAttribute("viewer") Viewer viewer, Model model) {
        model.addAttribute("savedRules", savedRules(viewer));
        return "coach/backtest";
    }

    @PostMapping
    String run(@ModelAttribute("viewer") Viewer viewer, @RequestParam String rule,
               @RequestParam(required = false) String score, @RequestParam(required = false) String occurrences,
               @RequestParam(required = false) String withinHours,
               @RequestParam(required = false) String initiatedBy, Model model) {
        Map<String, Object> proposal = proposal(rule, score, occurrences, withinHours, initiatedBy);
        model.addAttribute("proposal", proposal);
        model.addAttribute("result", services.post(NOTIFICATION, "/api/coaches/{coachId}/backtest", proposal,
                                                   viewer.id()));
        model.addAttribute("savedRules", savedRules(viewer));
        return "coach/backtest";
    }

    /** The backtested rule becomes a live rule of this coach: new activity that makes it fire alerts them. */
    @PostMapping("/rules")
    String save(@ModelAttribute("viewer") Viewer viewer, @RequestParam String rule,
                @RequestParam(required = false) String score, @RequestParam(required = false) String occurrences,
                @RequestParam(required = false) String withinHours,
                @RequestParam(required = false) String initiatedBy, RedirectAttributes flash) {
        Map<String, Object> saved = services.post(NOTIFICATION, "/api/coaches/{coachId}/rules",
                                                  proposal(rule, score, occurrences, withinHours, initiatedBy),
                                                  viewer.id());
        flash.addFlashAttribute("notice", "Saved as a live rule: " + saved.get("inWords") + ". From now on it alerts "
                                          + "you when a client's new activity makes it fire.");
        return "redirect:/coach/backtest";
    }

    @PostMapping("/rules/{ruleId}/delete")
    String delete(@ModelAttribute("viewer") Viewer viewer, @PathVariable String ruleId, RedirectAttributes flash) {
        services.send(NOTIFICATION, "DELETE", "/api/coaches/{coachId}/rules/{ruleId}", null, viewer.id(), ruleId);
        flash.addFlashAttribute("notice", "Live rule deleted: it raises nothing more.");
        return "redirect:/coach/backtest";
    }

    private List<Map<String, Object>> savedRules(Viewer viewer) {
        return services.list(NOTIFICATION, "/api/coaches/{coachId}/rules", viewer.id());
    }

    /** The rule as notification-service reads it; fields are sent as typed, so it names any that is wrong. */
    private static Map<String, Object> proposal(String rule, String score, String occurrences, String withinHours,
                                                String initiatedBy) {
        Map<String, Object> proposal = new LinkedHashMap<>();
        proposal.put("rule", rule);
        if ("MOOD_AT_OR_BELOW".equals(rule)) {
            proposal.put("score", score);
            proposal.put("occurrences", occurrences);
            proposal.put("withinHours", withinHours);
        } else {
            proposal.put("initiatedBy", initiatedBy);
        }
        return proposal;
    }
}
