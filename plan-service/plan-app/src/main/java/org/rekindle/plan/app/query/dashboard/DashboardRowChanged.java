package org.rekindle.plan.app.query.dashboard;

/** A client's row changed; live dashboards of that coach refresh it. */
public record DashboardRowChanged(String coachId, String clientId) {
}
