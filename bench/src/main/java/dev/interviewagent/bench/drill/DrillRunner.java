package dev.interviewagent.bench.drill;

import dev.interviewagent.bench.drill.database.DatabaseDrill;
import dev.interviewagent.bench.drill.fuzz.FuzzDrill;
import dev.interviewagent.bench.drill.harness.Cleanup;
import dev.interviewagent.bench.drill.harness.LocalPostgres;
import dev.interviewagent.bench.drill.injection.InjectionDrill;
import dev.interviewagent.bench.drill.model.ModelDrill;
import dev.interviewagent.bench.drill.node.NodeDrill;
import dev.interviewagent.bench.drill.redis.RedisDrill;
import dev.interviewagent.bench.drill.speech.SpeechDrill;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs the fault drills of docs/reliability.md one after another and prints one summary line per drill (then its
 * checks). Exits 1 when any drill lost or duplicated an acknowledged answer, left a turn without a reply, or failed
 * a check; 0 otherwise. Loopback only; every drill is bounded in time and stops everything it started.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.interviewagent.bench.drill.DrillRunner \
 *      [--drills model,speech,database,redis,node,fuzz,injection] [--interviews 200] [--think-ms 1000] \
 *      [--load-seconds 90] [--fuzz-inputs 5000] [--injections 120] [--browser true] \
 *      [--server-jar samples/websocket-server/target/websocket-server-sample.jar]
 * </pre>
 */
public final class DrillRunner {

    private static final Map<String, Supplier<Drill>> DRILLS = new LinkedHashMap<>();

    static {
        DRILLS.put("model", ModelDrill::new);
        DRILLS.put("speech", SpeechDrill::new);
        DRILLS.put("database", DatabaseDrill::new);
        DRILLS.put("redis", RedisDrill::new);
        DRILLS.put("node", NodeDrill::new);
        DRILLS.put("fuzz", FuzzDrill::new);
        DRILLS.put("injection", InjectionDrill::new);
    }

    private DrillRunner() {
    }

    public static void main(String[] args) {
        DrillOptions options;
        try {
            options = DrillOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        List<DrillReport> reports = run(options, System.out);
        System.exit(reports.stream().allMatch(DrillReport::passed) ? 0 : 1);
    }

    /** Runs the drills {@code options} names; prints each report to {@code out} as it ends. */
    public static List<DrillReport> run(DrillOptions options, PrintStream out) {
        List<DrillReport> reports = new ArrayList<>();
        try (Cleanup suite = new Cleanup()) {
            Supplier<LocalPostgres> shared = new Supplier<>() {
                private LocalPostgres postgres;

                @Override
                public synchronized LocalPostgres get() {
                    if (postgres == null) {
                        postgres = suite.add(LocalPostgres.start());
                    }
                    return postgres;
                }
            };
            for (String name : options.drills()) {
                long started = System.nanoTime();
                DrillReport report = runOne(DRILLS.get(name).get(), options, shared)
                        .took(Duration.ofNanos(System.nanoTime() - started));
                reports.add(report);
                out.print(report.details());
                out.flush();
            }
        }
        out.println();
        reports.forEach(r -> out.println(r.line()));
        return reports;
    }

    private static DrillReport runOne(Drill drill, DrillOptions options, Supplier<LocalPostgres> shared) {
        Duration limit = options.loadTime().multipliedBy(3).plusMinutes(5);
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "drill-" + drill.name()));
        try (Cleanup cleanup = new Cleanup()) {
            Future<DrillReport> running = thread.submit(() -> drill.run(new DrillContext(options, cleanup, shared)));
            try {
                return running.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                running.cancel(true);
                return new DrillReport(drill.name(), options.load(), "(did not finish)")
                        .check("finished within " + limit.toMinutes() + " min", false, "still running");
            } catch (Exception e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                StringWriter trace = new StringWriter();
                cause.printStackTrace(new PrintWriter(trace));
                return new DrillReport(drill.name(), options.load(), "(drill failed)")
                        .check("ran to the end", false, String.valueOf(cause))
                        .note(trace.toString().lines().limit(12).reduce((a, b) -> a + "\n      " + b).orElse(""));
            }
        } finally {
            thread.shutdownNow();
        }
    }
}
