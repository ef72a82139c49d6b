package org.rekindle.web.view;

import org.rekindle.web.api.Services;
import org.rekindle.web.api.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import static org.rekindle.web.api.Services.Service.NOTIFICATION;

/** Everyone's notifications: alerts for coaches, reminders for clients, each with why it was sent. */
@Controller
class NotificationsController {

    private final Services services;

    NotificationsController(Services services) {
        this.services = services;
    }

    @GetMapping("/notifications")
    String feed(@ModelAttribute("viewer") Viewer viewer, Model model) {
        model.addAttribute("notifications", services.list(NOTIFICATION, "/api/feed/{me}?limit=100", viewer.id()));
        return "notifications";
    }

    @PostMapping("/notifications/{notificationId}/read")
    String read(@ModelAttribute("viewer") Viewer viewer, @PathVariable String notificationId) {
        services.post(NOTIFICATION, "/api/feed/{me}/{id}/read", null, viewer.id(), notificationId);
        return "redirect:/notifications";
    }
}
