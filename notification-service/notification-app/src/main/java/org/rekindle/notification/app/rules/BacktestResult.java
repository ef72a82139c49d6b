package org.rekindle.notification.app.rules;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a proposed rule would have raised for a coach's clients: nothing is sent, nothing is stored. Clients whose
 * current consent keeps what the rule reads from the coach are not replayed, only counted ({@code clientsWithheld}).
 */
public record BacktestResult(int clientsReplayed, int clientsWithheld, int eventsReplayed, int alerts,
                             List<ClientAlerts> byClient) {

    public record ClientAlerts(String clientId, int alerts, List<ProposedRule.Firing> firings) {
    }

    /** Replays each client's events (oldest first) through the rule, where the client's consent allows it. */
    public static BacktestResult of(ProposedRule rule, Map<String, List<ClientActivity>> eventsByClient) {
        Map<String, List<ClientActivity>> allowed = new HashMap<>();
        eventsByClient.forEach((client, events) -> {
            List<ClientActivity> ordered = events.stream().sorted(Comparator.comparing(ClientActivity::at)).toList();
            if (ConsentScope.allowsAll(latestConsent(ordered), rule.consent())) {
                allowed.put(client, ordered);
            }
        });
        List<ClientAlerts> byClient = allowed.entrySet().stream()
                .map(entry -> {
                    List<ProposedRule.Firing> firings = rule.replay(entry.getValue());
                    return new ClientAlerts(entry.getKey(), firings.size(), firings);
                })
                .filter(client -> client.alerts() > 0)
                .sorted(Comparator.comparingInt(ClientAlerts::alerts).reversed().thenComparing(ClientAlerts::clientId))
                .toList();
        int events = allowed.values().stream().mapToInt(List::size).sum();
        return new BacktestResult(allowed.size(), eventsByClient.size() - allowed.size(), events,
                                  byClient.stream().mapToInt(ClientAlerts::alerts).sum(), byClient);
    }

    /** The client's choice as it stands now: their last consent event, or null (the default) if they made none. */
    private static List<String> latestConsent(List<ClientActivity> ordered) {
        List<String> latest = null;
        for (ClientActivity event : ordered) {
            if (event instanceof ClientActivity.ConsentChanged changed) {
                latest = changed.coachSees();
            }
        }
        return latest;
    }
}
