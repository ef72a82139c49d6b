package org.rekindle.web.client;

import org.rekindle.web.api.Services;
import org.rekindle.web.api.Viewer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.rekindle.web.api.Services.Service.JOURNAL;

/** Downloads (a client's journey; a client's shared entries for their coach) and erasing a journal. */
@Controller
class PrivacyController {

    private final Services services;

    PrivacyController(Services services) {
        this.services = services;
    }

    @GetMapping("/me/export.{format:json|pdf}")
    ResponseEntity<byte[]> journey(@ModelAttribute("viewer") Viewer viewer, @PathVariable String format) {
        return download(services.download(JOURNAL, "/api/clients/{me}/export?format={f}", viewer.id(), format),
                        "rekindle-journey-" + viewer.id(), format);
    }

    @GetMapping("/coach/clients/{clientId}/shared.{format:json|pdf}")
    ResponseEntity<byte[]> shared(@PathVariable String clientId, @PathVariable String format) {
        return download(services.download(JOURNAL, "/api/clients/{id}/journal/shared/export?format={f}", clientId,
                                          format), "rekindle-shared-" + clientId, format);
    }

    /** The whole choice from the privacy page's checkboxes (none ticked: the coach sees shared entries only). */
    @PostMapping("/me/consent")
    String consent(@ModelAttribute("viewer") Viewer viewer,
                   @RequestParam(name = "coachSees", required = false) List<String> coachSees,
                   RedirectAttributes flash) {
        List<String> chosen = coachSees == null ? List.of() : coachSees;
        services.send(JOURNAL, "PUT", "/api/clients/{me}/consent", Map.of("coachSees", chosen), viewer.id());
        flash.addFlashAttribute("notice", chosen.isEmpty()
                ? "Saved. Your coach now sees only the entries you share."
                : "Saved. Your coach now sees: " + ConsentChoices.describe(chosen) + ", and the entries you share.");
        return "redirect:/me/privacy";
    }

    @PostMapping("/me/erase")
    String erase(@ModelAttribute("viewer") Viewer viewer, @RequestParam(defaultValue = "") String confirm,
                 RedirectAttributes flash) {
        if (!"ERASE".equals(confirm.trim())) {
            flash.addFlashAttribute("problem", "Type ERASE in capitals to confirm. Nothing was erased.");
            return "redirect:/me/privacy";
        }
        services.send(JOURNAL, "DELETE", "/api/clients/{me}/journal", null, viewer.id());
        flash.addFlashAttribute("notice", "Your journal is erased: nothing you wrote can be read anywhere again, "
                                          + "and nothing more can be written to it.");
        return "redirect:/me/privacy";
    }

    private static ResponseEntity<byte[]> download(byte[] body, String name, String format) {
        return ResponseEntity.ok()
                .contentType("pdf".equals(format) ? MediaType.APPLICATION_PDF : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + "-" + LocalDate.now() + "." + format).build().toString())
                .body(body);
    }
}
