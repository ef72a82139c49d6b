package org.rekindle.web.client;

import org.rekindle.web.api.Services;
import org.rekindle.web.api.Viewer;
import org.rekindle.web.view.Forms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import static org.rekindle.web.api.Services.Service.JOURNAL;

/**
 * What a client writes: reflections, apology drafts and revisions, mood check-ins, the contact log, sharing. Each
 * form posts here, the journal service decides, and the page comes back with what happened in words.
 */
@Controller
@RequestMapping("/me")
class JournalFormsController {

    private final Services services;
    private final MeController pages;
    private final CrisisResources crisis;

    JournalFormsController(Services services, MeController pages, CrisisResources crisis) {
        this.services = services;
        this.pages = pages;
        this.crisis = crisis;
    }

    @PostMapping("/reflections")
    String reflect(@ModelAttribute("viewer") Viewer viewer, @RequestParam String promptId, @RequestParam String text,
                   RedirectAttributes flash) {
        Map<String, Object> saved = services.post(JOURNAL, "/api/clients/{me}/journal/reflections",
                                                  Map.of("promptId", promptId, "text", text), viewer.id());
        showCrisisResourcesIfAsked(viewer, saved, flash);
        return done(flash, "Reflection saved. It is private unless you share it.", "/me/journal");
    }

    @PostMapping("/apologies")
    String apologise(@ModelAttribute("viewer") Viewer viewer, @RequestParam String text, RedirectAttributes flash) {
        Map<String, Object> saved = services.post(JOURNAL, "/api/clients/{me}/journal/apologies", Map.of("text", text),
                                                  viewer.id());
        flash.addFlashAttribute("notes", saved.get("feedback"));
        showCrisisResourcesIfAsked(viewer, saved, flash);
        return done(flash, "Apology draft saved. Nothing is ever sent from Rekindle. Notes on what you saved are "
                           + "below the draft box.", "/me/journal");
    }

    @PostMapping("/apologies/{entryId}/revisions")
    String revise(@ModelAttribute("viewer") Viewer viewer, @PathVariable String entryId, @RequestParam String text,
                  RedirectAttributes flash) {
        Map<String, Object> saved = services.post(JOURNAL, "/api/clients/{me}/journal/apologies/{entryId}/revisions",
                                                  Map.of("text", text), viewer.id(), entryId);
        showCrisisResourcesIfAsked(viewer, saved, flash);
        return done(flash, "Version " + saved.get("version") + " saved; earlier versions are kept.", "/me/journal");
    }

    /** Live notes on an apology while it is written (htmx, as the person pauses typing), from the journal API. */
    @PostMapping("/apology-feedback")
    String feedback(@ModelAttribute("viewer") Viewer viewer, @RequestParam(defaultValue = "") String text,
                    Model model) {
        Map<String, Object> answer = services.post(JOURNAL, "/api/clients/{me}/journal/apology-feedback",
                                                   Map.of("text", text), viewer.id());
        model.addAttribute("notes", answer.get("notes"));
        return "client/journal :: feedback";
    }

    @PostMapping("/mood")
    String mood(@ModelAttribute("viewer") Viewer viewer, @RequestParam String score,
                @RequestParam(required = false) String note, @RequestParam(required = false) String sleepHours,
                RedirectAttributes flash) {
        Map<String, Object> body = new HashMap<>();
        body.put("score", score);
        body.put("note", Forms.blankToNull(note));
        body.put("sleepHours", Forms.blankToNull(sleepHours));
        showCrisisResourcesIfAsked(viewer, services.post(JOURNAL, "/api/clients/{me}/journal/mood-check-ins", body,
                                                         viewer.id()), flash);
        return done(flash, "Mood check-in saved. Thank you for checking in.", "/me");
    }

    @PostMapping("/entries/{entryId}/{action:share|unshare}")
    String share(@ModelAttribute("viewer") Viewer viewer, @PathVariable String entryId, @PathVariable String action,
                 RedirectAttributes flash) {
        services.send(JOURNAL, "share".equals(action) ? "PUT" : "DELETE",
                      "/api/clients/{me}/journal/entries/{entryId}/share", null, viewer.id(), entryId);
        return done(flash, "share".equals(action) ? "Shared with your coach."
                                                  : "No longer shared: your coach cannot read it anywhere now.",
                    "/me/journal");
    }

    @PostMapping("/no-contact")
    String startNoContact(@ModelAttribute("viewer") Viewer viewer, @RequestParam String targetDays,
                          RedirectAttributes flash) {
        services.post(JOURNAL, "/api/clients/{me}/contact-log/no-contact-periods", Map.of("targetDays", targetDays),
                      viewer.id());
        return done(flash, "No contact started. Day one begins now.", "/me/contact");
    }

    @PostMapping("/no-contact/{periodId}/end")
    String endNoContact(@ModelAttribute("viewer") Viewer viewer, @PathVariable String periodId,
                        @RequestParam(required = false) String reason, RedirectAttributes flash) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", Forms.blankToNull(reason));
        showCrisisResourcesIfAsked(viewer, services.post(JOURNAL,
                "/api/clients/{me}/contact-log/no-contact-periods/{periodId}/end", body, viewer.id(), periodId), flash);
        return done(flash, "No-contact period ended.", "/me/contact");
    }

    @PostMapping("/breaches")
    String breach(@ModelAttribute("viewer") Viewer viewer, @RequestParam String channel,
                  @RequestParam String initiatedBy, @RequestParam(required = false) String note,
                  @RequestParam(required = false) String when, RedirectAttributes flash) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", channel);
        body.put("initiatedBy", initiatedBy);
        body.put("note", Forms.blankToNull(note));
        body.put("occurredAt", occurredAt(viewer, when));
        showCrisisResourcesIfAsked(viewer, services.post(JOURNAL, "/api/clients/{me}/contact-log/breaches", body,
                                                         viewer.id()), flash);
        return done(flash, "Logged. Being honest about contact is how the count stays yours. A new attempt starts "
                           + "now.", "/me/contact");
    }

    @PostMapping("/urges")
    String urge(@ModelAttribute("viewer") Viewer viewer, @RequestParam boolean resisted,
                @RequestParam(required = false) String note, RedirectAttributes flash) {
        Map<String, Object> body = new HashMap<>();
        body.put("resisted", resisted);
        body.put("note", Forms.blankToNull(note));
        showCrisisResourcesIfAsked(viewer, services.post(JOURNAL, "/api/clients/{me}/contact-log/urges", body,
                                                         viewer.id()), flash);
        return done(flash, resisted ? "Urge logged — and resisted. That counts." : "Urge logged.", "/me/contact");
    }

    /** A time typed in the page is the client's local time: their plan's zone, else UTC. */
    private String occurredAt(Viewer viewer, String when) {
        if (when == null || when.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(when).atZone(MeController.zoneOf(pages.activePlan(viewer))).toInstant()
                                .toString();
        } catch (DateTimeException e) {
            return when;
        }
    }

    /**
     * The journal says when what was saved matched the risk list: the next page shows the crisis resources of the
     * client's region (from their plan's zone) above everything else.
     */
    private void showCrisisResourcesIfAsked(Viewer viewer, Map<String, Object> saved, RedirectAttributes flash) {
        if (saved != null && Boolean.TRUE.equals(saved.get("showCrisisResources"))) {
            flash.addFlashAttribute("crisis", crisis.forZone(MeController.zoneOf(pages.activePlan(viewer))));
        }
    }

    private static String done(RedirectAttributes flash, String notice, String page) {
        flash.addFlashAttribute("notice", notice);
        return "redirect:" + page;
    }
}
