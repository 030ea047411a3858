package dev.interviewagent.core.internal.understanding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.interviewagent.core.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AnswerReaderRobustnessTest {

    private static final AnswerReader READER = new AnswerReader();

    private static final String HUNDRED_WORDS = "Two winters ago a whole batch of tommes started to swell on the "
            + "third day. We had changed the rennet supplier that month and nobody checked the culture dates. By "
            + "Friday we had thrown out forty wheels, and Marta was furious. The warning sign was the smell, sweet "
            + "like pears, and I ignored it because the cave readings looked normal. Now I check every delivery "
            + "note myself, because a culture past its date is slow, and a slow culture lets the gas formers win. "
            + "As I said, it was the dates. That's all I can say on that, honestly, I'm tired.";

    static Stream<String> oddInputs() {
        Random random = new Random(42);
        StringBuilder noise = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            noise.append((char) random.nextInt(0x2FFF));
        }
        return Stream.of(
                "", " ", "\n\n\t", "?!...", "…", "—", "«»", "\"\"", "1.", "1)", "a.", "a.m.", "p.m", "'", "-", "--",
                "2021-го", "2:30:", "1,2,3,4", "ё", "Ё!", "😀😀😀", "\uD83D", "\u0000\u0001\u0002", "I", "Я",
                "as I said as I said as I said", "first then then then", "if if if if would would",
                ". . . . . . . .", "a".repeat(60_000), ".".repeat(200_000), "2021 ".repeat(10_000),
                "я же ".repeat(8_000), "one night ".repeat(5_000), "the the the ".repeat(4_000),
                "Я-я-я-я-я-я-я-я-".repeat(3_000), "x'".repeat(20_000), "1.".repeat(20_000),
                noise.toString(), "Hello! 你好 Привет مرحبا", HUNDRED_WORDS.repeat(400));
    }

    @ParameterizedTest
    @MethodSource("oddInputs")
    void oddInputNeverThrows(String input) {
        for (Language language : Language.builtIn()) {
            AnswerReading reading = READER.read(input, language);

            assertThat(reading).isNotNull();
            assertThat(reading.labels()).isNotNull();
            if (reading.episodeAnchor() != null) {
                assertThat(reading.episodeAnchor().split("\\s+")).hasSizeBetween(3, 10);
            }
        }
    }

    @Test
    void nullAndBlankGiveAnEmptyReading() {
        assertThat(READER.read(null, Language.ENGLISH)).isEqualTo(AnswerReading.empty());
        assertThat(READER.read("   ", Language.RUSSIAN)).isEqualTo(AnswerReading.empty());
        assertThatNullPointerException().isThrownBy(() -> READER.read("text", null));
    }

    @Test
    void onlyTheFirstTwentyThousandCharactersAreRead() {
        String tail = " I'm tired. As I said, nothing more to add.";
        String longAnswer = "word ".repeat(AnswerReader.MAX_CHARS / 5) + tail;

        assertThat(READER.read(longAnswer, Language.ENGLISH).labels()).isEmpty();
        assertThat(READER.read(tail, Language.ENGLISH).labels()).contains(ContentLabel.FATIGUE, ContentLabel.META);
    }

    @Test
    void aReadingCannotBeChangedAfterwards() {
        AnswerReading reading = READER.read(HUNDRED_WORDS, Language.ENGLISH);

        assertThat(reading.labels()).isUnmodifiable();
        assertThat(reading.cueFragments()).isUnmodifiable();
        assertThat(reading.facts()).isUnmodifiable();
    }

    @Test
    void oneReaderServesManyThreads() throws Exception {
        List<String> answers = List.of(HUNDRED_WORDS, "I'm the head baker at Crumb & Co, eight years now.",
                "Зимой 2021-го у нас партия вздулась на третий день.", "Сначала промыть, потом посолить.");
        List<AnswerReading> expected = new ArrayList<>();
        for (String answer : answers) {
            expected.add(READER.read(answer, answer.matches(".*[а-я].*") ? Language.RUSSIAN : Language.ENGLISH));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 200; round++) {
                        for (int i = 0; i < answers.size(); i++) {
                            String answer = answers.get(i);
                            Language language = answer.matches(".*[а-я].*") ? Language.RUSSIAN : Language.ENGLISH;
                            if (!READER.read(answer, language).equals(expected.get(i))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Past {@link AnswerReader#MAX_CHARS} nothing is read, so the longest hostile answer costs no more than one of
     * that length (how long that takes is measured by {@code bench}'s {@code ReaderBenchmark}, not here).
     */
    @Test
    void should_read_nothing_past_the_cap() {
        String worst = "as I said one night in 2019 first then because ".repeat(1_000);
        String tail = " I forgot the dates and we lost forty wheels, so now I always check them. That's all, I'm tired.";
        for (Language language : List.of(Language.ENGLISH, Language.RUSSIAN)) {
            String capped = worst.substring(0, AnswerReader.MAX_CHARS);

            assertThat(READER.read(worst + tail, language)).as(language.code())
                    .isEqualTo(READER.read(capped, language));
        }
    }
}
