package org.rekindle.notification.app.query;

import org.rekindle.notification.app.rules.ClientFacts;
import org.rekindle.notification.app.rules.Rule;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Alerts to a coach as the client's consent lets the coach see them now, not as it stood when they were raised: an
 * alert whose rule needs what the client has since withdrawn is not shown (in the feed, the export or its why), and
 * a cause naming a kind of activity the client does not share loses its type. What was emailed stays sent.
 */
@Component
public class ConsentedAlerts {

    private final ClientFactsStore facts;

    ConsentedAlerts(ClientFactsStore facts) {
        this.facts = facts;
    }

    /** For one read: each client's consent is loaded once. Returns null for an alert the coach may not see. */
    public UnaryOperator<NotificationView> forOneRead() {
        Map<String, ClientFacts> byClient = new HashMap<>();
        return view -> {
            Rule rule = Arrays.stream(Rule.values()).filter(r -> r.name().equals(view.rule())).findFirst()
                              .orElse(null);
            if (rule == null || rule.audience() != Rule.Audience.COACH || view.clientId() == null) {
                return view;
            }
            ClientFacts client = byClient.computeIfAbsent(view.clientId(), id -> facts.load(id).facts());
            if (!client.allows(rule)) {
                return null;
            }
            return view.withCauses(view.causes().stream().map(cause -> shared(client, cause)).toList());
        };
    }

    private static NotificationView.CauseView shared(ClientFacts client, NotificationView.CauseView cause) {
        return client.coachMayKnowOf(cause.type()) ? cause : new NotificationView.CauseView(cause.eventId(), null, cause.at(), cause.detail());
    }
}
