package org.rekindle.web.client;

import org.rekindle.web.api.Services;
import org.rekindle.web.api.Viewer;
import org.rekindle.web.view.FormState;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.rekindle.web.api.Services.Service.JOURNAL;

/**
 * The people a client names in their writing (the ex, a friend): mark one so their names can be erased from every
 * text later, change a label or the names to find, erase a person for good. journal-service decides and seals; this
 * page only asks it, as the client.
 */
@Controller
@RequestMapping("/me/people")
class PeopleController {

    static final Set<String> FIELDS = Set.of("label", "names");

    private final Services services;

    PeopleController(Services services) {
        this.services = services;
    }

    @GetMapping
    String page(@ModelAttribute("viewer") Viewer viewer, Model model) {
        List<Map<String, Object>> persons = persons(viewer);
        Map<String, FormState> forms = new LinkedHashMap<>();
        FormState mark = FormState.of("mark", FIELDS, Map.of(), model);
        forms.put("mark", mark);
        for (Map<String, Object> person : persons) {
            if (!Boolean.TRUE.equals(person.get("erased"))) {
                String name = "rename-" + person.get("personId");
                forms.put(name, FormState.of(name, FIELDS, Map.of("label", person.get("label"),
                                                                  "names", namesText(person)), model));
            }
        }
        FormState.summarise(model, List.copyOf(forms.values()));
        model.addAttribute("persons", persons);
        model.addAttribute("forms", forms);
        return "client/people";
    }

    @PostMapping
    String mark(@ModelAttribute("viewer") Viewer viewer, @RequestParam String label, @RequestParam String names,
                RedirectAttributes flash) {
        services.post(JOURNAL, "/api/clients/{me}/journal/persons",
                      Map.of("label", label, "names", lines(names)), viewer.id());
        flash.addFlashAttribute("notice", "Marked. Wherever you wrote their name, it is now locked with a key of "
                                          + "its own, in what you wrote before too.");
        return "redirect:/me/people";
    }

    @PostMapping("/{personId}")
    String rename(@ModelAttribute("viewer") Viewer viewer, @PathVariable String personId,
                  @RequestParam String label, @RequestParam String names, RedirectAttributes flash) {
        services.send(JOURNAL, "PUT", "/api/clients/{me}/journal/persons/{p}",
                      Map.of("label", label, "names", lines(names)), viewer.id(), personId);
        flash.addFlashAttribute("notice", "Saved. Every name listed is found in all you wrote.");
        return "redirect:/me/people";
    }

    @PostMapping("/{personId}/erase")
    String erase(@ModelAttribute("viewer") Viewer viewer, @PathVariable String personId,
                 @RequestParam(defaultValue = "") String confirm, RedirectAttributes flash) {
        if (!"yes".equals(confirm)) {
            flash.addFlashAttribute("problem", "Tick “I understand this cannot be undone” to erase. Nothing was "
                                               + "erased.");
            return "redirect:/me/people";
        }
        services.send(JOURNAL, "DELETE", "/api/clients/{me}/journal/persons/{p}", null, viewer.id(), personId);
        flash.addFlashAttribute("notice", "Erased. Where you wrote their name, your entries now say “a person "
                                          + "removed at your request”; everything else you wrote is as it was.");
        return "redirect:/me/people";
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> persons(Viewer viewer) {
        Object persons = services.object(JOURNAL, "/api/clients/{me}/journal/persons", viewer.id()).get("persons");
        return persons instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /** The names field: one name per line (commas work too); blank lines are dropped, the service checks the rest. */
    static List<String> lines(String names) {
        List<String> list = new ArrayList<>();
        Arrays.stream(names.split("[\\r\\n,]+")).map(String::strip).filter(name -> !name.isEmpty())
              .forEach(list::add);
        return list;
    }

    @SuppressWarnings("unchecked")
    private static String namesText(Map<String, Object> person) {
        Object names = person.get("names");
        return names instanceof List<?> list ? String.join("\n", (List<String>) list) : "";
    }
}
