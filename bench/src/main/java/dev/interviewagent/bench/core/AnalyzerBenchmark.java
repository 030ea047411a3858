package dev.interviewagent.bench.core;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.internal.analysis.AnswerAnalyzer;
import dev.interviewagent.core.internal.knowledge.KnowledgeExtractor;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Analysing and extracting knowledge from a realistic 300-word answer, in English and in Russian. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class AnalyzerBenchmark {

    private static final String ENGLISH = ("Last week one client called, as usual, and first we checked the logs, then"
            + " we rolled back within 2 hours and saved about 30% of the orders. The mistake was a config push; the"
            + " first sign was a spike in errors and we fixed it by staging rollouts. ").repeat(6);
    private static final String RUSSIAN = ("На прошлой неделе клиент позвонил, как обычно, и сначала мы проверили"
            + " логи, потом откатили релиз за 2 часа и спасли около 30% заказов. Ошибка была в конфигурации; первый"
            + " признак — рост ошибок, исправили поэтапной выкладкой. ").repeat(6);

    private final AnswerAnalyzer analyzer = AnswerAnalyzer.standard();
    private final KnowledgeExtractor extractor = KnowledgeExtractor.standard();

    @Benchmark
    public AnswerAnalysis analyseEnglish() {
        return analyzer.analyze(ENGLISH, Language.ENGLISH);
    }

    @Benchmark
    public AnswerAnalysis analyseRussian() {
        return analyzer.analyze(RUSSIAN, Language.RUSSIAN);
    }

    @Benchmark
    public List<KnowledgeItem> extractEnglish() {
        return extractor.extract(ENGLISH, analyzer.analyze(ENGLISH, Language.ENGLISH), Stage.OPERATIONS, 5,
                Language.ENGLISH);
    }
}
