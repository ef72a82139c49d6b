package org.rekindle.web.coach;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One of a coach's alerts about a client, as the client page shows it: the alert (with its why, causes and state)
 * and whether its email was skipped because no address is on file.
 */
public record ClientAlert(Map<String, Object> notification, boolean notEmailed) {

    static final String NO_ADDRESS = "no email address on file";
    private static final List<String> STATES = List.of("NEEDS_YOU", "SNOOZED", "ACKNOWLEDGED");

    /** The alerts of notification-service's answer, those needing the coach first (each state newest first). */
    @SuppressWarnings("unchecked")
    static List<ClientAlert> inOrder(Map<String, Object> answer) {
        List<Map<String, Object>> explained = (List<Map<String, Object>>) answer.getOrDefault("alerts", List.of());
        return explained.stream().map(ClientAlert::of)
                        .sorted(Comparator.comparingInt(a -> STATES.indexOf(String.valueOf(a.notification().get("state")))))
                        .toList();
    }

    @SuppressWarnings("unchecked")
    private static ClientAlert of(Map<String, Object> explained) {
        List<Map<String, Object>> deliveries = (List<Map<String, Object>>) explained.getOrDefault("deliveries",
                                                                                                  List.of());
        boolean notEmailed = deliveries.stream().anyMatch(d -> "EMAIL".equals(d.get("channel"))
                                                               && NO_ADDRESS.equals(d.get("reason")));
        return new ClientAlert((Map<String, Object>) explained.get("notification"), notEmailed);
    }
}
