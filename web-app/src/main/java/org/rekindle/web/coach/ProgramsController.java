package org.rekindle.web.coach;

import org.rekindle.web.api.Services;
import org.rekindle.web.view.Forms;
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
import java.util.List;
import java.util.Map;

import static org.rekindle.web.api.Services.Service.CONTENT;

/** The program library: draft a program, add phases and steps, publish a version (published versions never change). */
@Controller
@RequestMapping("/coach/programs")
class ProgramsController {

    static final List<String> STEP_KINDS = List.of("REFLECTION_PROMPT", "APOLOGY_DRAFT", "NO_CONTACT_PERIOD",
                                                   "MOOD_CHECK_IN_HABIT", "EXERCISE", "READING", "MILESTONE");

    private final Services services;

    ProgramsController(Services services) {
        this.services = services;
    }

    @GetMapping
    String library(Model model) {
        model.addAttribute("programs", services.list(CONTENT, "/api/programs"));
        return "coach/programs";
    }

    @PostMapping
    String draft(@RequestParam String programId, @RequestParam String title, @RequestParam String summary,
                 RedirectAttributes flash) {
        services.post(CONTENT, "/api/programs", Map.of("programId", programId.trim(), "title", title,
                                                       "summary", summary));
        flash.addFlashAttribute("notice", "Draft created. Add phases and steps, then publish.");
        return Paths.redirect("/coach/programs/", programId.trim());
    }

    @GetMapping("/{programId}")
    String program(@PathVariable String programId, Model model) {
        model.addAttribute("program", services.object(CONTENT, "/api/programs/{id}", programId));
        model.addAttribute("kinds", STEP_KINDS);
        model.addAttribute("prompts", promptsInTheLibrary());
        return "coach/program";
    }

    @PostMapping("/{programId}/phases")
    String addPhase(@PathVariable String programId, @RequestParam String phaseId, @RequestParam String title,
                    RedirectAttributes flash) {
        services.post(CONTENT, "/api/programs/{id}/phases", Map.of("phaseId", phaseId.trim(), "title", title),
                      programId);
        flash.addFlashAttribute("notice", "Phase added.");
        return Paths.redirect("/coach/programs/", programId);
    }

    @PostMapping("/{programId}/phases/{phaseId}/steps")
    String addStep(@PathVariable String programId, @PathVariable String phaseId, @RequestParam String stepId,
                   @RequestParam String kind, @RequestParam String title, @RequestParam String guidance,
                   @RequestParam(defaultValue = "0") String dayOffset,
                   @RequestParam(required = false) String durationDays,
                   @RequestParam(required = false) String promptId,
                   @RequestParam(required = false) String targetDays,
                   @RequestParam(required = false) String checkIns, RedirectAttributes flash) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("stepId", stepId.trim());
        step.put("kind", kind);
        step.put("title", title);
        step.put("guidance", guidance);
        step.put("dayOffset", Forms.trimmedOrNull(dayOffset));
        step.put("durationDays", Forms.trimmedOrNull(durationDays));
        step.put("promptId", Forms.trimmedOrNull(promptId));
        step.put("targetDays", Forms.trimmedOrNull(targetDays));
        step.put("checkIns", Forms.trimmedOrNull(checkIns));
        services.post(CONTENT, "/api/programs/{id}/phases/{phaseId}/steps", step, programId, phaseId);
        flash.addFlashAttribute("notice", "Step added.");
        return Paths.redirect("/coach/programs/", programId);
    }

    @PostMapping("/{programId}/publish")
    String publish(@PathVariable String programId, RedirectAttributes flash) {
        Map<String, Object> published = services.post(CONTENT, "/api/programs/{id}/versions", null, programId);
        flash.addFlashAttribute("notice", "Published as version " + published.get("version")
                                          + ". Plans can now be assigned from it.");
        return Paths.redirect("/coach/programs/", programId);
    }

    /** Every reflection prompt the library's programs use, to pick from instead of typing an id from memory. */
    @SuppressWarnings("unchecked")
    private List<String> promptsInTheLibrary() {
        return services.list(CONTENT, "/api/programs").stream()
                .flatMap(program -> ((List<Map<String, Object>>) program.getOrDefault("draft", List.of())).stream())
                .flatMap(phase -> ((List<Map<String, Object>>) phase.getOrDefault("steps", List.of())).stream())
                .map(step -> step.get("promptId")).filter(java.util.Objects::nonNull).map(String::valueOf)
                .distinct().sorted().toList();
    }
}
