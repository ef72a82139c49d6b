package org.rekindle.web.coach;

import org.rekindle.web.api.Services;
import org.rekindle.web.api.Viewer;
import org.rekindle.web.api.Viewers;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.rekindle.web.api.Services.Service.CONTENT;
import static org.rekindle.web.api.Services.Service.PLAN;

/** The coach's practice at a glance: every client, risk first, live; and assigning a program to a client. */
@Controller
@RequestMapping("/coach")
class DashboardController {

    private final Services services;
    private final Viewers viewers;
    private final DashboardRelay relay;

    DashboardController(Services services, Viewers viewers, DashboardRelay relay) {
        this.services = services;
        this.viewers = viewers;
        this.relay = relay;
    }

    @GetMapping
    String dashboard(@ModelAttribute("viewer") Viewer viewer, Model model) {
        model.addAttribute("rows", rows(viewer));
        model.addAttribute("programs", services.list(CONTENT, "/api/programs?status=PUBLISHED"));
        model.addAttribute("today", LocalDate.now());
        return "coach/dashboard";
    }

    @GetMapping("/rows")
    String rowsFragment(@ModelAttribute("viewer") Viewer viewer, Model model) {
        model.addAttribute("rows", rows(viewer));
        return "coach/dashboard :: rows";
    }

    @GetMapping(path = "/live", produces = "text/event-stream")
    SseEmitter live(@ModelAttribute("viewer") Viewer viewer) {
        return relay.open(viewer.id(), viewers.accessToken());
    }

    @PostMapping("/plans")
    String assign(@ModelAttribute("viewer") Viewer viewer, @RequestParam String clientId,
                  @RequestParam String program, @RequestParam String startDate, @RequestParam String timezone,
                  @RequestParam(defaultValue = "false") boolean replyToExCountsAsBreach, RedirectAttributes flash) {
        String[] idAndVersion = program.split("@", 2);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", clientId.trim());
        body.put("coachId", viewer.id());
        body.put("programId", idAndVersion[0]);
        body.put("programVersion", idAndVersion.length > 1 ? idAndVersion[1] : null);
        body.put("startDate", startDate);
        body.put("timezone", timezone.trim());
        body.put("replyToExCountsAsBreach", replyToExCountsAsBreach);
        services.post(PLAN, "/api/plans", body);
        flash.addFlashAttribute("notice", "Plan assigned to " + clientId.trim() + ".");
        return Paths.redirect("/coach/clients/", clientId.trim());
    }

    private List<Map<String, Object>> rows(Viewer viewer) {
        return services.list(PLAN, "/api/dashboard/coaches/{coachId}", viewer.id());
    }
}
