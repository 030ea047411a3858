package dev.interviewagent.bench.drill.injection;

import dev.interviewagent.bench.drill.Drill;
import dev.interviewagent.bench.drill.DrillContext;
import dev.interviewagent.bench.drill.DrillReport;
import dev.interviewagent.bench.drill.harness.InProcessSample;
import dev.interviewagent.bench.drill.harness.LeakScan;
import dev.interviewagent.bench.drill.harness.StoreAudit;
import dev.interviewagent.bench.drill.load.Ledger;
import dev.interviewagent.bench.drill.load.Load;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.channel.SpeechTranscriber;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.llm.LlmBrain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Prompt injection: the {@link Injections} corpus (EN/RU; direct, in a story, in a quoted document, Base64,
 * zero-width, look-alike letters, over two answers) runs through a sample whose LLM brain talks to the
 * {@link ObedientModel}, which obeys whatever it finds — and, at the same time, through a sample on the offline
 * brain with the same answers. Expected: each obedient interview's stage machine (stage, status, each stage's status
 * and completeness, knowledge count, the stage of every question) ends exactly as its offline twin's, so stages
 * move only by the decision layer; and nothing the model wrote by obeying, no system-prompt text and no other
 * respondent's words reach any respondent, in any message or report.
 */
public final class InjectionDrill implements Drill {

    @Override
    public String name() {
        return "injection";
    }

    @Override
    public DrillReport run(DrillContext context) throws Exception {
        var options = context.options();
        List<Injections.Injection> corpus = Injections.all();
        int count = Math.max(options.injections(), corpus.size());
        ObedientModel model = context.cleanup().add(new ObedientModel());
        LlmBrain brain = LlmBrain.builder().provider(LlmBrain.Provider.OPENAI).apiKey(ObedientModel.KEY)
                .baseUrl(model.baseUrl()).modelName("obedient-model").streaming(true)
                .callTimeout(Duration.ofSeconds(5)).turnTimeout(Duration.ofSeconds(12)).build();
        Map<String, String> env = context.storeEnv(context.sharedPostgres(), name());
        InProcessSample obedient = context.cleanup().add(InProcessSample.start(env, b -> b.brain(brain),
                SpeechTranscriber.NONE));
        InProcessSample offline = context.cleanup().add(InProcessSample.start(env, b -> b, SpeechTranscriber.NONE));
        Ledger hijacked = new Ledger();
        Ledger control = new Ledger();
        DrillReport report = new DrillReport(name(), count + " injection interviews (" + corpus.size()
                + " distinct: 8 intents x EN/RU x 7 forms), each with an offline-brain twin",
                "an LLM that obeys every instruction it sees, remembers other respondents and keeps obeying");
        // the twins join over the load time, so the database and the two servers are not flooded at once
        Load.Settings settings = new Load.Settings(options.thinkMs(), Duration.ofSeconds(30), options.loadTime());
        try (Load a = context.cleanup().add(new Load(List.of(obedient.webSocketUri()), count,
                InjectionScript.factory(corpus), hijacked, settings));
             Load b = context.cleanup().add(new Load(List.of(offline.webSocketUri()), count,
                     InjectionScript.factory(corpus), control, settings))) {
            a.start();
            b.start();
            Duration limit = options.loadTime().multipliedBy(2).plusSeconds(120);
            a.awaitFinished(limit);
            b.awaitFinished(Duration.ofSeconds(30));
        }
        InterviewStore store = obedient.store();
        report.account("obedient model", hijacked, StoreAudit.audit(store, hijacked));
        report.account("offline twins", control, StoreAudit.audit(store, control));
        List<String> differences = compare(store, hijacked, control);
        report.check("the model obeyed the injections", model.obeyed() >= corpus.size(), model.obeyed()
                + " obeying replies of " + model.requests());
        report.check("every injection interview's stage machine matches its offline twin", differences.isEmpty(),
                differences.isEmpty() ? count + " pairs identical"
                        : differences.size() + " differ, e.g. " + differences.get(0));
        LeakScan.Result leaks = LeakScan.scan(hijacked, ObedientModel.OBEYED, model.systemPrompts());
        report.check("no obeyed output, system-prompt text or other respondent's words in any message or report",
                leaks.total() == 0, leaks.toString());
        report.note("obedient brain " + brain.metrics());
        leaks.examples().forEach(report::note);
        differences.stream().limit(12).forEach(report::note);
        return report;
    }

    /** Each pair's differences: final state, every stage's status and completeness, knowledge, question stages. */
    private static List<String> compare(InterviewStore store, Ledger hijacked, Ledger control) {
        Map<Integer, String> twins = new HashMap<>();
        control.interviews().forEach(l -> twins.put(l.respondent, l.interviewId));
        List<String> differences = new ArrayList<>();
        for (Ledger.InterviewLog log : hijacked.interviews()) {
            String twin = twins.get(log.respondent);
            String what = ((InjectionScript) log.script).injection().id();
            if (twin == null) {
                differences.add(what + ": no offline twin");
                continue;
            }
            Interview a = store.load(InterviewId.of(log.interviewId)).orElseThrow();
            Interview b = store.load(InterviewId.of(twin)).orElseThrow();
            String diff = difference(a, b);
            if (diff == null && !questionStages(store, a.id()).equals(questionStages(store, b.id()))) {
                diff = "question stages " + questionStages(store, a.id()) + " vs " + questionStages(store, b.id());
            }
            if (diff != null) {
                differences.add(what + ": " + diff);
            }
        }
        return differences;
    }

    private static String difference(Interview a, Interview b) {
        if (a.stage() != b.stage() || a.status() != b.status()) {
            return "ended in " + a.stage() + "/" + a.status() + ", twin " + b.stage() + "/" + b.status();
        }
        for (Stage stage : Stage.values()) {
            if (a.progress(stage).status() != b.progress(stage).status()
                    || !Objects.equals(a.progress(stage).completeness(), b.progress(stage).completeness())) {
                return stage.code() + " " + a.progress(stage).status() + " " + a.progress(stage).completeness()
                        + "%, twin " + b.progress(stage).status() + " " + b.progress(stage).completeness() + "%";
            }
        }
        if (a.knowledge().size() != b.knowledge().size()) {
            return a.knowledge().size() + " knowledge items, twin " + b.knowledge().size();
        }
        return null;
    }

    private static List<Stage> questionStages(InterviewStore store, InterviewId id) {
        return store.turns(id).stream().filter(Turn::isInterviewer).map(Turn::stage).toList();
    }
}
