package dev.interviewagent.bench.drill.fuzz;

import dev.interviewagent.bench.drill.Drill;
import dev.interviewagent.bench.drill.DrillContext;
import dev.interviewagent.bench.drill.DrillReport;
import dev.interviewagent.bench.drill.harness.Await;
import dev.interviewagent.bench.drill.harness.LeakScan;
import dev.interviewagent.bench.drill.harness.StoreAudit;
import dev.interviewagent.bench.drill.load.ExpertScript;
import dev.interviewagent.bench.drill.load.Ledger;
import dev.interviewagent.bench.drill.load.Load;
import dev.interviewagent.bench.websocket.SampleServer;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.voice.fake.FakeAssemblyAiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Fuzzing: at least {@code fuzzInputs} hostile inputs, deterministic by seed ({@code -Ddrill.fuzz.seed}), against a
 * WebSocket sample process with voice on (speech-to-text at the fake AssemblyAI, so recordings reach the audio
 * inspector) while a set of victim interviews runs on the same server — malformed, truncated, deeply nested,
 * ill-typed and unknown frames, text that is not UTF-8, 10 MB frames, garbage recordings announced and not,
 * replays, out-of-order frames, other interviews' ids and tokens ({@link FrameWorker}); lines into the console
 * sample's {@code --json} mode ({@link ConsoleFuzzer}); updates through the Bot API stand-in into the Telegram
 * channel ({@link TelegramFuzzer}); and answers full of script and Markdown typed into the web page, whose
 * conversation and report are then checked in Chromium ({@link PageCheck}).
 *
 * <p>Expected: every input gets the documented error or reply (or is ignored where the protocol says so), the
 * connection stays open except where the protocol closes it, the server is alive and its heap after collection
 * bounded, no victim interview is touched (their stored answers are their own respondents' and none of them saw
 * the fuzzer's words), and no script runs in the page.
 */
public final class FuzzDrill implements Drill {

    static final long DEFAULT_SEED = 20_261_204L;
    /** Growth of the server's heap after full collections that still counts as bounded. */
    static final long HEAP_GROWTH_LIMIT = 96L << 20;
    /** The victims answer at a person's pace: they are witnesses here, not load. */
    static final long VICTIM_THINK_MS = 1_500;
    private static final String ASSEMBLY_KEY = "drill-fuzz-assemblyai-key";

    @Override
    public String name() {
        return "fuzz";
    }

    @Override
    public DrillReport run(DrillContext context) throws Exception {
        var options = context.options();
        long seed = Long.getLong("drill.fuzz.seed", DEFAULT_SEED);
        int total = options.fuzzInputs();
        int pageAnswers = options.browser() ? PageCheck.ANSWERS : 0;
        int consoleLines = Math.max(40, total * 6 / 100);
        int telegramUpdates = Math.max(40, total * 8 / 100);
        int frames = Math.max(100, total - consoleLines - telegramUpdates - pageAnswers);

        FakeAssemblyAiServer assembly = context.cleanup().add(new FakeAssemblyAiServer(ASSEMBLY_KEY));
        Map<String, String> env = new LinkedHashMap<>(context.storeEnv(context.sharedPostgres(), name()));
        env.put("ASSEMBLYAI_API_KEY", ASSEMBLY_KEY);
        env.put("ASSEMBLYAI_BASE_URL", assembly.baseUrl());
        SampleServer server = context.startNode(env, List.of());
        long heapBefore = server.heapUsedAfterGc();

        Tally ws = new Tally();
        Ledger victims = new Ledger();
        long started = System.nanoTime();
        try (Load load = context.cleanup().add(new Load(List.of(server.webSocketUri()), options.interviews(),
                ExpertScript.factory(), victims, new Load.Settings(Math.max(VICTIM_THINK_MS, options.thinkMs()),
                Duration.ofSeconds(20),
                Duration.ofSeconds(2))))) {
            load.start();
            Await.within(Duration.ofSeconds(20), () -> victims.interviews().size() >= options.interviews());
            FrameFuzzer.run(server.webSocketUri(), frames, seed, ws, () -> victims.interviews().stream()
                    .map(l -> l.interviewId).toList());
            load.stop(Duration.ofSeconds(60));
        }
        long wsMillis = (System.nanoTime() - started) / 1_000_000;

        PageCheck.Result page = null;
        if (options.browser()) {
            page = PageCheck.run(server.pageUri(), ws);
        }
        Tally console = new Tally();
        long consoleStarted = System.nanoTime();
        Path consoleStore = Files.createTempDirectory("fuzz-console");
        context.cleanup().add(() -> deleteTree(consoleStore));
        ConsoleFuzzer.run(consoleStore, consoleLines, random(seed, "console"), console);
        long consoleMillis = (System.nanoTime() - consoleStarted) / 1_000_000;
        Tally telegram = new Tally();
        long telegramStarted = System.nanoTime();
        TelegramFuzzer.run(telegramUpdates, random(seed, "telegram"), telegram);
        long telegramMillis = (System.nanoTime() - telegramStarted) / 1_000_000;

        long inputs = ws.totalInputs() + console.totalInputs() + telegram.totalInputs();
        DrillReport report = new DrillReport(name(), options.interviews() + " victim interviews alongside, seed "
                + seed, inputs + " hostile inputs: " + ws.inputs("ws") + " WebSocket frames, " + ws.inputs("page")
                + " answers in the page, " + console.inputs("console") + " console lines, "
                + telegram.inputs("telegram") + " Telegram updates");
        InterviewStore store = context.openStorage(env).store();
        report.account(victims, StoreAudit.audit(store, victims));
        report.errors(ws.errors()).errors(console.errors());
        report.check("at least " + total + " hostile inputs", inputs >= total, inputs + " inputs");
        report.check("every WebSocket input got its documented answer", ws.problemCount() == 0,
                ws.inputs("ws") + " inputs in " + ws.counter("frames") + " frames over " + ws.counter("connections")
                        + " connections, " + ws.metCount() + " expectations held, " + ws.problemCount()
                        + " missed, " + wsMillis + " ms");
        long utf8 = ws.kinds("ws").getOrDefault("invalid UTF-8 text frame", 0L);
        report.check("connections closed only where the protocol closes them", ws.counter("closed 1007") == utf8,
                ws.counter("closed 1007") + " closed with 1007 of " + utf8 + " invalid UTF-8 frames; every other "
                        + "batch answered a ping at its end");
        List<String> touched = victimsTouched(store, victims);
        report.check("no victim interview touched by the fuzzer", touched.isEmpty() && ws.counter("victim resumes")
                > 0, ws.counter("victim resumes") + " resumes of victims' interviews refused; " + touched.size()
                + " foreign answers in their turn logs" + (touched.isEmpty() ? "" : ", e.g. " + touched.get(0)));
        LeakScan.Result leaks = LeakScan.scan(victims, List.of(HostileText.CANARY), List.of());
        report.check("no victim was shown the fuzzer's words or another victim's", leaks.total() == 0,
                leaks.toString());
        boolean alive = server.alive() && Canary.interviewStarts(server.webSocketUri());
        report.check("server alive and serving after the fuzz", alive, alive ? "a new interview starts and gets "
                + "its first question" : "server down or not answering");
        long heapAfter = server.heapUsedAfterGc();
        report.check("server heap after collection bounded", heapAfter - heapBefore < HEAP_GROWTH_LIMIT,
                mib(heapBefore) + " MiB before, " + mib(heapAfter) + " MiB after (limit +" + mib(HEAP_GROWTH_LIMIT)
                        + " MiB)");
        report.check("every console line got a documented JSON line, no crash", console.problemCount() == 0,
                console.inputs("console") + " lines in "
                        + (consoleLines + ConsoleFuzzer.BATCH - 1) / ConsoleFuzzer.BATCH + " runs, "
                        + console.metCount() + " output lines checked, " + console.problemCount() + " problems, "
                        + console.counter("interviews ended before their last line")
                        + " interviews ended before their last line, " + consoleMillis + " ms");
        report.check("Telegram: every update taken, the well-behaved chat answered and untouched, no bad call",
                telegram.problemCount() == 0, telegram.inputs("telegram") + " updates, " + telegram.metCount()
                        + " control replies, " + telegram.problemCount() + " problems, " + telegramMillis + " ms");
        if (page != null) {
            report.check("no script ran in the page; payloads shown as text", page.passed(), !page.ran() ? page.note()
                    : "window." + HostileText.XSS_GLOBAL + " = " + page.xss() + ", " + page.injected()
                    + " injected elements, " + page.missing().size() + " payloads not shown as typed, report "
                    + (page.reportShown() ? "shown" : "not shown") + "; " + page.note());
            page.missing().stream().limit(3).forEach(m -> report.note("page: not shown as typed: " + m));
        } else {
            report.note("page check skipped (--browser false)");
        }
        report.note("WebSocket inputs by kind: " + ws.kinds("ws"));
        report.note("console lines by kind: " + console.kinds("console"));
        report.note("Telegram updates by kind: " + telegram.kinds("telegram"));
        console.problems().stream().limit(6).forEach(p -> report.note("console: " + p));
        telegram.problems().stream().limit(6).forEach(p -> report.note("telegram: " + p));
        ws.problems().stream().limit(12).forEach(p -> report.note("ws: " + p));
        return report;
    }

    /** Respondent answers in victims' interviews that their own respondents did not send. */
    private static List<String> victimsTouched(InterviewStore store, Ledger victims) {
        List<String> found = new ArrayList<>();
        for (Ledger.InterviewLog log : victims.interviews()) {
            for (Turn t : store.turns(InterviewId.of(log.interviewId))) {
                if (!t.isRespondent() || t.kind() != Turn.Kind.ANSWER) {
                    continue;
                }
                boolean fuzzId = t.messageId() != null && t.messageId().value().startsWith("fz-");
                if (fuzzId || t.text().contains(HostileText.CANARY) || !t.text().contains(log.script.codeWord())) {
                    found.add(log.interviewId + " turn " + t.number());
                }
            }
        }
        return found;
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static long mib(long bytes) {
        return bytes >> 20;
    }

    static Random random(long seed, String channel) {
        return new Random(seed ^ channel.hashCode());
    }
}
