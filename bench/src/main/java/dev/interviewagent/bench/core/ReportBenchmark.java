package dev.interviewagent.bench.core;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.report.ReportFormat;
import dev.interviewagent.core.scenario.ScriptedExpert;
import dev.interviewagent.core.scenario.ScriptedExperts;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** Building and rendering the report of a 120-turn interview, as JSON and as Markdown. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class ReportBenchmark {

    /** Turns in the benchmarked interview (answers and questions). */
    public static final int TURNS = 120;

    private InterviewEngine engine;
    private InterviewId id;

    @Setup(Level.Trial)
    public void setUp() {
        engine = InterviewEngine.builder().build();
        ScriptedExpert expert = ScriptedExperts.icuNurse();
        Reply reply = engine.start(StartRequest.builder().language(expert.language()).profile(expert.profile())
                .build());
        Map<Stage, Integer> given = new EnumMap<>(Stage.class);
        int n = 0;
        List<String> vague = ScriptedExperts.evasiveAnswers(expert.language());
        while (reply.interview().turnCount() < TURNS && !reply.completed()) {
            Stage stage = reply.message().stage();
            // every third answer vague, so the stages run longer, as they do with real experts
            String text = n % 3 == 2 ? vague.get(n % vague.size())
                    : expert.answer(stage, given.merge(stage, 1, Integer::sum) - 1);
            reply = engine.answer(reply.interviewId(), Answer.text("r" + n++, text));
        }
        id = reply.interviewId();
        if (engine.transcript(id).size() < TURNS - 1) {
            throw new IllegalStateException("interview ended before " + TURNS + " turns: "
                    + engine.transcript(id).size());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public String markdown() {
        return engine.report(id, ReportFormat.MARKDOWN);
    }

    @Benchmark
    public String json() {
        return engine.report(id, ReportFormat.JSON);
    }
}
