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
import org.rekindle.notification.app.rules.Preferences;
import org.rekindle.notification.app.rules.SavedRule;
import org.rekindle.platform.schedule.WorkSchedule;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

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
        on(clientId, List.of(activity));
    }

    /**
     * The client's activities in the order they happened, decided as one: the facts are loaded and stored once, and
     * the outbox holds what acting on each in turn would have left (see {@link Decision#then}). Activities already
     * seen are skipped, so a redelivered batch changes nothing.
     */
    public void on(String clientId, List<ClientActivity> activities) {
        decide(clientId, stored -> {
            Map<String, List<SavedRule>> savedRulesOf = new HashMap<>();
            Supplier<Preferences> client = memoized(() -> preferences.of(clientId));
            Decision decided = null;
            ClientFacts facts = stored.facts();
            for (ClientActivity activity : activities) {
                if (facts.hasSeen(activity.eventId())) {
                    continue;
                }
                Decision next = rules.on(facts, activity, clock.instant(), client,
                                         savedRulesOf.computeIfAbsent(facts.coachId(), savedRules::of));
                decided = decided == null ? next : decided.then(next);
                facts = next.facts();
            }
            return decided;
        });
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        Map<Boolean, T> once = new HashMap<>(1);
        return () -> once.computeIfAbsent(Boolean.TRUE, ignored -> supplier.get());
    }

    /**
     * The client erased their journal: what was kept of it goes (facts, notifications about them and their delivery
     * logs, their sessions in calendar feeds), and nothing scheduled for them runs any more.
     */
    public void erase(String clientId) {
        // What is scheduled goes first, so nothing starts on what is being deleted (a delivery already running
        // finds its notification gone and takes out what it wrote: NotificationStore.markDelivered).
        schedule.cancelWhere("clientId", clientId);
        schedule.cancelWhereIn("id", this.notifications.idsAbout(clientId));
        ClientFacts kept = facts.load(clientId).facts().afterErasure();
        facts.delete(clientId);
        if (kept.coachSees() != null) {
            facts.save(clientId, 0, kept, List.of(), List.of());
        }
        deliveries.deleteFor(this.notifications.deleteAbout(clientId));
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
