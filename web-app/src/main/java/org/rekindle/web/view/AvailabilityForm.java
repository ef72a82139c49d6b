package org.rekindle.web.view;

import org.rekindle.web.api.ServiceProblem;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The coach's weekly availability as a form: a zone, the session length and, per weekday, the local start times
 * ("09:00, 10:00"). Times that are not times are refused here, naming the day (as journal-service names its fields);
 * everything else (overlaps, lengths, zones) journal-service decides and the page shows its answer.
 */
public record AvailabilityForm(String zone, Integer minutes, Map<DayOfWeek, String> startsByDay) {

    public static final int DEFAULT_MINUTES = 50;

    /** The form filled with the calendar's rule (or empty, in the viewer's zone, without one). */
    @SuppressWarnings("unchecked")
    public static AvailabilityForm of(Object calendarObject) {
        Map<String, Object> calendar = calendarObject instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<DayOfWeek, String> starts = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            starts.put(day, "");
        }
        ((List<Map<String, Object>>) calendar.getOrDefault("slots", List.of())).forEach(slot -> {
            DayOfWeek day = DayOfWeek.valueOf(slot.get("day").toString());
            String time = slot.get("start").toString();
            starts.merge(day, time.length() > 5 ? time.substring(0, 5) : time,
                         (a, b) -> a.isEmpty() ? b : a + ", " + b);
        });
        Object zone = calendar.get("zone");
        Object minutes = calendar.get("minutes");
        return new AvailabilityForm(zone == null ? Formats.viewerZone().getId() : zone.toString(),
                                    minutes instanceof Number n ? n.intValue() : DEFAULT_MINUTES, starts);
    }

    /** Reads the posted form ({@code zone}, {@code minutes}, {@code starts-MONDAY} ...); 400 naming a bad day. */
    public static AvailabilityForm parse(Map<String, String> form) {
        Integer minutes;
        try {
            minutes = Forms.blankToNull(form.get("minutes")) == null ? null
                      : Integer.valueOf(form.get("minutes").trim());
        } catch (NumberFormatException e) {
            throw refused("minutes", "must be a whole number of minutes");
        }
        Map<DayOfWeek, String> starts = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String given = form.getOrDefault("starts-" + day, "");
            for (String time : times(given)) {
                try {
                    LocalTime.parse(time);
                } catch (DateTimeParseException e) {
                    throw refused("starts-" + day, "\"" + time + "\" is not a time like 09:00");
                }
            }
            starts.put(day, given);
        }
        return new AvailabilityForm(Forms.trimmedOrNull(form.get("zone")), minutes, starts);
    }

    /** The slots as journal-service takes them: {@code [{day, start}]}. */
    public List<Map<String, String>> slotsBody() {
        List<Map<String, String>> slots = new ArrayList<>();
        startsByDay.forEach((day, given) -> times(given).forEach(time -> slots.add(
                Map.of("day", day.name(), "start", LocalTime.parse(time).toString()))));
        return slots;
    }

    /** The starts of a day as typed, e.g. {@code MONDAY} → "09:00, 10:00". */
    public String starts(String day) {
        return startsByDay.getOrDefault(DayOfWeek.valueOf(day), "");
    }

    public static List<String> days() {
        return java.util.Arrays.stream(DayOfWeek.values()).map(DayOfWeek::name).toList();
    }

    /** Every IANA zone, sorted (the select of the form). */
    public static List<String> zones() {
        return List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds()).stream()
                                   .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
                                   .toList());
    }

    private static List<String> times(String given) {
        List<String> times = new ArrayList<>();
        for (String part : given.split("[,;\\s]+")) {
            if (!part.isBlank()) {
                times.add(part.trim());
            }
        }
        return times;
    }

    private static ServiceProblem refused(String field, String reason) {
        String day = field.startsWith("starts-") ? Formats.sentence(field.substring(7)) : field;
        return new ServiceProblem(400, "The availability was not saved: " + day + " " + reason + ".",
                                  List.of(field + ": " + reason));
    }
}
