package org.rekindle.web.view;

import org.rekindle.web.api.Viewer;

import java.util.Map;

/**
 * Where the link in a notification's email takes its reader: the page the notification is about. A message opens
 * the conversation; a booked session the coach's calendar (that client's sessions) or the client's Sessions page; a
 * coach's alert about a client opens that client's page (its alerts, "Reply to this"); a client's reminder opens
 * Today. Anything else (an escalation to the practice admin, a client no longer the coach's)
 * opens the feed at that notification.
 */
final class NotificationPage {

    private NotificationPage() {
    }

    static String of(Map<String, Object> notification, Viewer viewer) {
        String rule = String.valueOf(notification.get("rule"));
        Object clientId = notification.get("clientId");
        if ("MESSAGE_FROM_COACH".equals(rule) && viewer.isClient()) {
            return "/me/messages";
        }
        if (rule.startsWith("SESSION_")) {
            if (viewer.isClient()) {
                return "/me/sessions";
            }
            if (viewer.isCoach() && clientId != null) {
                return "/coach/calendar?client=" + Paths.encode(clientId.toString());
            }
        }
        if (viewer.isCoach() && clientId != null && ("MESSAGE_FROM_CLIENT".equals(rule)
                                                      || "ALERT".equals(notification.get("kind"))
                                                         && !"SAFETY_CONCERN_ESCALATED".equals(rule))) {
            return "/coach/clients/" + clientId + ("MESSAGE_FROM_CLIENT".equals(rule) ? "/messages" : "");
        }
        if ("REMINDER".equals(notification.get("kind")) && viewer.isClient()) {
            return "/me";
        }
        return "/notifications#n-" + notification.get("id");
    }
}
