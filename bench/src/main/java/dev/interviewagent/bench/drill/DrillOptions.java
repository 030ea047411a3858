package dev.interviewagent.bench.drill;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How hard and how long each drill runs. The defaults are the full runs of docs/reliability.md; {@link #ci()} is
 * the short version every build runs.
 *
 * @param interviews  concurrent scripted interviews of the load drills
 * @param thinkMs     mean think time before each answer
 * @param loadTime    how long the load of one drill runs (the fault happens inside it)
 * @param fuzzInputs  hostile inputs of the fuzzing drill, over all its channels
 * @param injections  injection answers of the prompt-injection drill
 * @param browser     whether the fuzzing drill renders hostile answers in Chromium
 * @param serverJar   the WebSocket sample's jar, for the drills that run it as a process of its own
 * @param drills      which drills to run, in order
 */
public record DrillOptions(int interviews, long thinkMs, Duration loadTime, int fuzzInputs, int injections,
                           boolean browser, Path serverJar, List<String> drills) {

    public static final List<String> ALL = List.of("model", "speech", "database", "redis", "node", "fuzz",
            "injection");

    /** The full runs: 200 interviews, 1 s think time, 90 s of load per drill, 5,000 hostile inputs, 120 injections. */
    public static DrillOptions defaults() {
        return new DrillOptions(200, 1_000, Duration.ofSeconds(90), 5_000, 120, true,
                Path.of("samples/websocket-server/target/websocket-server-sample.jar"), ALL);
    }

    /** The short version for the build: every drill, 16 interviews, 15 s of load each. */
    public static DrillOptions ci(Path serverJar) {
        return new DrillOptions(16, 400, Duration.ofSeconds(15), 5_000, 100, true, serverJar, ALL);
    }

    /** {@code --interviews 200 --think-ms 1000 --load-seconds 90 --fuzz-inputs 5000 --injections 120 --browser true
     * --server-jar PATH --drills model,node}, each over the defaults. */
    public static DrillOptions parse(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("options are --name value pairs, got " + args[i]);
            }
            given.put(args[i].substring(2), args[++i]);
        }
        DrillOptions d = defaults();
        DrillOptions options = new DrillOptions(
                Integer.parseInt(given.getOrDefault("interviews", String.valueOf(d.interviews()))),
                Long.parseLong(given.getOrDefault("think-ms", String.valueOf(d.thinkMs()))),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("load-seconds",
                        String.valueOf(d.loadTime().toSeconds())))),
                Integer.parseInt(given.getOrDefault("fuzz-inputs", String.valueOf(d.fuzzInputs()))),
                Integer.parseInt(given.getOrDefault("injections", String.valueOf(d.injections()))),
                Boolean.parseBoolean(given.getOrDefault("browser", String.valueOf(d.browser()))),
                Path.of(given.getOrDefault("server-jar", d.serverJar().toString())),
                given.containsKey("drills") ? List.of(given.get("drills").split(",")) : d.drills());
        for (String name : options.drills()) {
            if (!ALL.contains(name)) {
                throw new IllegalArgumentException("unknown drill " + name + " (known: " + ALL + ")");
            }
        }
        List.of("interviews", "think-ms", "load-seconds", "fuzz-inputs", "injections", "browser", "server-jar",
                "drills").forEach(given::remove);
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + given.keySet());
        }
        return options;
    }

    /** The load description of the summary line, e.g. {@code 200 interviews, think 1000 ms, 90 s}. */
    public String load() {
        return interviews + " interviews, think " + thinkMs + " ms, " + loadTime.toSeconds() + " s";
    }
}
