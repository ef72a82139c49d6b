package org.rekindle.plan.app.web;

import org.rekindle.plan.app.query.PlanQueries;
import org.rekindle.plan.app.query.dashboard.DashboardQueries;
import org.rekindle.platform.security.CurrentUser;
import org.rekindle.platform.security.Role;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;

/**
 * Who may do what with plans and dashboards, in one place (called from method security on every endpoint). A coach
 * assigns plans as themself and changes only their own clients' plans; a client reads their own plan; a coach's
 * dashboard is theirs alone; rebuilding projections and a practice's default breach rules are for its practice admins. An id nobody has answers 404, an id
 * someone else owns 403.
 */
@Component("planAccess")
public class PlanAccess {

    private final PlanQueries plans;
    private final DashboardQueries dashboard;
    private final Clock clock;

    PlanAccess(PlanQueries plans, DashboardQueries dashboard, Clock clock) {
        this.plans = plans;
        this.dashboard = dashboard;
        this.clock = clock;
    }

    public boolean mayAssignAs(String coachId) {
        return isCoach(coachId);
    }

    public boolean mayList(String clientId, String coachId) {
        if (coachId != null) {
            return isCoach(coachId);
        }
        return clientId != null && user().map(u -> u.isClient(clientId) || u.is(Role.COACH)
                && plans.plansWhere("clientId", clientId).stream().anyMatch(p -> u.id().equals(p.coachId())))
                                         .orElse(false);
    }

    public boolean mayRead(String planId) {
        return plans.plan(planId).map(p -> user().map(u -> u.isClient(p.clientId()) || isCoach(p.coachId()))
                                                 .orElse(false))
                                 .orElse(true);
    }

    public boolean mayChange(String planId) {
        return plans.plan(planId).map(p -> isCoach(p.coachId())).orElse(true);
    }

    public boolean mayReadDashboardOf(String coachId) {
        return isCoach(coachId);
    }

    public boolean mayReadRowOf(String clientId) {
        return dashboard.client(clientId, clock.instant()).map(row -> isCoach(row.coachId())).orElse(true);
    }

    /** A practice's default breach rules: read by its coaches and admins, set by its admins. */
    public boolean mayReadPracticeRules(String practiceId) {
        return user().map(u -> practiceId.equals(u.practice()) && (u.is(Role.COACH) || u.is(Role.PRACTICE_ADMIN)))
                     .orElse(false);
    }

    public boolean maySetPracticeRules(String practiceId) {
        return user().map(u -> practiceId.equals(u.practice()) && u.is(Role.PRACTICE_ADMIN)).orElse(false);
    }

    public boolean mayAdminister() {
        return user().map(u -> u.is(Role.PRACTICE_ADMIN)).orElse(false);
    }

    private static boolean isCoach(String coachId) {
        return user().map(u -> u.is(Role.COACH) && u.id().equals(coachId)).orElse(false);
    }

    private static Optional<CurrentUser> user() {
        return CurrentUser.get();
    }
}
