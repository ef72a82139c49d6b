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
 * resident memory from {@code /proc}. The floor beside it: a JVM running only the broker and the store.
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
        Results results = new Results("Footprint: start-up time and resident memory")
                .setup("date", LocalDate.now(ZoneOffset.UTC).toString())
                .setup("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                                  + Runtime.getRuntime().maxMemory() / (4L << 20) * 4 / 1024 + "+ GB heap ceiling "
                                  + "by default, Java " + System.getProperty("java.version"))
                .setup("how", "each in its own JVM with default ergonomics (no -Xmx); time from process start to its "
                              + "ready line; memory from /proc/<pid>/status 10 s after ready (VmRSS, VmHWM)");
        Started floor = start(List.of("java", "-cp", benchJar.toString(),
                                      "-Dloader.main=" + InfrastructureOnly.class.getName(),
                                      "org.springframework.boot.loader.launch.PropertiesLauncher",
                                      data.resolve("floor").toString()), InfrastructureOnly.READY);
        String floorText = floor.toString();
        results.add("infrastructure only: Kafka broker (KRaft) + MongoDB-wire server", floorText, "", "the floor");
        Started fresh = start(stackCommand(data.resolve("stack")), "Rekindle local stack is up");
        results.add("whole stack, fresh data folder (README's first command; seeds the demo)", fresh.toString(),
                    floorText, "stack's own figure: " + fresh.reported());
        Started again = start(stackCommand(data.resolve("stack")), "Rekindle local stack is up");
        results.add("whole stack, second start on the same folder (no seed)", again.toString(), floorText,
                    "stack's own figure: " + again.reported());
        return results;
    }

    private List<String> stackCommand(Path dataDir) {
        List<String> command = new ArrayList<>(List.of("java", "-jar", localJar.toString(),
                                                       "--rekindle.data-dir=" + dataDir));
        for (String port : List.of("kafka", "mongo", "journal", "content", "plan", "notification", "smtp", "inbox",
                                   "issuer", "web")) {
            command.add("--rekindle." + port + ".port=" + Ports.freePort());
        }
        return command;
    }

    private record Started(double seconds, long rssKb, long peakKb, String reported) {
        @Override
        public String toString() {
            return String.format("%.1f s, %,d MB resident (peak %,d MB)", seconds, rssKb / 1024, peakKb / 1024);
        }
    }

    /** Starts the command, waits for its ready line, reads its memory 10 s later, stops it. */
    private static Started start(List<String> command, String readyLine) throws Exception {
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
            Matcher reported = STACK_UP.matcher(line);
            Started started = new Started(seconds, rss, peak, reported.find() ? reported.group(1) + " s after the "
                                                                               + "JVM was running" : "");
            System.out.println(String.join(" ", command.subList(0, Math.min(3, command.size()))) + " … → " + started);
            return started;
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
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
