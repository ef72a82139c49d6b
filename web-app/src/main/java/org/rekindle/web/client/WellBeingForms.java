package org.rekindle.web.client;

import org.rekindle.web.api.Services;
import org.rekindle.web.api.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.rekindle.web.api.Services.Service.JOURNAL;

/** The client's weekly WHO-5 answers: five radio groups {@code item0} to {@code item4}, 0-5 each. */
@Controller
@RequestMapping("/me")
class WellBeingForms {

    private final Services services;
    private final MeController pages;

    WellBeingForms(Services services, MeController pages) {
        this.services = services;
        this.pages = pages;
    }

    @PostMapping("/well-being")
    String checkIn(@ModelAttribute("viewer") Viewer viewer, @RequestParam Map<String, String> form,
                   RedirectAttributes flash) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(form.get("item" + i)); // a missing answer goes as null: the journal names the item
        }
        Map<String, Object> body = new HashMap<>();
        body.put("items", items);
        body.put("zone", MeController.zoneOf(pages.activePlan(viewer)).getId());
        Map<String, Object> saved = services.post(JOURNAL, "/api/clients/{me}/journal/well-being-check-ins", body,
                                                  viewer.id());
        flash.addFlashAttribute("notice", "This week's WHO-5 is saved: " + saved.get("percentage") + " % ("
                                          + saved.get("rawScore") + " of 25). Thank you.");
        return "redirect:/me#well-being";
    }
}
