package org.rekindle.web.view;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Small inline SVG charts drawn on the server: no chart library, nothing to load, readable by screen readers. */
@Component("charts")
public class Charts {

    /** The sparkline's plot: after the 1–5 scale on the left, before the last value on the right. */
    public static final int SPARK_LEFT = 10;
    public static final int SPARK_PLOT = 100;
    public static final int SPARK_HEIGHT = 32;
    private static final int SPARK_TOP = 4;
    private static final int SPARK_BOTTOM = 28;

    /** Points of a mood sparkline (scores 1–5, oldest first) for an SVG polyline. */
    public String sparkline(List<?> scores) {
        if (scores == null || scores.isEmpty()) {
            return "";
        }
        return IntStream.range(0, scores.size()).mapToObj(i -> {
            double[] point = point(scores, i);
            return String.format(java.util.Locale.ROOT, "%.1f,%.1f", point[0], point[1]);
        }).collect(Collectors.joining(" "));
    }

    /** The latest check-in: where its dot goes and its score, for the value written beside the line; null if none. */
    public Map<String, Object> lastMood(List<?> scores) {
        if (scores == null || scores.isEmpty()) {
            return null;
        }
        double[] point = point(scores, scores.size() - 1);
        return Map.of("x", point[0], "y", point[1], "score", scores.get(scores.size() - 1));
    }

    /** The y of a score on the sparkline's scale (1 at the bottom, 5 at the top). */
    public double moodY(int score) {
        return SPARK_BOTTOM - (score - 1) / 4.0 * (SPARK_BOTTOM - SPARK_TOP);
    }

    private double[] point(List<?> scores, int i) {
        int n = scores.size();
        double step = n == 1 ? 0 : (double) SPARK_PLOT / (n - 1);
        return new double[] {SPARK_LEFT + 2 + i * step, moodY(((Number) scores.get(i)).intValue())};
    }

    /** A sentence a screen reader says for the sparkline. */
    public String moodSummary(List<?> scores) {
        if (scores == null || scores.isEmpty()) {
            return "No mood check-ins yet";
        }
        return "Mood over the last " + scores.size() + " check-ins: "
               + scores.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " (of 5)";
    }

    public static final int BAR = 22;
    public static final int GAP = 8;
    public static final int CHART_HEIGHT = 100;
    /** Room on the left for the days scale. */
    public static final int SCALE = 34;
    private static final int AXIS = CHART_HEIGHT - 14;
    private static final int TALLEST = CHART_HEIGHT - 30; // room above the tallest bar for its value

    /** Bars of the no-contact attempts chart (SVG units): one per attempt, height by days against the longest. */
    public List<Map<String, Object>> attempts(List<Map<String, Object>> attempts) {
        if (attempts == null) {
            return List.of();
        }
        int longest = longest(attempts);
        return IntStream.range(0, attempts.size()).mapToObj(i -> {
            Map<String, Object> a = attempts.get(i);
            int days = ((Number) a.get("days")).intValue();
            int height = Math.max(2, days * TALLEST / longest);
            return Map.<String, Object>of("days", days, "x", SCALE + GAP + i * (BAR + GAP), "y", AXIS - height,
                                          "height", height, "labelY", AXIS - height - 4,
                                          "ongoing", a.get("endedAt") == null);
        }).toList();
    }

    /** The days scale: 0 at the axis, the longest attempt at the top, and half way, each with its y. */
    public List<Map<String, Object>> attemptsScale(List<Map<String, Object>> attempts) {
        int longest = longest(attempts);
        return java.util.stream.Stream.of(0, longest / 2, longest).distinct()
                .map(days -> Map.<String, Object>of("days", days, "y", AXIS - days * TALLEST / longest)).toList();
    }

    private static int longest(List<Map<String, Object>> attempts) {
        return Math.max(1, attempts == null ? 1 : attempts.stream().mapToInt(a -> ((Number) a.get("days")).intValue())
                                                           .max().orElse(1));
    }

    public int attemptsWidth(List<?> attempts) {
        return SCALE + GAP + Math.max(1, attempts == null ? 0 : attempts.size()) * (BAR + GAP);
    }
}
