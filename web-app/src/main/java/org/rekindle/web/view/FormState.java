package org.rekindle.web.view;

import org.springframework.ui.Model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One form of a page as it is drawn: the values it shows (what the person typed when it comes back refused, else the
 * current ones) and why each field was refused, to say beside the field. A page with several forms tells them apart
 * by a hidden field {@value #FIELD} that names the form; {@link PageAdvice} brings back what was submitted.
 */
public record FormState(String name, Set<String> fields, boolean returned, Map<String, String> values,
                        Map<String, String> errors) {

    public static final String FIELD = "form";

    /** The form with {@code current} values, or as it came back refused if it is the one that was submitted. */
    @SuppressWarnings("unchecked")
    public static FormState of(String name, Set<String> fields, Map<String, ?> current, Model model) {
        Map<String, String> submitted = (Map<String, String>) model.getAttribute("submitted");
        if (submitted != null && name.equals(submitted.get(FIELD))) {
            Map<String, String> reasons = (Map<String, String>) model.getAttribute("fieldReasons");
            return new FormState(name, fields, true, submitted, reasons == null ? Map.of() : reasons);
        }
        Map<String, String> values = new LinkedHashMap<>();
        current.forEach((field, value) -> values.put(field, value == null ? "" : String.valueOf(value)));
        return new FormState(name, fields, false, values, Map.of());
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean invalid(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    /**
     * The page's summary of a refusal, once the reasons stand beside their fields: it points there, and lists only
     * the reasons this form has no field for.
     */
    public static void summarise(Model model, List<FormState> forms) {
        forms.stream().filter(FormState::returned).findFirst().ifPresent(form -> {
            List<String> elsewhere = form.errors.entrySet().stream()
                    .filter(error -> !form.fields.contains(error.getKey())).map(Map.Entry::getValue).toList();
            if (elsewhere.size() < form.errors.size()) {
                model.addAttribute("problem", "That was not saved: the marked fields below say why.");
                model.addAttribute("fieldErrors", elsewhere);
            }
        });
    }
}
