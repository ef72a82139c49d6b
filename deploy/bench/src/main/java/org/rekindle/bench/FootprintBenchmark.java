package org.rekindle.bench;

import org.rekindle.platform.embedded.Ports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Footprint: the README's first command (the whole embedded stack from its jar, in its own JVM) timed from process
 * start to its "is up" banner, first on a fresh data folder (with the demo seed) and again on the same folder; its
 * resident memory from {@code /proc}: the JVM, and apart from it PostgreSQL (its own processes: the postmaster named
 * in {@code <data>/postgres/postmaster.pid} and every process under it). The floor beside it: a JVM running only
 * the broker and the stores.
 */
final class FootprintBenchmark {

    private static final Pattern STACK_UP = Pattern.compile("Rekindle local stack is up \\(([0-9.]+) s\\)");

    private final Path localJar;
    private final Path benchJar;

    FootprintBenchmark(Path localJar, Path benchJar) {
        this.localJar = localJar;
        this.benchJar = benchJar;
    }

    Results run() throws Exception {
        if (!Files.isRegularFile(localJar)) {
            throw new IllegalStateException(localJar + " is missing: build it first with "
                                            + "./mvnw -q -pl deploy/local -am install -DskipTests");
        }
        Path data = Files.createTempDirectory("rekindle-bench-footprint");
        Results results = new Results("Footprint: start-up time and resident memory, PostgreSQL included")
                .setup("date", LocalDate.now(ZoneOffset.UTC).toString())
                .setup("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                                  + Runtime.getRuntime().maxMemory() / (4L << 20) * 4 / 1024 + "+ GB heap ceiling "
                                  + "by default, Java " + System.getProperty("java.version"))
                .setup("how", "each in its own JVM with default ergonomics (no -Xmx); time from process start to its "
                              + "ready line; memory from /proc/<pid>/status 10 s after ready (VmRSS, VmHWM)");
        results.setup("PostgreSQL memory", "VmRSS summed over the postmaster and its children (shared buffers are "
                                           + "counted once per process that touched them) and Pss (each shared page "
                                           + "divided among the processes sharing it: the fair share) from "
                                           + "/proc/<pid>/smaps_rollup; target < 1.5 GB counts JVM RSS + PostgreSQL Pss");
        Path floorData = data.resolve("floor");
        Started floor = start(List.of("java", "-cp", benchJar.toString(),
                                      "-Dloader.main=" + InfrastructureOnly.class.getName(),
                                      "org.springframework.boot.loader.launch.PropertiesLauncher",
                                      floorData.toString()), InfrastructureOnly.READY, floorData.resolve("postgres"));
        String floorText = floor.toString();
        results.add("infrastructure only: Kafka broker (KRaft) + MongoDB-wire server + PostgreSQL", floorText, "",
                    "the floor; " + floor.postgresNote(), floor.figures(null));
        Path stackData = data.resolve("stack");
        Started fresh = start(stackCommand(stackData), "Rekindle local stack is up", stackData.resolve("postgres"));
        results.add("whole stack, fresh data folder (README's first command; seeds the demo)", fresh.toString(),
                    floorText, "stack's own figure: " + fresh.reported() + "; " + fresh.postgresNote(),
                    fresh.figures(floor));
        Started again = start(stackCommand(stackData), "Rekindle local stack is up", stackData.resolve("postgres"));
        results.add("whole stack, second start on the same folder (no seed)", again.toString(), floorText,
                    "stack's own figure: " + again.reported() + "; " + again.postgresNote(), again.figures(floor));
        return results;
    }

    private List<String> stackCommand(Path dataDir) {
        List<String> command = new ArrayList<>(List.of("java", "-jar", localJar.toString(),
                                                       "--rekindle.data-dir=" + dataDir));
        for (String port : List.of("kafka", "mongo", "postgres", "journal", "content", "plan", "notification", "smtp", "inbox",
                                   "issuer", "web")) {
            command.add("--rekindle." + port + ".port=" + Ports.freePort());
        }
        return command;
    }

    /** PostgreSQL's processes: how many, their summed VmRSS and Pss, and whether the JVM started them. */
    private record Postgres(int processes, long rssKb, long pssKb, boolean underJvm) {
    }

    private record Started(double seconds, long rssKb, long peakKb, String reported, Postgres postgres) {
        long totalKb() {
            return rssKb + postgres.pssKb();
        }

        @Override
        public String toString() {
            return String.format("%.1f s, %,d MB resident: JVM %,d MB (peak %,d MB) + PostgreSQL %,d MB Pss (%,d MB "
                                 + "RSS summed)", seconds, totalKb() / 1024, rssKb / 1024, peakKb / 1024,
                                 postgres.pssKb() / 1024, postgres.rssKb() / 1024);
        }

        String postgresNote() {
            return String.format("PostgreSQL: %d processes (postmaster and children%s)", postgres.processes(),
                                 postgres.underJvm() ? ", started by the JVM" : "; the postmaster is not under the JVM");
        }

        Results.Figures figures(Started floor) {
            Results.Figures figures = Results.Figures.of(totalKb() / 1024.0, "MB resident (JVM RSS + PostgreSQL Pss)")
                    .put("up_s", seconds).put("jvm_rss_mb", rssKb / 1024.0).put("jvm_peak_mb", peakKb / 1024.0)
                    .put("postgres_pss_mb", postgres.pssKb() / 1024.0).put("postgres_rss_mb", postgres.rssKb() / 1024.0)
                    .put("postgres_processes", postgres.processes())
                    .put("target_mb", 1536).put("target_up_s", 30);
            if (floor != null) {
                figures.put("ceiling", floor.totalKb() / 1024.0).put("ceiling_unit", "MB resident, infrastructure only")
                       .put("floor_up_s", floor.seconds());
            }
            return figures;
        }
    }

    /** Starts the command, waits for its ready line, reads its memory 10 s later, stops it. */
    private static Started start(List<String> command, String readyLine, Path postgresData) throws Exception {
        long begin = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                                                                                 StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.contains(readyLine)) {
                        ready.complete(line);
                    }
                }
                ready.completeExceptionally(new IllegalStateException(command.get(command.size() - 1)
                                                                      + " ended before it was ready"));
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
        }, "footprint-output");
        reader.setDaemon(true);
        reader.start();
        try {
            String line = ready.get(5, TimeUnit.MINUTES);
            double seconds = RawCeilings.seconds(begin);
            Thread.sleep(Duration.ofSeconds(10).toMillis());
            long rss = statusKb(process.pid(), "VmRSS");
            long peak = statusKb(process.pid(), "VmHWM");
            Postgres postgres = postgres(postgresData, process.pid());
            Matcher reported = STACK_UP.matcher(line);
            Started started = new Started(seconds, rss, peak, reported.find() ? reported.group(1) + " s after the "
                                                                               + "JVM was running" : "", postgres);
            System.out.println(String.join(" ", command.subList(0, Math.min(3, command.size()))) + " … → " + started);
            return started;
        } finally {
            java.util.Optional<ProcessHandle> postmaster = postmaster(postgresData);
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            // The stack stops PostgreSQL on its way out; if it could not, the benchmark stops the server it caused.
            postmaster.filter(ProcessHandle::isAlive).ifPresent(p -> {
                System.out.println("PostgreSQL (pid " + p.pid() + ") outlived its JVM; stopping it");
                p.destroy();
                p.onExit().join();
            });
        }
    }

    private static java.util.Optional<ProcessHandle> postmaster(Path postgresData) {
        try {
            List<String> lines = Files.readAllLines(postgresData.resolve("postmaster.pid"));
            return lines.isEmpty() ? java.util.Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** The postmaster of {@code postgresData} and every process under it: summed VmRSS and Pss. */
    private static Postgres postgres(Path postgresData, long jvmPid) throws IOException {
        ProcessHandle postmaster = postmaster(postgresData).orElseThrow(() -> new IllegalStateException(
                "no running PostgreSQL in " + postgresData));
        List<ProcessHandle> all = new ArrayList<>();
        all.add(postmaster);
        postmaster.descendants().forEach(all::add);
        long rss = 0;
        long pss = 0;
        int counted = 0;
        for (ProcessHandle p : all) {
            try {
                rss += statusKb(p.pid(), "VmRSS");
                pss += smapsKb(p.pid(), "Pss");
                counted++;
            } catch (IOException | IllegalStateException gone) {
                // a backend that ended between listing and reading
            }
        }
        boolean underJvm = false;
        for (java.util.Optional<ProcessHandle> up = postmaster.parent(); up.isPresent(); up = up.get().parent()) {
            if (up.get().pid() == jvmPid) {
                underJvm = true;
                break;
            }
        }
        return new Postgres(counted, rss, pss, underJvm);
    }

    private static long smapsKb(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException(field + " not in /proc/" + pid + "/smaps_rollup");
    }

    private static long statusKb(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException(field + " not in /proc/" + pid + "/status");
    }
}
