package org.rekindle.notification.app.engine;

import org.bson.Document;
import org.rekindle.notification.app.query.ClientFactsStore.Stored;
import org.rekindle.notification.app.query.ClientFactsStore;
import org.rekindle.notification.app.query.DeliveryLog;
import org.rekindle.notification.app.query.NotificationStore;
import org.rekindle.notification.app.query.PreferencesStore;
import org.rekindle.notification.app.query.SavedRuleStore;
import org.rekindle.notification.app.query.SessionCalendarStore;
import org.rekindle.notification.app.rules.Check;
import org.rekindle.notification.app.rules.ClientActivity;
import org.rekindle.notification.app.rules.ClientFacts;
import org.rekindle.notification.app.rules.Decision;
import org.rekindle.notification.app.rules.Notice;
import org.rekindle.notification.app.rules.NotificationRules;
import org.rekindle.platform.schedule.WorkSchedule;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * Runs the rules for one client at a time: load the client's facts, decide, store facts and outbox in one write
 * (retrying if another thread wrote first), then act on the outbox: raise notices, schedule checks. Every step is
 * idempotent, so a redelivered event or a re-run check changes nothing.
 */
@Component
public class NotificationEngine {

    private static final int MAX_CONFLICTS = 50;

    private final NotificationRules rules = new NotificationRules();
    private final ClientFactsStore facts;
    private final PreferencesStore preferences;
    private final Notifier notifier;
    private final WorkSchedule schedule;
    private final Clock clock;

    private final NotificationStore notifications;
    private final DeliveryLog deliveries;
    private final SavedRuleStore savedRules;
    private final SessionCalendarStore sessionCalendars;

    NotificationEngine(ClientFactsStore facts, PreferencesStore preferences, Notifier notifier, WorkSchedule schedule,
                       Clock clock, NotificationStore notifications, DeliveryLog deliveries,
                       SavedRuleStore savedRules, SessionCalendarStore sessionCalendars) {
        this.savedRules = savedRules;
        this.sessionCalendars = sessionCalendars;
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.facts = facts;
        this.preferences = preferences;
        this.notifier = notifier;
        this.schedule = schedule;
        this.clock = clock;
    }

    public void on(String clientId, ClientActivity activity) {
        decide(clientId, stored -> stored.facts().hasSeen(activity.eventId()) ? null
                : rules.on(stored.facts(), activity, clock.instant(), () -> preferences.of(clientId),
                           savedRules.of(stored.facts().coachId())));
    }

    /**
     * The client erased their journal: what was kept of it goes (facts, notifications about them and their delivery
     * logs, their sessions in calendar feeds), and nothing scheduled for them runs any more.
     */
    public void erase(String clientId) {
        ClientFacts kept = facts.load(clientId).facts().afterErasure();
        facts.delete(clientId);
        if (kept.coachSees() != null) {
            facts.save(clientId, 0, kept, List.of(), List.of());
        }
        List<String> notifications = this.notifications.deleteAbout(clientId);
        deliveries.deleteFor(notifications);
        schedule.cancelWhere("clientId", clientId);
        notifications.forEach(id -> schedule.cancelWhere("id", id));
        sessionCalendars.eraseClient(clientId);
    }

    public void check(String clientId, Check check) {
        decide(clientId, stored -> rules.check(stored.facts(), check, clock.instant(), preferences.of(clientId)));
    }

    private void decide(String clientId, Function<Stored, Decision> rule) {
        for (int attempt = 0; attempt < MAX_CONFLICTS; attempt++) {
            Stored stored = facts.load(clientId);
            if (stored.hasOutbox()) {
                act(stored.notices(), stored.checks(), stored);
                facts.clearOutbox(clientId, stored.version());
                continue;
            }
            Decision decision = rule.apply(stored);
            if (decision == null) {
                return;
            }
            if (facts.save(clientId, stored.version(), decision.facts(), decision.notices(), decision.checks())) {
                act(decision.notices(), decision.checks(), new Stored(decision.facts(), stored.version() + 1,
                                                                     decision.notices(), decision.checks()));
                facts.clearOutbox(clientId, stored.version() + 1);
                return;
            }
        }
        throw new IllegalStateException("client " + clientId + " kept changing under " + MAX_CONFLICTS + " attempts");
    }

    private void act(List<Notice> notices, List<Check> checks, Stored stored) {
        notices.forEach(notice -> notifier.raise(notice, stored.facts().coachId(), stored.facts().timezone()));
        for (Check check : checks) {
            schedule.schedule(check.key(), NotificationWork.RULE_CHECK, check.dueAt(),
                              new Document("clientId", check.clientId()).append("key", check.key())
                                      .append("kind", check.kind().name())
                                      .append("params", new Document(check.params())));
            String superseded = check.params().get(Check.SUPERSEDES);
            if (superseded != null) {
                schedule.cancel(superseded);
            }
        }
    }
}
