package org.rekindle.plan.app.query.dashboard;

/**
 * A client's row changed (and was stored); live dashboards of that coach push it. It carries the row as folded, so
 * pushing it reads nothing back from the store.
 */
public record DashboardRowChanged(String coachId, String clientId, DashboardRow row) {
}
