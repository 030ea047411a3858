package dev.interviewagent.bench.core;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.internal.understanding.AnswerReader;
import dev.interviewagent.core.internal.understanding.AnswerReading;
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

/**
 * The answer reader (tokenising, stemming, the word lists) on a 100-word story and on the longest answer it reads,
 * a hostile 20,000 characters of cue words. Targets: under 0.2 ms for the story and, because every step is linear,
 * the capped answer in well under a second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ReaderBenchmark {

    private static final String HUNDRED_WORDS = "Two winters ago a whole batch of tommes started to swell on the "
            + "third day. We had changed the rennet supplier that month and nobody checked the culture dates. By "
            + "Friday we had thrown out forty wheels, and Marta was furious. The warning sign was the smell, sweet "
            + "like pears, and I ignored it because the cave readings looked normal. Now I check every delivery "
            + "note myself, because a culture past its date is slow, and a slow culture lets the gas formers win. "
            + "As I said, it was the dates. That's all I can say on that, honestly, I'm tired.";
    private static final String LONGEST = "as I said one night in 2019 first then because "
            .repeat(AnswerReader.MAX_CHARS / 40);

    private final AnswerReader reader = new AnswerReader();

    @Benchmark
    public AnswerReading readHundredWordStory() {
        return reader.read(HUNDRED_WORDS, Language.ENGLISH);
    }

    @Benchmark
    public AnswerReading readLongestEnglish() {
        return reader.read(LONGEST, Language.ENGLISH);
    }

    @Benchmark
    public AnswerReading readLongestRussian() {
        return reader.read(LONGEST, Language.RUSSIAN);
    }
}
