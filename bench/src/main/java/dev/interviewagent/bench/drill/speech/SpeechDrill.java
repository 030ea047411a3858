package dev.interviewagent.bench.drill.speech;

import dev.interviewagent.bench.drill.Drill;
import dev.interviewagent.bench.drill.DrillContext;
import dev.interviewagent.bench.drill.DrillReport;
import dev.interviewagent.bench.drill.harness.Await;
import dev.interviewagent.bench.drill.harness.FaultProxy;
import dev.interviewagent.bench.drill.harness.InProcessSample;
import dev.interviewagent.bench.drill.harness.LeakScan;
import dev.interviewagent.bench.drill.harness.StoreAudit;
import dev.interviewagent.bench.drill.load.Ledger;
import dev.interviewagent.bench.drill.load.Load;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.voice.FallbackSpeechToText;
import dev.interviewagent.voice.ResilientSpeechToText;
import dev.interviewagent.voice.SpeechToText;
import dev.interviewagent.voice.VoiceTranscriber;
import dev.interviewagent.voice.assemblyai.AssemblyAiSpeechToText;
import dev.interviewagent.voice.fake.FakeAssemblyAiServer;
import dev.interviewagent.voice.fake.FakeOpenAiServer;
import dev.interviewagent.voice.openai.OpenAiSpeechToText;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Speech: respondents answer every other question by voice (real recordings) to a sample whose speech-to-text is
 * AssemblyAI first and OpenAI as the fallback — each behind a {@link FaultProxy} in front of sdk-voice's fake
 * providers, which follow the published specs. The load runs healthy, then AssemblyAI fails in every way in turn
 * (OpenAI healthy), then both are down, then OpenAI fails in turn (AssemblyAI still down), then healthy. Expected:
 * recordings are transcribed by the fallback provider while the first fails; while both are down the respondent
 * gets a clear error in its language and types the answer instead; every turn is answered; AssemblyAI holds no
 * transcript (so no audio) after its use; nothing a fault invented reaches a respondent.
 */
public final class SpeechDrill implements Drill {

    /** The shortest outage of both providers: three refusals of one recording and their backoffs. */
    private static final Duration BOTH_DOWN_AT_LEAST = Duration.ofSeconds(12);

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private static final String ASSEMBLY_KEY = "drill-assemblyai-key";
    private static final String OPENAI_KEY = "sk-drill-speech";

    @Override
    public String name() {
        return "speech";
    }

    @Override
    public DrillReport run(DrillContext context) throws Exception {
        var options = context.options();
        FakeAssemblyAiServer assembly = context.cleanup().add(new FakeAssemblyAiServer(ASSEMBLY_KEY))
                .pollsBeforeDone(1);
        FakeOpenAiServer openAi = context.cleanup().add(new FakeOpenAiServer(OPENAI_KEY));
        // the transcripts whose id reached the SDK: those it can and must delete
        Set<String> handedOver = java.util.concurrent.ConcurrentHashMap.newKeySet();
        FaultProxy assemblyFaults = context.cleanup().add(new FaultProxy(assembly.rootUrl(), Duration.ofSeconds(5)))
                .onDelivered((request, body) -> {
                    if (request.method().equals("POST") && request.path().equals("/v2/transcript")) {
                        try {
                            handedOver.add(JSON.readTree(body).path("id").asText());
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                });
        FaultProxy openAiFaults = context.cleanup().add(new FaultProxy(openAi.rootUrl(), Duration.ofSeconds(5)));
        SpeechToText speech = FallbackSpeechToText.of(
                resilient(AssemblyAiSpeechToText.builder().apiKey(ASSEMBLY_KEY).baseUrl(assemblyFaults.url())
                        .requestTimeout(Duration.ofSeconds(3)).overallTimeout(Duration.ofSeconds(20))
                        .initialPollInterval(Duration.ofMillis(200)).maxPollInterval(Duration.ofSeconds(1)).build()),
                resilient(OpenAiSpeechToText.builder().apiKey(OPENAI_KEY).baseUrl(openAiFaults.url() + "/v1")
                        .requestTimeout(Duration.ofSeconds(3)).build()));
        Map<String, String> env = context.storeEnv(context.sharedPostgres(), name());
        InProcessSample sample = context.cleanup().add(InProcessSample.start(env, b -> b,
                VoiceTranscriber.of(speech)));
        Ledger ledger = new Ledger();
        DrillReport report = new DrillReport(name(), options.load() + ", every other answer spoken",
                "AssemblyAI (first) and OpenAI (fallback) speech-to-text: each fails in every way in turn, then both "
                        + "are down together (request timeout 3 s)");
        long total = options.loadTime().toMillis();
        long unavailableBefore;
        long unavailableDuring;
        long openAiBefore;
        long openAiDuring;
        try (Load load = context.cleanup().add(new Load(List.of(sample.webSocketUri()), options.interviews(),
                SpeechScript::new, ledger, new Load.Settings(options.thinkMs(), Duration.ofSeconds(30),
                Duration.ofMillis(Math.min(10_000, total / 5)))))) {
            load.start();
            Thread.sleep(total * 15 / 100);
            openAiBefore = transcriptions(openAi);
            assemblyFaults.mode(FaultProxy.Mode.MIXED);
            Thread.sleep(total * 35 / 100);
            openAiDuring = transcriptions(openAi) - openAiBefore;
            unavailableBefore = ledger.errorCount("unavailable");
            assemblyFaults.mode(FaultProxy.Mode.OUTAGE);
            openAiFaults.mode(FaultProxy.Mode.OUTAGE);
            // long enough, also in the short version, for a recording to be refused three times (each refusal waits
            // for the request timeout, then a backoff) so that its sender types the answer instead
            Thread.sleep(Math.max(total * 15 / 100, BOTH_DOWN_AT_LEAST.toMillis()));
            unavailableDuring = ledger.errorCount("unavailable") - unavailableBefore;
            openAiFaults.mode(FaultProxy.Mode.MIXED);              // AssemblyAI still down: OpenAI takes all
            Thread.sleep(total * 20 / 100);
            assemblyFaults.mode(FaultProxy.Mode.HEALTHY);
            openAiFaults.mode(FaultProxy.Mode.HEALTHY);
            Thread.sleep(total * 15 / 100);
            load.stop(Duration.ofSeconds(120));
        }
        StoreAudit.Result audit = StoreAudit.audit(sample.store(), ledger);
        report.account(ledger, audit);
        long voiceTurns = voiceTurns(sample, ledger);
        report.check("spoken answers were transcribed and stored as voice turns", voiceTurns > 0, voiceTurns
                + " voice turns of " + ledger.spokenCount() + " recordings sent");
        report.check("the fallback provider transcribed while the first one failed", openAiDuring > 0,
                openAiDuring + " OpenAI transcriptions during AssemblyAI's faults");
        report.check("with both down, respondents were told unavailable and typed instead", unavailableDuring > 0
                && ledger.typedInsteadCount() > 0, unavailableDuring + " unavailable, "
                + ledger.typedInsteadCount() + " answers typed instead");
        List<String> unlocalised = unlocalisedErrors(ledger);
        report.check("every error shown was in the interview's language", unlocalised.isEmpty(),
                unlocalised.isEmpty() ? "all localised" : unlocalised.size() + ", e.g. " + unlocalised.get(0));
        boolean deleted = Await.within(Duration.ofSeconds(30),
                () -> assembly.deletedTranscripts().containsAll(handedOver));
        Set<String> kept = new HashSet<>(handedOver);
        kept.removeAll(assembly.deletedTranscripts());
        Set<String> unknown = new HashSet<>(assembly.createdTranscripts());
        unknown.removeAll(handedOver);
        unknown.removeAll(assembly.deletedTranscripts());
        report.check("no transcript (and so no audio) whose id the SDK got was left at AssemblyAI", deleted,
                handedOver.size() + " handed over, " + kept.size() + " not deleted");
        report.note(unknown.size() + " transcripts created at AssemblyAI whose creation answer the fault cut off, so "
                + "the SDK never learned their ids (the provider's contract offers no way to find them)");
        LeakScan.Result leaks = LeakScan.scan(ledger, List.of(FaultProxy.CANARY), List.of());
        report.check("nothing a fault invented reached a respondent", leaks.total() == 0, leaks.toString());
        List<String> violations = new java.util.ArrayList<>(assembly.violations());
        violations.addAll(openAi.violations());
        report.check("every request the providers received followed their published contract",
                violations.isEmpty(), violations.isEmpty() ? "none broken" : violations.get(0));
        report.note("faults injected at AssemblyAI " + assemblyFaults.injected() + ", at OpenAI "
                + openAiFaults.injected());
        return report;
    }

    private static SpeechToText resilient(SpeechToText provider) {
        // sized for the load: as many calls at once as interviews may send recordings
        return ResilientSpeechToText.builder(provider).maxAttempts(3).initialBackoff(Duration.ofMillis(200))
                .maxBackoff(Duration.ofSeconds(1)).maxConcurrentCalls(256).maxWaitForPermit(Duration.ofSeconds(5))
                .build();
    }

    private static long transcriptions(FakeOpenAiServer openAi) {
        return openAi.requests("POST", "/v1/audio/transcriptions").size();
    }

    private static long voiceTurns(InProcessSample sample, Ledger ledger) {
        long voice = 0;
        for (Ledger.InterviewLog log : ledger.interviews()) {
            for (Turn t : sample.store().turns(InterviewId.of(log.interviewId))) {
                if (t.isRespondent() && t.modality() == Turn.Modality.VOICE) {
                    voice++;
                }
            }
        }
        return voice;
    }

    /** Error texts a Russian interview got without Cyrillic letters, or an English one got with them. */
    static List<String> unlocalisedErrors(Ledger ledger) {
        List<String> wrong = new java.util.ArrayList<>();
        for (Ledger.InterviewLog log : ledger.interviews()) {
            boolean russian = log.script.language().equals("ru");
            for (Ledger.Received r : log.received()) {
                if (r.type().equals("error")) {
                    boolean cyrillic = r.text().chars().anyMatch(c -> Character.UnicodeBlock.of(c)
                            == Character.UnicodeBlock.CYRILLIC);
                    if (cyrillic != russian) {
                        wrong.add(log.script.language() + ": " + r.text());
                    }
                }
            }
        }
        return wrong;
    }
}
