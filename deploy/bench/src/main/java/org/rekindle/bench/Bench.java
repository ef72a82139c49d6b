package org.rekindle.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Runs a benchmark on a fresh embedded broker and store, prints a Markdown table and writes it with a JSON copy to
 * {@code deploy/bench/results/<date>-<scenario>.md|json}. Usage: {@code java -jar rekindle-bench.jar dashboard
 * [clients] [events]}.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String scenario = args.length > 0 ? args[0] : "dashboard";
        if (!scenario.equals("dashboard")) {
            System.err.println("rekindle-bench: unknown scenario '" + scenario + "' (known: dashboard)");
            System.exit(2);
        }
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int events = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
        Results results = new DashboardBenchmark(clients, events).run();
        Path dir = Path.of(System.getProperty("rekindle.bench.results", "deploy/bench/results"));
        String name = LocalDate.now(ZoneOffset.UTC) + "-" + scenario;
        System.out.println(results.markdown());
        results.write(dir, name);
        System.out.println("Written to " + dir.resolve(name + ".md") + " and .json");
        System.exit(0);
    }
}
