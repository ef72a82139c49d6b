package org.rekindle.notification.app.web;

import org.rekindle.notification.app.query.ClientFactsStore;
import org.rekindle.notification.app.query.NotificationStore;
import org.rekindle.platform.security.CurrentUser;
import org.rekindle.platform.security.Role;
import org.springframework.stereotype.Component;

/**
 * Who may do what with notifications, in one place (called from method security on every endpoint): a feed and
 * preferences are their user's alone; a notification (its why and delivery log) is its recipient's; a backtest
 * replays the history of the coach who asks, nobody else's, and their saved rules are theirs alone; a client's alerts
 * are read by the coach of that client only.
 */
@Component("notificationAccess")
public class NotificationAccess {

    private final NotificationStore notifications;
    private final ClientFactsStore clients;

    NotificationAccess(NotificationStore notifications, ClientFactsStore clients) {
        this.notifications = notifications;
        this.clients = clients;
    }

    public boolean isSelf(String userId) {
        return CurrentUser.get().map(u -> u.id().equals(userId)).orElse(false);
    }

    public boolean mayRead(String notificationId) {
        return notifications.find(notificationId).map(n -> isSelf(n.recipientId())).orElse(true);
    }

    /** The coach themself: their backtests and saved rules. */
    public boolean mayBacktest(String coachId) {
        return CurrentUser.get().map(u -> u.is(Role.COACH) && u.id().equals(coachId)).orElse(false);
    }

    /** The coach themself, asking about a client whose plan (as last assigned) is theirs. */
    public boolean coachesClient(String coachId, String clientId) {
        return mayBacktest(coachId) && coachId.equals(clients.load(clientId).facts().coachId());
    }
}
