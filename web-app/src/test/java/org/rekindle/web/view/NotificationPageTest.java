package org.rekindle.web.view;

import org.junit.jupiter.api.Test;
import org.rekindle.web.api.Viewer;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationPageTest {

    private static final Viewer COACH = new Viewer("coach-maya", Set.of("COACH"), null);
    private static final Viewer CLIENT = new Viewer("client-sam", Set.of("CLIENT"), "coach-maya");
    private static final Viewer ADMIN = new Viewer("admin-harbour", Set.of("PRACTICE_ADMIN"), null);

    private static Map<String, Object> notification(String rule, String kind) {
        return Map.of("id", "n1", "rule", rule, "kind", kind, "clientId", "client-sam");
    }

    @Test
    void aMessageOpensTheConversationOnEitherSide() {
        assertThat(NotificationPage.of(notification("MESSAGE_FROM_CLIENT", "ALERT"), COACH))
                .isEqualTo("/coach/clients/client-sam/messages");
        assertThat(NotificationPage.of(notification("MESSAGE_FROM_COACH", "REMINDER"), CLIENT)).isEqualTo("/me/messages");
    }

    @Test
    void aCoachsAlertOpensTheClientsPageAndAClientsReminderOpensToday() {
        assertThat(NotificationPage.of(notification("BREACH_BY_CLIENT", "ALERT"), COACH))
                .isEqualTo("/coach/clients/client-sam");
        assertThat(NotificationPage.of(notification("SAFETY_CONCERN", "ALERT"), COACH))
                .isEqualTo("/coach/clients/client-sam");
        assertThat(NotificationPage.of(notification("DAILY_CHECK_IN", "REMINDER"), CLIENT)).isEqualTo("/me");
    }

    @Test
    void aSessionOpensTheCoachsCalendarAtThatClientOrTheClientsSessions() {
        assertThat(NotificationPage.of(notification("SESSION_BOOKED", "ALERT"), COACH))
                .isEqualTo("/coach/calendar?client=client-sam");
        assertThat(NotificationPage.of(notification("SESSION_REMINDER_TO_COACH", "ALERT"), COACH))
                .isEqualTo("/coach/calendar?client=client-sam");
        assertThat(NotificationPage.of(notification("SESSION_CANCELLED_BY_COACH", "REMINDER"), CLIENT))
                .isEqualTo("/me/sessions");
        assertThat(NotificationPage.of(notification("SESSION_REMINDER_TO_CLIENT", "REMINDER"), CLIENT))
                .isEqualTo("/me/sessions");
    }

    @Test
    void anEscalationToTheAdminOpensTheFeedAtIt() {
        assertThat(NotificationPage.of(notification("SAFETY_CONCERN_ESCALATED", "ALERT"), ADMIN))
                .isEqualTo("/notifications#n-n1");
        assertThat(NotificationPage.of(notification("SAFETY_CONCERN_ESCALATED", "ALERT"), COACH))
                .isEqualTo("/notifications#n-n1");
    }
}
