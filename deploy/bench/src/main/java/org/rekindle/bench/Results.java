package org.rekindle.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures of one run, each next to the ceiling it is compared with, as Markdown and JSON. A row reads as text in the
 * Markdown table; in JSON it also carries its figures as numbers ({@link Figures}): {@code value}, {@code ceiling},
 * {@code ratio} with their {@code unit}, latencies as {@code p50_ms}, {@code p99_ms}, {@code raw_p50_ms},
 * {@code raw_p99_ms}, and anything else a scenario names.
 */
final class Results {

    record Row(String measure, String value, String ceiling, String note, Map<String, Object> figures) {
    }

    /** The numbers of one row, in the order they are put; keys become JSON fields. */
    static final class Figures {

        private final Map<String, Object> numbers = new LinkedHashMap<>();

        static Figures of(double value, String unit) {
            return new Figures().put("value", value).put("unit", unit);
        }

        /** A rate against its ceiling (same unit): value, ceiling and value ÷ ceiling. */
        static Figures ratio(double value, double ceiling, String unit) {
            return of(value, unit).put("ceiling", ceiling).put("ratio", ceiling > 0 ? value / ceiling : Double.NaN);
        }

        static Figures latency(Latency latency) {
            return new Figures().put("p50_ms", latency.p50()).put("p99_ms", latency.p99())
                                .put("max_ms", latency.max());
        }

        /** A latency against the raw path's latency of the same run. */
        static Figures latency(Latency latency, Latency raw) {
            return latency(latency).put("raw_p50_ms", raw.p50()).put("raw_p99_ms", raw.p99());
        }

        Figures put(String key, Object number) {
            numbers.put(key, number instanceof Double d && (d.isNaN() || d.isInfinite()) ? null : round(number));
            return this;
        }

        private static Object round(Object number) {
            if (number instanceof Double d) {
                return Math.abs(d) >= 100 ? Math.round(d * 10) / 10.0 : Math.round(d * 1000) / 1000.0;
            }
            return number;
        }
    }

    private final String title;
    private final Map<String, Object> setup = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> reading = new ArrayList<>();

    Results(String title) {
        this.title = title;
    }

    /** Results headed with today's date (UTC) and the cores and Java version of this run. */
    static Results onThisMachine(String title) {
        return new Results(title).setup("date", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString())
                                 .setup("machine", Runtime.getRuntime().availableProcessors() + " cores, Java "
                                                   + System.getProperty("java.version"));
    }

    Results setup(String key, Object value) {
        setup.put(key, value);
        return this;
    }

    Results add(String measure, String value, String ceiling, String note) {
        return add(measure, value, ceiling, note, new Figures());
    }

    Results add(String measure, String value, String ceiling, String note, Figures figures) {
        rows.add(new Row(measure, value, ceiling, note, figures.numbers));
        System.out.println("| " + measure + " | " + value + " | " + ceiling + " | " + note + " |");
        return this;
    }

    /** A line of the run's own reading, printed under the table (what was measured and what it means). */
    Results reading(String line) {
        reading.add(line);
        return this;
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        setup.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
        md.append("\n| measure | value | raw ceiling (same run) | note |\n|---|---|---|---|\n");
        rows.forEach(row -> md.append("| ").append(row.measure()).append(" | ").append(row.value()).append(" | ")
                              .append(row.ceiling()).append(" | ").append(row.note()).append(" |\n"));
        if (!reading.isEmpty()) {
            md.append('\n');
            reading.forEach(line -> md.append("- ").append(line).append('\n'));
        }
        return md.toString();
    }

    void write(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".md"), markdown());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", title);
        json.put("setup", setup);
        List<Map<String, Object>> jsonRows = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("measure", row.measure());
            r.putAll(row.figures());
            r.put("value_text", row.value());
            r.put("ceiling_text", row.ceiling());
            r.put("note", row.note());
            jsonRows.add(r);
        }
        json.put("rows", jsonRows);
        if (!reading.isEmpty()) {
            json.put("reading", reading);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(name + ".json").toFile(),
                                                                                 json);
    }

    static String rate(double perSecond) {
        return String.format("%,.0f/s", perSecond);
    }

    /** Change from {@code before} to {@code after} in percent. */
    static double change(double before, double after) {
        return (after - before) / before * 100;
    }
}
