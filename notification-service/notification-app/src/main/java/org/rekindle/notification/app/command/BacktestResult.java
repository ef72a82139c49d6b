package org.rekindle.notification.app.command;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** What a proposed rule would have raised for a coach's clients: nothing is sent, nothing is stored. */
public record BacktestResult(int clientsReplayed, int eventsReplayed, int alerts, List<ClientAlerts> byClient) {

    public record ClientAlerts(String clientId, int alerts, List<ProposedRule.Firing> firings) {
    }

    /** Replays each client's events (oldest first) through the rule. */
    public static BacktestResult of(ProposedRule rule, Map<String, List<ClientActivity>> eventsByClient) {
        List<ClientAlerts> byClient = eventsByClient.entrySet().stream()
                .map(entry -> {
                    List<ClientActivity> events = entry.getValue().stream()
                            .sorted(Comparator.comparing(ClientActivity::at)).toList();
                    List<ProposedRule.Firing> firings = rule.replay(events);
                    return new ClientAlerts(entry.getKey(), firings.size(), firings);
                })
                .filter(client -> client.alerts() > 0)
                .sorted(Comparator.comparingInt(ClientAlerts::alerts).reversed().thenComparing(ClientAlerts::clientId))
                .toList();
        int events = eventsByClient.values().stream().mapToInt(List::size).sum();
        return new BacktestResult(eventsByClient.size(), events, byClient.stream().mapToInt(ClientAlerts::alerts).sum(),
                                  byClient);
    }
}
