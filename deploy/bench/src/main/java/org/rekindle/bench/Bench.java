package org.rekindle.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Runs a benchmark on a fresh embedded broker and store, prints a Markdown table and writes it with a JSON copy to
 * {@code deploy/bench/results/<date>-<scenario>.md|json}. Usage: {@code java -jar rekindle-bench.jar dashboard
 * [clients] [events]} or {@code java -jar rekindle-bench.jar write [smallHistory] [largeHistory]}.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String scenario = args.length > 0 ? args[0] : "dashboard";
        Results results;
        if (scenario.equals("dashboard")) {
            int clients = args.length > 1 ? Integer.parseInt(args[1]) : 50;
            int events = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
            results = new DashboardBenchmark(clients, events).run();
        } else if (scenario.equals("write")) {
            int small = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
            int large = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
            results = new WriteBenchmark(small, large).run();
        } else {
            System.err.println("rekindle-bench: unknown scenario '" + scenario + "' (known: dashboard, write)");
            System.exit(2);
            return;
        }
        Path dir = Path.of(System.getProperty("rekindle.bench.results", "deploy/bench/results"));
        String name = LocalDate.now(ZoneOffset.UTC) + "-" + scenario;
        System.out.println(results.markdown());
        results.write(dir, name);
        System.out.println("Written to " + dir.resolve(name + ".md") + " and .json");
        System.exit(0);
    }
}
