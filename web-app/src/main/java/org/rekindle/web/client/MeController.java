package org.rekindle.web.client;

import org.rekindle.web.api.Services;
import org.rekindle.web.view.Formats;
import org.rekindle.web.api.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.rekindle.web.api.Services.Service.CONTENT;
import static org.rekindle.web.api.Services.Service.JOURNAL;
import static org.rekindle.web.api.Services.Service.NOTIFICATION;
import static org.rekindle.web.api.Services.Service.PLAN;

/** The client's pages: today, the journal, the contact log, and privacy (who read what, export, erase). */
@Controller
@RequestMapping("/me")
class MeController {

    private final Services services;
    private final Formats fmt;
    private final WellBeingPanel wellBeing;

    MeController(Services services, Formats fmt, WellBeingPanel wellBeing) {
        this.services = services;
        this.fmt = fmt;
        this.wellBeing = wellBeing;
    }

    /**
     * Steps due more than this many days ago wait in one gentle line instead of a wall of "overdue": Today leads with
     * what is due now and the check-in.
     */
    static final int EARLIER_AFTER_DAYS = 3;

    @GetMapping
    String today(@ModelAttribute("viewer") Viewer viewer, Model model) {
        Map<String, Object> plan = activePlan(viewer);
        model.addAttribute("plan", plan);
        List<Map<String, Object>> due = plan == null ? List.of() : stepsDueBy(plan, today(plan).plusDays(1));
        LocalDate earlier = plan == null ? null : today(plan).minusDays(EARLIER_AFTER_DAYS);
        model.addAttribute("todaySteps", due.stream().filter(step -> !dueDate(step).isBefore(earlier)).toList());
        model.addAttribute("earlierSteps", due.stream().filter(step -> dueDate(step).isBefore(earlier)).toList());
        model.addAttribute("guidance", plan == null ? Map.of() : guidance(plan));
        model.addAttribute("streak", streak(viewer));
        model.addAttribute("unread", services.list(NOTIFICATION, "/api/feed/{me}?unread=true&limit=5", viewer.id()));
        model.addAttribute("defaultConsent", plan == null ? null : defaultConsent(viewer));
        wellBeing.addTo(model, viewer.id(), zoneOf(plan));
        return "client/today";
    }

    /** What the coach sees while the client has not chosen (stated from the start of the plan), or null. */
    @SuppressWarnings("unchecked")
    private String defaultConsent(Viewer viewer) {
        Map<String, Object> consent = services.objectOrNull(JOURNAL, "/api/clients/{me}/consent", viewer.id());
        if (consent == null || !Boolean.TRUE.equals(consent.get("byDefault"))) {
            return null;
        }
        return ConsentChoices.describe((List<String>) consent.get("coachSees"));
    }

    @GetMapping("/journal")
    String journal(@ModelAttribute("viewer") Viewer viewer,
                   @RequestParam(name = "prompt", required = false) String selectedPrompt, Model model) {
        Map<String, Object> plan = activePlan(viewer);
        model.addAttribute("selectedPrompt", selectedPrompt);
        model.addAttribute("prompts", plan == null ? List.of() : prompts(plan));
        model.addAttribute("entries", services.listOrEmpty(JOURNAL, "/api/clients/{me}/journal/entries?limit=200",
                                                           viewer.id()));
        return "client/journal";
    }

    @GetMapping("/contact")
    String contact(@ModelAttribute("viewer") Viewer viewer, Model model) {
        model.addAttribute("streak", streak(viewer));
        model.addAttribute("log", services.listOrEmpty(JOURNAL, "/api/clients/{me}/contact-log?limit=200",
                                                       viewer.id()));
        Map<String, Object> plan = activePlan(viewer);
        // how the plan counts contact, as the coach set it (and each change with its reason)
        model.addAttribute("breachRules", plan == null ? null
                : services.objectOrNull(PLAN, "/api/plans/{id}/breach-rules", plan.get("planId")));
        return "client/contact";
    }

    @GetMapping("/privacy")
    String privacy(@ModelAttribute("viewer") Viewer viewer, Model model) {
        Map<String, String> names = entryNames(services.listOrEmpty(
                JOURNAL, "/api/clients/{me}/journal/entries?limit=200", viewer.id()));
        model.addAttribute("reads", services.listOrEmpty(JOURNAL, "/api/clients/{me}/journal/reads", viewer.id())
                .stream().map(read -> withEntryNames(read, names)).toList());
        model.addAttribute("consent", services.objectOrNull(JOURNAL, "/api/clients/{me}/consent", viewer.id()));
        model.addAttribute("consentChoices", ConsentChoices.ALL);
        return "client/privacy";
    }

    /** "Apology of Wed 26 Nov 2026" by entry id: who read what names the entry, not a count. */
    private Map<String, String> entryNames(List<Map<String, Object>> entries) {
        Map<String, String> names = new HashMap<>();
        entries.forEach(entry -> names.put(String.valueOf(entry.get("entryId")),
                                           fmt.words(entry.get("kind")) + " of " + fmt.day(entry.get("occurredAt"))));
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withEntryNames(Map<String, Object> read, Map<String, String> names) {
        Map<String, Object> named = new HashMap<>(read);
        named.put("entries", String.join(", ", ((List<Object>) read.getOrDefault("entryIds", List.of())).stream()
                .map(id -> names.getOrDefault(String.valueOf(id), "an entry since erased")).toList()));
        return named;
    }

    Map<String, Object> activePlan(Viewer viewer) {
        return services.list(PLAN, "/api/plans?clientId={me}", viewer.id()).stream()
                       .filter(p -> "ACTIVE".equals(p.get("outcome"))).findFirst().orElse(null);
    }

    /** What each step asks, in the words of the program version the plan pins. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> guidance(Map<String, Object> plan) {
        Map<String, Object> version = services.objectOrNull(CONTENT, "/api/programs/{id}/versions/{v}",
                                                            plan.get("programId"), plan.get("programVersion"));
        Map<String, Object> byStep = new java.util.HashMap<>();
        if (version != null) {
            for (Map<String, Object> phase : (List<Map<String, Object>>) version.getOrDefault("phases", List.of())) {
                for (Map<String, Object> step : (List<Map<String, Object>>) phase.getOrDefault("steps", List.of())) {
                    byStep.put(String.valueOf(step.get("stepId")), step.get("guidance"));
                }
            }
        }
        return byStep;
    }

    private Map<String, Object> streak(Viewer viewer) {
        return services.objectOrNull(JOURNAL, "/api/clients/{me}/streak", viewer.id());
    }

    /** Open steps due by the given day, the most overdue first. */
    @SuppressWarnings("unchecked")
    private static LocalDate dueDate(Map<String, Object> step) {
        return LocalDate.parse(String.valueOf(step.get("dueDate")));
    }

    static List<Map<String, Object>> stepsDueBy(Map<String, Object> plan, LocalDate day) {
        return ((List<Map<String, Object>>) plan.getOrDefault("steps", List.of())).stream()
                .filter(step -> "OPEN".equals(step.get("status")))
                .filter(step -> !LocalDate.parse(String.valueOf(step.get("dueDate"))).isAfter(day))
                .sorted(Comparator.comparing(step -> String.valueOf(step.get("dueDate")))).toList();
    }

    /** The plan's reflection prompts: what a reflection can answer (and so complete a step). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> prompts(Map<String, Object> plan) {
        return ((List<Map<String, Object>>) plan.getOrDefault("steps", List.of())).stream()
                .filter(step -> step.get("promptId") != null).toList();
    }

    static LocalDate today(Map<String, Object> plan) {
        return LocalDate.now(zoneOf(plan));
    }

    /** The client's own zone: their plan's, else UTC. */
    static ZoneId zoneOf(Map<String, Object> plan) {
        try {
            return ZoneId.of(plan == null ? "UTC" : String.valueOf(plan.get("timezone")));
        } catch (java.time.DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
