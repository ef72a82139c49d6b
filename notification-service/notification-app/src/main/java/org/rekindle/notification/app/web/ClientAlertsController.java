package org.rekindle.notification.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.rekindle.notification.app.query.ConsentedAlerts;
import org.rekindle.notification.app.query.DeliveryLog;
import org.rekindle.notification.app.query.NotificationStore;
import org.rekindle.notification.app.query.PreferencesStore;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping(path = "/api/coaches/{coachId}/clients/{clientId}/alerts", produces = "application/json")
@Tag(name = "Client alerts", description = "A coach's alerts about one of their clients, and whether email reaches")
class ClientAlertsController {

    /**
     * The coach's alerts about the client, newest first, each with its why and delivery log; whether the client and
     * the coach have an email address on file (without one, reminders to the client and alerts to the coach arrive
     * in the app only: a problem for the coach to fix or raise, never the address itself).
     */
    record ClientAlerts(List<Explained> alerts, boolean clientEmailOnFile, boolean coachEmailOnFile) {
    }

    private final NotificationStore notifications;
    private final DeliveryLog deliveries;
    private final ConsentedAlerts consented;
    private final PreferencesStore preferences;

    ClientAlertsController(NotificationStore notifications, DeliveryLog deliveries, ConsentedAlerts consented,
                           PreferencesStore preferences) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.consented = consented;
        this.preferences = preferences;
    }

    @GetMapping
    @Operation(summary = "The coach's alerts about one client of theirs (any state), with why and delivery log")
    @PreAuthorize("@notificationAccess.coachesClient(#coachId, #clientId)")
    ClientAlerts alerts(@PathVariable @Pattern(regexp = FeedController.ID) String coachId,
                        @PathVariable @Pattern(regexp = FeedController.ID) String clientId) {
        List<Explained> alerts = notifications.aboutClient(coachId, clientId, consented.forOneRead()).stream()
                .map(n -> new Explained(n, deliveries.of(n.id()))).toList();
        return new ClientAlerts(alerts, preferences.of(clientId).email() != null,
                                preferences.of(coachId).email() != null);
    }
}
