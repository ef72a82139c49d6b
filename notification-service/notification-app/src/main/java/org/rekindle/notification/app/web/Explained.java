package org.rekindle.notification.app.web;

import org.rekindle.notification.app.query.DeliveryLog;
import org.rekindle.notification.app.query.NotificationView;

import java.util.List;

/** A notification with its why and every attempt to deliver it. */
record Explained(NotificationView notification, List<DeliveryLog.Attempt> deliveries) {
}
