package org.rekindle.web.view;

import org.rekindle.web.api.Services;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.rekindle.web.api.Services.Service.NOTIFICATION;

/**
 * What a coach does with an alert, from any page that shows it: acknowledge it, or snooze it for a number of days.
 * notification-service decides whether the alert is theirs and whether the snooze is acceptable.
 */
@Component
public class AlertActions {

    private final Services services;

    AlertActions(Services services) {
        this.services = services;
    }

    /** Returns the notice for the page. */
    public String acknowledge(String viewerId, String notificationId) {
        services.post(NOTIFICATION, "/api/feed/{me}/{id}/acknowledge", null, viewerId, notificationId);
        return "Alert acknowledged: it stays in your history.";
    }

    /** Days outside 1–30 are sent as no instant at all, so the service names the field ("until") in its refusal. */
    public String snooze(String viewerId, String notificationId, int days) {
        Map<String, Object> body = new HashMap<>();
        body.put("until", days >= 1 && days <= 30 ? Instant.now().plus(Duration.ofDays(days)).toString() : null);
        services.post(NOTIFICATION, "/api/feed/{me}/{id}/snooze", body, viewerId, notificationId);
        return days == 1 ? "Alert snoozed until tomorrow." : "Alert snoozed for " + days + " days.";
    }
}
