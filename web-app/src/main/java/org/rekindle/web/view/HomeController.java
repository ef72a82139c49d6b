package org.rekindle.web.view;

import org.rekindle.web.api.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Each person starts where their work is. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(@ModelAttribute("viewer") Viewer viewer) {
        if (viewer.isCoach()) {
            return "redirect:/coach";
        }
        if (viewer.isClient()) {
            return "redirect:/me";
        }
        return viewer.isAdmin() ? "redirect:/admin" : "no-role";
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "signed-out";
    }
}
