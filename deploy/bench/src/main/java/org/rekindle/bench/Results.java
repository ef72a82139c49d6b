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

/** Figures of one run, each next to the ceiling it is compared with, as Markdown and JSON. */
final class Results {

    record Row(String measure, String value, String ceiling, String note) {
    }

    private final String title;
    private final Map<String, Object> setup = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();

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
        rows.add(new Row(measure, value, ceiling, note));
        return this;
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        setup.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
        md.append("\n| measure | value | raw ceiling (same run) | note |\n|---|---|---|---|\n");
        rows.forEach(row -> md.append("| ").append(row.measure()).append(" | ").append(row.value()).append(" | ")
                              .append(row.ceiling()).append(" | ").append(row.note()).append(" |\n"));
        return md.toString();
    }

    void write(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".md"), markdown());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", title);
        json.put("setup", setup);
        json.put("rows", rows);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(name + ".json").toFile(),
                                                                                 json);
    }

    static String rate(double perSecond) {
        return String.format("%,.0f/s", perSecond);
    }
}
