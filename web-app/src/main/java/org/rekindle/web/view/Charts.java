package org.rekindle.web.view;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Small inline SVG charts drawn on the server: no chart library, nothing to load, readable by screen readers. */
@Component("charts")
public class Charts {

    public static final int SPARK_WIDTH = 112;
    public static final int SPARK_HEIGHT = 28;

    /** Points of a mood sparkline (scores 1–5, oldest first) for an SVG polyline. */
    public String sparkline(List<?> scores) {
        if (scores == null || scores.isEmpty()) {
            return "";
        }
        int n = scores.size();
        double step = n == 1 ? 0 : (double) (SPARK_WIDTH - 4) / (n - 1);
        return IntStream.range(0, n).mapToObj(i -> {
            double score = ((Number) scores.get(i)).doubleValue();
            double x = 2 + i * step;
            double y = SPARK_HEIGHT - 2 - (score - 1) / 4 * (SPARK_HEIGHT - 4);
            return String.format(java.util.Locale.ROOT, "%.1f,%.1f", x, y);
        }).collect(Collectors.joining(" "));
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

    /** Bars of the no-contact attempts chart (SVG units): one per attempt, height by days against the longest. */
    public List<Map<String, Object>> attempts(List<Map<String, Object>> attempts) {
        if (attempts == null) {
            return List.of();
        }
        int longest = Math.max(1, attempts.stream().mapToInt(a -> ((Number) a.get("days")).intValue()).max()
                                          .orElse(1));
        return IntStream.range(0, attempts.size()).mapToObj(i -> {
            Map<String, Object> a = attempts.get(i);
            int days = ((Number) a.get("days")).intValue();
            int height = Math.max(2, days * (CHART_HEIGHT - 20) / longest);
            return Map.<String, Object>of("days", days, "x", GAP + i * (BAR + GAP), "y", CHART_HEIGHT - 14 - height,
                                          "height", height, "labelY", CHART_HEIGHT - 16 - height - 2,
                                          "ongoing", a.get("endedAt") == null);
        }).toList();
    }

    public int attemptsWidth(List<?> attempts) {
        return GAP + Math.max(1, attempts == null ? 0 : attempts.size()) * (BAR + GAP);
    }
}
