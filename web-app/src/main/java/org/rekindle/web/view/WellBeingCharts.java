package org.rekindle.web.view;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The weekly WHO-5 trend as a small inline SVG: percentages 0-100, oldest first, with the 28 % line (the screening
 * threshold for likely depression) drawn across, and a sentence for screen readers.
 */
@Component("wellBeingCharts")
public class WellBeingCharts {

    public static final int LOW = 28;
    private static final int LEFT = 22;
    private static final int PLOT = 100;
    private static final int TOP = 4;
    private static final int BOTTOM = 36;

    /** The y of a percentage (0 at the bottom, 100 at the top). */
    public double y(int percentage) {
        return BOTTOM - percentage / 100.0 * (BOTTOM - TOP);
    }

    /** Points for an SVG polyline. */
    public String line(List<?> percentages) {
        if (percentages == null || percentages.isEmpty()) {
            return "";
        }
        return IntStream.range(0, percentages.size()).mapToObj(i -> {
            double[] p = point(percentages, i);
            return String.format(java.util.Locale.ROOT, "%.1f,%.1f", p[0], p[1]);
        }).collect(Collectors.joining(" "));
    }

    /** The latest check-in: its dot and its percentage; null if none. */
    public Map<String, Object> last(List<?> percentages) {
        if (percentages == null || percentages.isEmpty()) {
            return null;
        }
        double[] p = point(percentages, percentages.size() - 1);
        return Map.of("x", p[0], "y", p[1], "percentage", percentages.get(percentages.size() - 1));
    }

    public String summary(List<?> percentages) {
        if (percentages == null || percentages.isEmpty()) {
            return "No WHO-5 well-being check-ins yet";
        }
        return "WHO-5 well-being over the last " + percentages.size() + " weeks: "
               + percentages.stream().map(p -> p + " %").collect(Collectors.joining(", "))
               + " (28 % or lower suggests low well-being)";
    }

    private double[] point(List<?> percentages, int i) {
        int n = percentages.size();
        double step = n == 1 ? 0 : (double) PLOT / (n - 1);
        return new double[] {LEFT + 2 + i * step, y(((Number) percentages.get(i)).intValue())};
    }
}
