package org.rekindle.web.view;

import org.junit.jupiter.api.Test;
import org.rekindle.web.api.ServiceProblem;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The coach's availability form and the slots the calendar page offers to move a session to. */
class SessionFormsTest {

    @Test
    void availabilityIsReadPerDayAndABadTimeIsRefusedNamingTheDay() {
        AvailabilityForm form = AvailabilityForm.parse(Map.of("zone", " Europe/London ", "minutes", "50",
                                                              "starts-MONDAY", "09:00, 10:00", "starts-FRIDAY",
                                                              "16:30"));
        assertThat(form.zone()).isEqualTo("Europe/London");
        assertThat(form.minutes()).isEqualTo(50);
        assertThat(form.slotsBody()).containsExactly(Map.of("day", "MONDAY", "start", "09:00"),
                                                     Map.of("day", "MONDAY", "start", "10:00"),
                                                     Map.of("day", "FRIDAY", "start", "16:30"));
        assertThatThrownBy(() -> AvailabilityForm.parse(Map.of("zone", "UTC", "minutes", "50",
                                                               "starts-TUESDAY", "9am")))
                .isInstanceOfSatisfying(ServiceProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.getMessage()).contains("Tuesday").contains("\"9am\" is not a time like 09:00");
                    assertThat(p.fieldErrors()).containsExactly("starts-TUESDAY: \"9am\" is not a time like 09:00");
                });
        assertThatThrownBy(() -> AvailabilityForm.parse(Map.of("minutes", "fifty")))
                .isInstanceOfSatisfying(ServiceProblem.class, p -> assertThat(p.fieldErrors())
                        .containsExactly("minutes: must be a whole number of minutes"));
    }

    @Test
    void theFormShowsTheRuleAsSaved() {
        AvailabilityForm form = AvailabilityForm.of(Map.of("zone", "Europe/Lisbon", "minutes", 45, "slots", List.of(
                Map.of("day", "MONDAY", "start", "09:00"), Map.of("day", "MONDAY", "start", "10:00:00"))));
        assertThat(form.starts("MONDAY")).isEqualTo("09:00, 10:00");
        assertThat(form.starts("SUNDAY")).isEmpty();
        assertThat(form.minutes()).isEqualTo(45);
    }

    @Test
    void aCoachCanMoveASessionToAnOfferedFreeFutureSlotNotOnADayOff() {
        // Thursday 10 Dec 2026, 12:00 UTC; London is on UTC in December, New York 5 hours behind.
        Instant now = Instant.parse("2026-12-10T12:00:00Z");
        Map<String, Object> calendar = Map.of(
                "zone", "America/New_York", "minutes", 50,
                "slots", List.of(Map.of("day", "THURSDAY", "start", "06:00"), Map.of("day", "THURSDAY", "start", "09:00"),
                                 Map.of("day", "FRIDAY", "start", "09:00")),
                "exceptions", List.of("2026-12-11"),
                "upcoming", List.of(Map.of("start", "2026-12-17T14:00:00Z", "status", "BOOKED")));
        List<SessionSlots.Choice> choices = SessionSlots.forCoach(calendar, now, 2);
        assertThat(choices).extracting(SessionSlots.Choice::start).containsExactly(
                "2026-12-10T14:00:00Z",   // today 09:00 New York (06:00 is past)
                "2026-12-17T11:00:00Z",   // next Thursday 06:00 (09:00 is booked; Friday 11th is a day off)
                "2026-12-18T14:00:00Z");  // Friday 18th 09:00
        assertThat(choices.get(0).label()).isEqualTo("Thu 10 Dec 2026, 09:00");
        assertThat(SessionSlots.forCoach(Map.of("slots", List.of()), now, 2)).isEmpty();
    }
}
