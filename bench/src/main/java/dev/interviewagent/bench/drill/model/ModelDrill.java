package dev.interviewagent.bench.drill.model;

import dev.interviewagent.bench.drill.Drill;
import dev.interviewagent.bench.drill.DrillContext;
import dev.interviewagent.bench.drill.DrillReport;
import dev.interviewagent.bench.drill.harness.Await;
import dev.interviewagent.bench.drill.harness.CircuitMonitor;
import dev.interviewagent.bench.drill.harness.InProcessSample;
import dev.interviewagent.bench.drill.harness.LeakScan;
import dev.interviewagent.bench.drill.harness.StoreAudit;
import dev.interviewagent.bench.drill.load.ExpertScript;
import dev.interviewagent.bench.drill.load.Ledger;
import dev.interviewagent.bench.drill.load.Load;
import dev.interviewagent.core.channel.SpeechTranscriber;
import dev.interviewagent.llm.CircuitState;
import dev.interviewagent.llm.LlmBrain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Model: two samples (in this process, so the brains' breakers can be watched) on one store phrase questions with
 * the LLM brain pointed at the {@link FaultModelServer} — one streaming (deltas reach the respondents), one not —
 * with the respondents split between them. The load runs healthy for a while, then through every
 * fault in turn (500, 429 with Retry-After, a hang past the call timeout, a cut stream, a broken body, a reply that
 * is not JSON, two questions, the system prompt echoed, another respondent's reply), then a full outage until the
 * breaker opens, then healthy again until it closes. Expected: every turn answered (the offline brain's turns
 * marked {@code fallback}), no raw model output, prompt text or other respondent's words at any respondent, turn
 * p99 within the engine's brain timeout + 1 s, and the breaker opens and closes.
 */
public final class ModelDrill implements Drill {

    static final Duration BRAIN_TIMEOUT = Duration.ofSeconds(4);

    @Override
    public String name() {
        return "model";
    }

    @Override
    public DrillReport run(DrillContext context) throws Exception {
        var options = context.options();
        FaultModelServer model = context.cleanup().add(new FaultModelServer(Duration.ofSeconds(6)));
        Map<String, String> env = new LinkedHashMap<>(context.storeEnv(context.sharedPostgres(), name()));
        env.put("INTERVIEW_ENGINE_BRAIN_TIMEOUT", BRAIN_TIMEOUT.toMillis() + "ms");
        // two servers on one store: the brain of one streams (deltas reach the respondents), the other's does not
        List<LlmBrain> brains = List.of(brain(model, true), brain(model, false));
        List<InProcessSample> samples = new ArrayList<>();
        List<CircuitMonitor> breakers = new ArrayList<>();
        for (LlmBrain brain : brains) {
            samples.add(context.cleanup().add(InProcessSample.start(env, b -> b.brain(brain),
                    SpeechTranscriber.NONE)));
            breakers.add(context.cleanup().add(new CircuitMonitor(brain)));
        }
        Ledger ledger = new Ledger();
        DrillReport report = new DrillReport(name(), options.load(), "LLM at a fault server: healthy, every fault "
                + "in turn, a full outage until the breaker opens, healthy until it closes (brain timeout "
                + BRAIN_TIMEOUT.toSeconds() + " s, call timeout 1.5 s; streaming and blocking)");
        boolean opened;
        boolean closed;
        long total = options.loadTime().toMillis();
        try (Load load = context.cleanup().add(new Load(samples.stream().map(InProcessSample::webSocketUri).toList(),
                options.interviews(),
                ExpertScript.factory(), ledger, new Load.Settings(options.thinkMs(), Duration.ofSeconds(20),
                Duration.ofMillis(Math.min(10_000, total / 5)))))) {
            long started = System.nanoTime();
            load.start();
            Thread.sleep(total * 15 / 100);
            model.mode(FaultModelServer.Mode.MIXED);
            Thread.sleep(total * 45 / 100);
            model.mode(FaultModelServer.Mode.OUTAGE);
            opened = Await.within(Duration.ofSeconds(60), () -> breakers.stream()
                    .allMatch(b -> b.current() == CircuitState.OPEN));
            model.mode(FaultModelServer.Mode.HEALTHY);
            closed = Await.within(Duration.ofSeconds(60), () -> breakers.stream()
                    .allMatch(b -> b.openedAndClosed() && b.current() == CircuitState.CLOSED));
            long left = total - (System.nanoTime() - started) / 1_000_000;
            Thread.sleep(Math.max(3_000, left));
            load.stop(Duration.ofSeconds(90));
        }
        StoreAudit.Result audit = StoreAudit.audit(samples.get(0).store(), ledger);
        report.account(ledger, audit);
        LeakScan.Result leaks = LeakScan.scan(ledger, List.of(FaultModelServer.CANARY), model.systemPrompts());
        report.check("no raw model output, prompt text or other respondent's words reached a respondent",
                leaks.total() == 0, leaks.toString());
        report.check("turns the model could not phrase were phrased offline and marked fallback",
                audit.fallbackTurns() > 0, audit.fallbackTurns() + " of " + audit.interviewerTurns()
                        + " interviewer turns");
        double limit = BRAIN_TIMEOUT.toMillis() + 1_000;
        report.check("turn p99 within the brain timeout + 1 s (" + (long) limit + " ms)",
                ledger.turnTimes().p99() <= limit, String.format("p99 %.0f ms, max %.0f ms",
                        ledger.turnTimes().p99(), ledger.turnTimes().max()));
        report.check("both breakers opened during the outage and closed after it", opened && closed,
                "states " + breakers.stream().map(CircuitMonitor::states).toList());
        boolean everyFault = model.injected().entrySet().stream().allMatch(e -> e.getValue() > 0);
        report.check("every fault was injected", everyFault, model.injected().toString());
        report.note("model requests " + model.requests());
        brains.forEach(b -> report.note((b == brains.get(0) ? "streaming" : "blocking") + " brain " + b.metrics()));
        return report;
    }

    private static LlmBrain brain(FaultModelServer model, boolean streaming) {
        return LlmBrain.builder().provider(LlmBrain.Provider.OPENAI).apiKey(FaultModelServer.KEY)
                .baseUrl(model.baseUrl()).modelName("drill-model").streaming(streaming)
                .callTimeout(Duration.ofMillis(1_500)).turnTimeout(Duration.ofMillis(3_500)).maxRetries(2)
                .initialBackoff(Duration.ofMillis(100)).maxBackoff(Duration.ofMillis(400))
                .maxRetryAfter(Duration.ofSeconds(2)).circuitFailureThreshold(5)
                .circuitOpenDuration(Duration.ofSeconds(3)).build();
    }
}
