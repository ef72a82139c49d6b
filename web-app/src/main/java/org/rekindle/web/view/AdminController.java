package org.rekindle.web.view;

import org.rekindle.web.api.Services;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.rekindle.web.api.Services.Service.PLAN;

/** The practice admin: looks after the platform (rebuilding the dashboards from events) and reads no journal. */
@Controller
class AdminController {

    private final Services services;

    AdminController(Services services) {
        this.services = services;
    }

    @GetMapping("/admin")
    String admin() {
        return "admin";
    }

    @PostMapping("/admin/projections/{name:[a-z-]+}/rebuild")
    String rebuild(@PathVariable String name, RedirectAttributes flash) {
        services.post(PLAN, "/api/admin/projections/{name}/rebuild", null, name);
        flash.addFlashAttribute("notice", "Rebuilding '" + name + "' from the event history; dashboards fill again "
                                          + "within moments.");
        return "redirect:/admin";
    }
}
