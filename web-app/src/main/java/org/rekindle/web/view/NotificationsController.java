package org.rekindle.web.view;

import org.rekindle.web.api.People;
import org.rekindle.web.api.Services;
import org.rekindle.web.api.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.HashMap;
import java.util.Map;

import static org.rekindle.web.api.Services.Service.NOTIFICATION;

/** Everyone's notifications: alerts for coaches, reminders for clients, each with why it was sent. */
@Controller
class NotificationsController {

    private final Services services;
    private final AlertActions alertActions;
    private final People people;

    NotificationsController(Services services, AlertActions alertActions, People people) {
        this.services = services;
        this.alertActions = alertActions;
        this.people = people;
    }

    @GetMapping("/notifications")
    String feed(@ModelAttribute("viewer") Viewer viewer, Model model) {
        model.addAttribute("notifications", services.list(NOTIFICATION, "/api/feed/{me}?limit=100", viewer.id())
                                                    .stream().map(people::named).toList());
        model.addAttribute("preferences", services.object(NOTIFICATION, "/api/preferences/{me}", viewer.id()));
        return "notifications";
    }

    /**
     * Sets the address emails go to, keeping every other preference as it was (the API replaces them all). Without
     * an address nothing is emailed, and the page says so as a problem to fix rather than skipping in silence.
     */
    @PostMapping("/notifications/email")
    String email(@ModelAttribute("viewer") Viewer viewer, @RequestParam(defaultValue = "") String email,
                 RedirectAttributes flash) {
        Map<String, Object> chosen = new HashMap<>(services.object(NOTIFICATION, "/api/preferences/{me}", viewer.id()));
        chosen.remove("userId");
        chosen.put("email", email.isBlank() ? null : email.trim());
        services.send(NOTIFICATION, "PUT", "/api/preferences/{me}", chosen, viewer.id());
        flash.addFlashAttribute("notice", email.isBlank() ? "Email address removed: nothing will be emailed to you."
                                                          : "Emails will go to " + email.trim() + ".");
        return "redirect:/notifications";
    }

    /**
     * The link in a notification's email: marks it read and opens the page it is about ({@link NotificationPage}).
     * Only its recipient gets there; anyone else gets notification-service's refusal.
     */
    @GetMapping("/notifications/{notificationId}")
    String open(@ModelAttribute("viewer") Viewer viewer, @PathVariable String notificationId) {
        @SuppressWarnings("unchecked") // the notification beside its delivery log
        Map<String, Object> notification = (Map<String, Object>) services.object(
                NOTIFICATION, "/api/notifications/{id}", notificationId).get("notification");
        if (notification.get("readAt") == null && viewer.id().equals(notification.get("recipientId"))) {
            services.post(NOTIFICATION, "/api/feed/{me}/{id}/read", null, viewer.id(), notificationId);
        }
        return "redirect:" + NotificationPage.of(notification, viewer);
    }

    @PostMapping("/notifications/{notificationId}/read")
    String read(@ModelAttribute("viewer") Viewer viewer, @PathVariable String notificationId) {
        services.post(NOTIFICATION, "/api/feed/{me}/{id}/read", null, viewer.id(), notificationId);
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/{notificationId}/acknowledge")
    String acknowledge(@ModelAttribute("viewer") Viewer viewer, @PathVariable String notificationId,
                       RedirectAttributes flash) {
        flash.addFlashAttribute("notice", alertActions.acknowledge(viewer.id(), notificationId));
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/{notificationId}/snooze")
    String snooze(@ModelAttribute("viewer") Viewer viewer, @PathVariable String notificationId,
                  @RequestParam(defaultValue = "1") int days, RedirectAttributes flash) {
        flash.addFlashAttribute("notice", alertActions.snooze(viewer.id(), notificationId, days));
        return "redirect:/notifications";
    }
}
