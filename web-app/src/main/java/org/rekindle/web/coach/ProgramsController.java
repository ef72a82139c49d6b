package org.rekindle.web.coach;

import org.rekindle.web.api.Services;
import org.rekindle.web.view.FormState;
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
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.rekindle.web.api.Services.Service.CONTENT;

/**
 * The program library: draft a program; add, edit, move and delete its phases' steps; publish a version (published
 * versions never change). A refused form comes back with what was typed and each reason beside its field.
 */
@Controller
@RequestMapping("/coach/programs")
class ProgramsController {

    private static final Set<String> STEP_FIELDS = Set.of("stepId", "kind", "title", "guidance", "dayOffset",
                                                          "durationDays", "promptId", "targetDays", "checkIns");
    static final List<String> STEP_KINDS = List.of("REFLECTION_PROMPT", "APOLOGY_DRAFT", "NO_CONTACT_PERIOD",
                                                   "MOOD_CHECK_IN_HABIT", "EXERCISE", "READING", "MILESTONE");

    private final Services services;

    ProgramsController(Services services) {
        this.services = services;
    }

    @GetMapping
    String library(Model model) {
        FormState draft = FormState.of("draft", Set.of("programId", "title", "summary"), Map.of(), model);
        FormState.summarise(model, List.of(draft));
        model.addAttribute("draft", draft);
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
    @SuppressWarnings("unchecked")
    String program(@PathVariable String programId, Model model) {
        Map<String, Object> program = services.object(CONTENT, "/api/programs/{id}", programId);
        Map<String, FormState> forms = new LinkedHashMap<>();
        for (Map<String, Object> phase : (List<Map<String, Object>>) program.get("draft")) {
            String add = "add-" + phase.get("phaseId");
            forms.put(add, FormState.of(add, STEP_FIELDS, Map.of("dayOffset", 0), model));
            for (Map<String, Object> step : (List<Map<String, Object>>) phase.get("steps")) {
                String edit = "edit-" + step.get("stepId");
                forms.put(edit, FormState.of(edit, STEP_FIELDS, step, model));
            }
        }
        forms.put("phase", FormState.of("phase", Set.of("phaseId", "title"), Map.of(), model));
        FormState.summarise(model, List.copyOf(forms.values()));
        model.addAttribute("program", program);
        model.addAttribute("editable", !"RETIRED".equals(program.get("status")));
        model.addAttribute("forms", forms);
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
    String addStep(@PathVariable String programId, @PathVariable String phaseId,
                   @RequestParam Map<String, String> form, RedirectAttributes flash) {
        String stepId = form.getOrDefault("stepId", "").trim();
        services.post(CONTENT, "/api/programs/{id}/phases/{phaseId}/steps", step(stepId, form), programId, phaseId);
        flash.addFlashAttribute("notice", "Step added.");
        return toStep(programId, stepId);
    }

    @PostMapping("/{programId}/steps/{stepId}")
    String editStep(@PathVariable String programId, @PathVariable String stepId,
                    @RequestParam Map<String, String> form, RedirectAttributes flash) {
        services.send(CONTENT, "PUT", "/api/programs/{id}/steps/{stepId}", step(stepId, form), programId, stepId);
        flash.addFlashAttribute("notice", "Step saved.");
        return toStep(programId, stepId);
    }

    @PostMapping("/{programId}/steps/{stepId}/move")
    String moveStep(@PathVariable String programId, @PathVariable String stepId, @RequestParam String position,
                    RedirectAttributes flash) {
        services.send(CONTENT, "PUT", "/api/programs/{id}/steps/{stepId}/position",
                      Map.of("position", position.trim()), programId, stepId);
        flash.addFlashAttribute("notice", "Step moved to place " + position.trim() + " of its phase.");
        return toStep(programId, stepId);
    }

    @PostMapping("/{programId}/steps/{stepId}/delete")
    String deleteStep(@PathVariable String programId, @PathVariable String stepId, RedirectAttributes flash) {
        services.send(CONTENT, "DELETE", "/api/programs/{id}/steps/{stepId}", null, programId, stepId);
        flash.addFlashAttribute("notice", "Step deleted from the draft.");
        return Paths.redirect("/coach/programs/", programId);
    }

    @PostMapping("/{programId}/publish")
    String publish(@PathVariable String programId, RedirectAttributes flash) {
        Map<String, Object> published = services.post(CONTENT, "/api/programs/{id}/versions", null, programId);
        flash.addFlashAttribute("notice", "Published as version " + published.get("version")
                                          + ". Plans can now be assigned from it.");
        return Paths.redirect("/coach/programs/", programId);
    }

    /** A step form as the service takes it; the kind's other fields are disabled on the page, so not sent. */
    private static Map<String, Object> step(String stepId, Map<String, String> form) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("stepId", stepId);
        step.put("kind", form.get("kind"));
        step.put("title", form.get("title"));
        step.put("guidance", form.get("guidance"));
        for (String typed : List.of("dayOffset", "durationDays", "promptId", "targetDays", "checkIns")) {
            step.put(typed, Forms.trimmedOrNull(form.get(typed)));
        }
        return step;
    }

    /** Back to the program, at the step just changed. */
    private static String toStep(String programId, String stepId) {
        return Paths.redirect("/coach/programs/", programId) + "#step-"
               + UriUtils.encodeFragment(stepId, StandardCharsets.UTF_8);
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
