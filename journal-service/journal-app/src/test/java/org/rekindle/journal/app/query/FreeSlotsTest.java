package org.rekindle.journal.app.query;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Free slots: the weekly rule in the coach's zone, minus days off, clock-change gaps, the past and booked time. */
class FreeSlotsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final List<FreeSlots.Weekly> SUNDAYS_2_30_AND_10 = List.of(
            new FreeSlots.Weekly(DayOfWeek.SUNDAY, LocalTime.of(2, 30)),
            new FreeSlots.Weekly(DayOfWeek.SUNDAY, LocalTime.of(10, 0)));

    @Test
    void theSlotsOfEachWeekAreInstantsOfTheCoachsLocalTimeAcrossAClockChange() {
        // Sunday 2027-03-28: Berlin skips 02:00-03:00 (02:30 does not exist) and moves from UTC+1 to UTC+2.
        List<FreeSlotsView.FreeSlot> free = FreeSlots.between(
                BERLIN, 50, SUNDAYS_2_30_AND_10, Set.of(), List.of(), Instant.parse("2027-03-20T00:00:00Z"),
                Instant.parse("2027-04-01T00:00:00Z"));
        assertThat(free).extracting(FreeSlotsView.FreeSlot::start).containsExactly(
                Instant.parse("2027-03-21T01:30:00Z"), Instant.parse("2027-03-21T09:00:00Z"),
                Instant.parse("2027-03-28T08:00:00Z"));
        assertThat(free.get(2).localTime()).isEqualTo(LocalTime.of(10, 0));
        assertThat(free.get(2).localDate()).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(free.get(2).dayOfWeek()).isEqualTo("SUNDAY");
        assertThat(free.get(2).end()).isEqualTo(Instant.parse("2027-03-28T08:50:00Z"));
    }

    @Test
    void daysOffThePastAndBookedOrOverlappingTimeAreNotFree() {
        Instant now = Instant.parse("2027-03-21T05:00:00Z"); // after the first Sunday's 02:30
        List<FreeSlots.Busy> busy = List.of(new FreeSlots.Busy(Instant.parse("2027-03-21T08:30:00Z"),
                                                               Instant.parse("2027-03-21T09:10:00Z")));
        List<FreeSlotsView.FreeSlot> free = FreeSlots.between(
                BERLIN, 50, SUNDAYS_2_30_AND_10, Set.of(LocalDate.of(2027, 3, 28)), busy, now,
                Instant.parse("2027-04-05T00:00:00Z"));
        assertThat(free).extracting(FreeSlotsView.FreeSlot::start)
                        .containsExactly(Instant.parse("2027-04-04T00:30:00Z"), Instant.parse("2027-04-04T08:00:00Z"));
    }
}
