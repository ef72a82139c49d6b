package org.rekindle.web.coach;

import org.rekindle.web.api.People;
import org.rekindle.web.view.Formats;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The coach dashboard's filters, search and summary over the rows plan-service sends (already sorted by need), and
 * the row marks for the template ({@code @triage}).
 */
@Component("triage")
public class Triage {

    /** The dashboard's filters: everyone (the default, most in need first), who needs the coach, paused, finished. */
    enum Filter {
        ALL("all", "All", row -> true),
        NEEDS("needs", "Needs you", row -> !"CALM".equals(row.get("attention")) && isActive(row)),
        PAUSED("paused", "Paused", row -> "PAUSED".equals(row.get("planStatus"))),
        FINISHED("finished", "Finished", row -> "FINISHED".equals(row.get("planStatus")));

        final String key;
        final String label;
        final Predicate<Map<String, Object>> keeps;

        Filter(String key, String label, Predicate<Map<String, Object>> keeps) {
            this.key = key;
            this.label = label;
            this.keeps = keeps;
        }

        static Filter of(String key) {
            for (Filter filter : values()) {
                if (filter.key.equals(key)) {
                    return filter;
                }
            }
            return ALL;
        }
    }

    /** A filter as the page shows it. */
    public record Choice(String key, String label, long count) {
    }

    private final People people;

    Triage(People people) {
        this.people = people;
    }

    List<Map<String, Object>> select(List<Map<String, Object>> rows, String show, String query) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        return rows.stream().filter(Filter.of(show).keeps)
                   .filter(row -> q.isEmpty() || matches(row, q)).toList();
    }

    List<Choice> choices(List<Map<String, Object>> rows) {
        return java.util.Arrays.stream(Filter.values())
                .map(f -> new Choice(f.key, f.label, rows.stream().filter(f.keeps).count())).toList();
    }

    static String showOrDefault(String show) {
        return Filter.of(show).key;
    }

    /** "2 clients need you: contact broken 1, mood falling 1." or "Nobody needs you right now." */
    String summary(List<Map<String, Object>> rows) {
        List<Map<String, Object>> needing = rows.stream().filter(Filter.NEEDS.keeps).toList();
        if (needing.isEmpty()) {
            return rows.isEmpty() ? "" : "Nobody needs you right now.";
        }
        Map<Object, Long> byLevel = new java.util.TreeMap<>();
        needing.forEach(row -> byLevel.merge(row.get("attention"), 1L, Long::sum));
        StringBuilder words = new StringBuilder(needing.size() == 1 ? "1 client needs you: "
                : needing.size() + " clients need you: ");
        List<String> parts = new java.util.ArrayList<>();
        for (String level : List.of("CONTACT_BROKEN", "MOOD_FALLING", "GONE_QUIET", "STEPS_WAITING")) {
            Long count = byLevel.get(level);
            if (count != null) {
                parts.add(Formats.sentence(level).toLowerCase(Locale.ROOT) + " " + count);
            }
        }
        return words.append(String.join(", ", parts)).append('.').toString();
    }

    public String cssClass(Map<String, Object> row) {
        Object level = row.get("attention");
        return level == null || "CALM".equals(level) ? "calm"
                : "need-" + level.toString().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The client did something after the coach's previous visit (never true on a first visit). */
    public boolean isNewSince(Map<String, Object> row, Instant lastVisit) {
        Object last = row.get("lastActivityAt");
        Instant activity = last == null ? null : Formats.instantOf(last);
        return lastVisit != null && activity != null && activity.isAfter(lastVisit);
    }

    private boolean matches(Map<String, Object> row, String q) {
        String id = String.valueOf(row.get("clientId"));
        return id.toLowerCase(Locale.ROOT).contains(q) || people.name(id).toLowerCase(Locale.ROOT).contains(q);
    }

    private static boolean isActive(Map<String, Object> row) {
        return row.get("planStatus") == null || "ACTIVE".equals(row.get("planStatus"));
    }
}
