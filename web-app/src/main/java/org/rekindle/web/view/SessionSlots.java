package org.rekindle.web.view;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The slots a coach can move a session to, from their calendar as journal-service answers it: the weekly rule in the
 * coach's zone, minus days off, booked starts and the past, for the next weeks. Only to offer choices: journal-service
 * decides (a slot taken meanwhile, or one a clock change skips, comes back as its 409 or 400). The client's choices
 * come from journal-service's free slots instead.
 */
public final class SessionSlots {

    /** One choice: {@code start} as posted (an instant) and its words in the coach's zone. */
    public record Choice(String start, String label) {
    }

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm",
                                                                               Locale.ENGLISH);

    private SessionSlots() {
    }

    /** The client's coach's free slots as journal-service answers them, each with its words by {@code label}. */
    @SuppressWarnings("unchecked")
    public static List<Choice> fromFreeSlots(Map<String, Object> free, java.util.function.Function<Object, String> label) {
        if (free == null) {
            return List.of();
        }
        return ((List<Map<String, Object>>) free.getOrDefault("slots", List.of())).stream()
                .map(slot -> new Choice(slot.get("start").toString(), label.apply(slot.get("start")))).toList();
    }

    /** At most {@code weeks} weeks from {@code now}; empty without a rule. */
    @SuppressWarnings("unchecked")
    public static List<Choice> forCoach(Map<String, Object> calendar, Instant now, int weeks) {
        if (calendar == null || calendar.get("zone") == null) {
            return List.of();
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(calendar.get("zone").toString());
        } catch (DateTimeException e) {
            return List.of();
        }
        List<Map<String, Object>> slots = (List<Map<String, Object>>) calendar.getOrDefault("slots", List.of());
        Set<String> daysOff = Set.copyOf((Collection<String>) calendar.getOrDefault("exceptions", List.of()));
        Set<Instant> booked = ((List<Map<String, Object>>) calendar.getOrDefault("upcoming", List.of())).stream()
                .filter(s -> "BOOKED".equals(s.get("status"))).map(s -> Instant.parse(s.get("start").toString()))
                .collect(Collectors.toSet());
        List<Choice> choices = new ArrayList<>();
        LocalDate today = now.atZone(zone).toLocalDate();
        for (LocalDate day = today; day.isBefore(today.plusWeeks(weeks)); day = day.plusDays(1)) {
            if (daysOff.contains(day.toString())) {
                continue;
            }
            for (Map<String, Object> slot : slots) {
                if (DayOfWeek.valueOf(slot.get("day").toString()) != day.getDayOfWeek()) {
                    continue;
                }
                ZonedDateTime local = ZonedDateTime.of(day, LocalTime.parse(slot.get("start").toString()), zone);
                Instant start = local.toInstant();
                if (start.isAfter(now) && !booked.contains(start)) {
                    choices.add(new Choice(start.toString(), LABEL.format(local)));
                }
            }
        }
        choices.sort(java.util.Comparator.comparing(c -> Instant.parse(c.start())));
        return choices;
    }
}
