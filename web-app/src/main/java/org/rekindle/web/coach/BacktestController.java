package org.rekindle.web.coach;

import org.rekindle.web.api.Services;
import org.rekindle.web.api.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.rekindle.web.api.Services.Service.NOTIFICATION;

/** Try an alert rule on the practice's past: how often it would have fired, for whom. Nothing is sent. */
@Controller
@RequestMapping("/coach/backtest")
class BacktestController {

    private final Services services;

    BacktestController(Services services) {
        this.services = services;
    }

    @GetMapping
    String form() {
        return "coach/backtest";
    }

    @PostMapping
    String run(@ModelAttribute("viewer") Viewer viewer, @RequestParam String rule,
               @RequestParam(required = false) String score, @RequestParam(required = false) String occurrences,
               @RequestParam(required = false) String withinHours,
               @RequestParam(required = false) String initiatedBy, Model model) {
        Map<String, Object> proposal = new LinkedHashMap<>();
        proposal.put("rule", rule);
        if ("MOOD_AT_OR_BELOW".equals(rule)) {
            proposal.put("score", score);
            proposal.put("occurrences", occurrences);
            proposal.put("withinHours", withinHours);
        } else {
            proposal.put("initiatedBy", initiatedBy);
        }
        model.addAttribute("proposal", proposal);
        model.addAttribute("result", services.post(NOTIFICATION, "/api/coaches/{coachId}/backtest", proposal,
                                                   viewer.id()));
        return "coach/backtest";
    }
}
