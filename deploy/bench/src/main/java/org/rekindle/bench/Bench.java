package org.rekindle.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a benchmark on a fresh embedded broker and store, prints a Markdown table and writes it with a JSON copy to
 * {@code deploy/bench/results/<date>-<scenario>.md|json} ({@code -Drekindle.bench.name=<name>} names it otherwise).
 * Usage: {@code java -jar rekindle-bench.jar dashboard [clients] [events]},
 * {@code java -jar rekindle-bench.jar write [history size ...]} (default 10000 100000 1000000),
 * {@code java -jar rekindle-bench.jar freshness} (the write scenario's freshness phase alone),
 * {@code java -jar rekindle-bench.jar replay [size ...]} or {@code java -jar rekindle-bench.jar footprint [local jar]}.
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
            List<Integer> sizes = args.length > 1
                    ? Arrays.stream(args).skip(1).map(Integer::parseInt).toList() : List.of(10_000, 100_000, 1_000_000);
            results = new WriteBenchmark(sizes).run();
        } else if (scenario.equals("freshness")) {
            results = new WriteBenchmark(List.of(), true).run();
        } else if (scenario.equals("replay")) {
            List<Integer> sizes = args.length > 1
                    ? Arrays.stream(args).skip(1).map(Integer::parseInt).toList() : List.of(100_000, 1_000_000);
            results = new ReplayBenchmark(sizes).run();
        } else if (scenario.equals("footprint")) {
            results = new FootprintBenchmark(Path.of(args.length > 1 ? args[1] : "deploy/local/target/rekindle-local.jar"),
                                             Path.of(System.getProperty("java.class.path"))).run();
        } else {
            System.err.println("rekindle-bench: unknown scenario '" + scenario + "' (known: dashboard, write, freshness, "
                               + "replay, footprint)");
            System.exit(2);
            return;
        }
        Path dir = Path.of(System.getProperty("rekindle.bench.results", "deploy/bench/results"));
        String name = LocalDate.now(ZoneOffset.UTC) + "-" + System.getProperty("rekindle.bench.name", scenario);
        System.out.println(results.markdown());
        results.write(dir, name);
        System.out.println("Written to " + dir.resolve(name + ".md") + " and .json");
        System.exit(0);
    }
}
