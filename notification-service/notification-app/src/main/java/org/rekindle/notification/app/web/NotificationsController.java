package org.rekindle.notification.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.rekindle.notification.app.query.ConsentedAlerts;
import org.rekindle.notification.app.query.DeliveryLog;
import org.rekindle.notification.app.query.NotificationStore;
import org.rekindle.notification.app.query.NotificationView;
import org.rekindle.platform.command.UnknownEntityException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping(path = "/api/notifications/{notificationId}", produces = "application/json")
@Tag(name = "Notifications", description = "Why a notification was sent, and what happened to each delivery")
class NotificationsController {

    private final NotificationStore notifications;
    private final DeliveryLog deliveries;
    private final ConsentedAlerts consented;

    NotificationsController(NotificationStore notifications, DeliveryLog deliveries, ConsentedAlerts consented) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.consented = consented;
    }

    @GetMapping
    @Operation(summary = "The notification with its why (rule, meaning, causing events) and its delivery log")
    @PreAuthorize("@notificationAccess.mayRead(#notificationId)")
    Explained explain(@PathVariable @Pattern(regexp = FeedController.NOTIFICATION_ID) String notificationId) {
        NotificationView notification = notifications.find(notificationId).map(consented.forOneRead())
                .orElseThrow(() -> new UnknownEntityException("notification", notificationId));
        return new Explained(notification, deliveries.of(notificationId));
    }
}
