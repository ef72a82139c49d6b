package org.rekindle.notification.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.rekindle.notification.app.query.ConsentedAlerts;
import org.rekindle.notification.app.query.DeliveryLog;
import org.rekindle.notification.app.query.NotificationStore;
import org.rekindle.notification.app.query.NotificationView;
import org.rekindle.notification.app.rules.AlertState;
import org.rekindle.platform.command.InvalidCommandException;
import org.rekindle.platform.command.UnknownEntityException;
import org.rekindle.platform.web.LiveStreams;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

@RestController
@RequestMapping(path = "/api/feed/{userId}")
@Tag(name = "Feed", description = "A user's in-app notifications: list, mark read, acknowledge or snooze an alert, live")
class FeedController {

    static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final String NOTIFICATION_ID = "[0-9a-f-]{36}";

    private final NotificationStore notifications;
    private final DeliveryLog deliveries;
    private final LiveStreams live;
    private final ConsentedAlerts consented;
    private final Clock clock;

    FeedController(NotificationStore notifications, DeliveryLog deliveries, LiveStreams live,
                   ConsentedAlerts consented, Clock clock) {
        this.notifications = notifications;
        this.consented = consented;
        this.deliveries = deliveries;
        this.live = live;
        this.clock = clock;
    }

    @GetMapping(produces = "application/json")
    @Operation(summary = "The user's notifications, newest first (unread=true: only unread)")
    @PreAuthorize("@notificationAccess.isSelf(#userId)")
    List<NotificationView> feed(@PathVariable @Pattern(regexp = ID) String userId,
                                @RequestParam(defaultValue = "false") boolean unread,
                                @RequestParam(defaultValue = "false") boolean needsYou,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return notifications.feed(userId, unread, needsYou, limit, consented.forOneRead());
    }

    @GetMapping(path = "/export", produces = "application/json")
    @Operation(summary = "Everything raised for the user (in the feed or by email, delivered or still waiting), "
                         + "newest first, each with its why and delivery log: their part of a data export")
    @PreAuthorize("@notificationAccess.isSelf(#userId)")
    List<Explained> export(@PathVariable @Pattern(regexp = ID) String userId) {
        return notifications.allFor(userId, consented.forOneRead()).stream()
                            .map(n -> new Explained(n, deliveries.of(n.id()))).toList();
    }

    @PostMapping("/{notificationId}/read")
    @Operation(summary = "Mark one of the user's notifications read")
    @PreAuthorize("@notificationAccess.isSelf(#userId)")
    ResponseEntity<Void> read(@PathVariable @Pattern(regexp = ID) String userId,
                              @PathVariable @Pattern(regexp = NOTIFICATION_ID) String notificationId) {
        if (!notifications.markRead(userId, notificationId, clock.instant())) {
            throw new UnknownEntityException("notification of " + userId, notificationId);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{notificationId}/acknowledge")
    @Operation(summary = "Acknowledge one of the user's alerts: it leaves what needs them and stays in their history")
    @PreAuthorize("@notificationAccess.isSelf(#userId)")
    ResponseEntity<Void> acknowledge(@PathVariable @Pattern(regexp = ID) String userId,
                                     @PathVariable @Pattern(regexp = NOTIFICATION_ID) String notificationId) {
        if (!notifications.acknowledge(userId, notificationId, clock.instant())) {
            throw new UnknownEntityException("alert of " + userId, notificationId);
        }
        return ResponseEntity.noContent().build();
    }

    record Snooze(Instant until) {
    }

    @PostMapping(path = "/{notificationId}/snooze", consumes = "application/json")
    @Operation(summary = "Snooze one of the user's alerts until an instant (at most 30 days ahead): it leaves what "
                         + "needs them until then, e.g. {\"until\":\"2026-12-04T09:00:00Z\"}")
    @PreAuthorize("@notificationAccess.isSelf(#userId)")
    ResponseEntity<Void> snooze(@PathVariable @Pattern(regexp = ID) String userId,
                                @PathVariable @Pattern(regexp = NOTIFICATION_ID) String notificationId,
                                @RequestBody Snooze body) {
        AlertState.snoozeRefusal(body.until(), clock.instant()).ifPresent(reason -> {
            throw new InvalidCommandException("until", reason);
        });
        if (!notifications.snooze(userId, notificationId, body.until())) {
            throw new UnknownEntityException("alert of " + userId, notificationId);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/stream", produces = "text/event-stream")
    @Operation(summary = "Server-sent events: each new notification (event: notification) as it is delivered")
    @PreAuthorize("@notificationAccess.isSelf(#userId)")
    SseEmitter stream(@PathVariable @Pattern(regexp = ID) String userId) {
        return live.open(userId);
    }
}
