package org.rekindle.web.coach;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAlertTest {

    private static Map<String, Object> explained(String id, String state, String emailReason) {
        return Map.of("notification", Map.of("id", id, "state", state),
                      "deliveries", List.of(Map.of("channel", "FEED", "state", "SENT"),
                                            emailReason == null ? Map.of("channel", "EMAIL", "state", "SENT")
                                                                : Map.of("channel", "EMAIL", "state", "SKIPPED",
                                                                         "reason", emailReason)));
    }

    @Test
    void alertsNeedingTheCoachComeFirstKeepingNewestFirstWithinEachState() {
        List<ClientAlert> alerts = ClientAlert.inOrder(Map.of("alerts", List.of(
                explained("a", "ACKNOWLEDGED", null), explained("b", "NEEDS_YOU", null),
                explained("c", "SNOOZED", null), explained("d", "NEEDS_YOU", null))));
        assertThat(alerts).extracting(a -> a.notification().get("id")).containsExactly("b", "d", "c", "a");
    }

    @Test
    void anAlertNotEmailedForWantOfAnAddressSaysSo() {
        List<ClientAlert> alerts = ClientAlert.inOrder(Map.of("alerts", List.of(
                explained("a", "NEEDS_YOU", "no email address on file"),
                explained("b", "NEEDS_YOU", "the recipient opted out of email"), explained("c", "NEEDS_YOU", null))));
        assertThat(alerts).extracting(ClientAlert::notEmailed).containsExactly(true, false, false);
    }
}
