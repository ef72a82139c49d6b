package org.rekindle.local;

import java.util.ArrayList;
import java.util.List;

/** One summary line per fault scenario, with its counts, printed as each ends and again all together at the end. */
final class FaultReport {

    private static final List<String> LINES = new ArrayList<>();

    private FaultReport() {
    }

    static synchronized void line(String scenario, long sent, long acked, long consumed, long lost, long duplicated,
                                  String note) {
        String line = String.format("FAULT %-48s sent=%-6d acked=%-6d consumed=%-6d lost=%-3d duplicated=%-3d %s",
                                    scenario, sent, acked, consumed, lost, duplicated, note);
        LINES.add(line);
        System.out.println(line);
    }

    static synchronized void printAll() {
        System.out.println("──── fault suite ────");
        LINES.forEach(System.out::println);
    }
}
