package dev.interviewagent.bench.core;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.scenario.ScriptedExpert;
import dev.interviewagent.core.scenario.ScriptedExperts;
import dev.interviewagent.core.spi.MoveType;
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

/**
 * One offline turn end to end: analyse the answer, decide the move, phrase it with the offline brain, extract
 * knowledge, store both turns in memory. Scripted experts answer realistically; a finished interview is deleted and
 * replaced by a new one (a start is about one turn's work, so it barely moves the figures).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class TurnBenchmark {

    private final List<ScriptedExpert> experts = List.of(ScriptedExperts.icuNurse(), ScriptedExperts.welder(),
            ScriptedExperts.siteReliabilityEngineer(), ScriptedExperts.chiefAccountant());
    private InterviewEngine engine;
    private Reply reply;
    private ScriptedExpert expert;
    private Map<Stage, Integer> given;
    private int interviews;
    private long messages;

    @Setup(Level.Trial)
    public void setUp() {
        engine = InterviewEngine.builder().build();
        next();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    private void next() {
        expert = experts.get(interviews++ % experts.size());
        given = new EnumMap<>(Stage.class);
        reply = engine.start(StartRequest.builder().language(expert.language()).profile(expert.profile()).build());
    }

    @Benchmark
    public Reply turn() {
        if (reply.completed()) {
            // A host archives finished interviews to its database; keeping thousands of them in the in-memory store
            // would measure heap growth, not the turn.
            engine.delete(reply.interviewId());
            next();
        }
        Stage stage = reply.message().stage();
        String text = MoveType.MEMBER_CHECK.code().equals(reply.message().move()) ? expert.memberCheckAnswer()
                : expert.answer(stage, given.merge(stage, 1, Integer::sum) - 1);
        reply = engine.answer(reply.interviewId(), Answer.text("b" + messages++, text));
        return reply;
    }
}
