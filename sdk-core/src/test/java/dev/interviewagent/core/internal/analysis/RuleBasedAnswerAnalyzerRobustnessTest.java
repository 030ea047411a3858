package dev.interviewagent.core.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.analysis.AnswerLength;
import dev.interviewagent.core.analysis.Engagement;
import dev.interviewagent.core.internal.analysis.AnswerAnalyzer;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleBasedAnswerAnalyzerRobustnessTest {

    private final RuleBasedAnswerAnalyzer analyzer = new RuleBasedAnswerAnalyzer();

    @Test
    void should_be_the_standard_analyzer_when_host_asks_for_it() {
        assertThat(AnswerAnalyzer.standard()).isInstanceOf(RuleBasedAnswerAnalyzer.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t  \r\n", "\u0000\u0001\u0002", "...!!!???", "\uD83D\uDC4D\uD83D\uDD25"})
    void should_report_nothing_when_answer_has_no_words(String answer) {
        // when
        AnswerAnalysis analysis = analyzer.analyze(answer, Language.ENGLISH);

        // then
        assertThat(analysis.wordCount()).isZero();
        assertThat(analysis.length()).isEqualTo(AnswerLength.SHORT);
        assertThat(analysis.engagement()).isEqualTo(Engagement.LOW);
        assertThat(analysis.detectedLanguage()).isNull();
        assertThat(analysis.evasivePhrases()).isEmpty();
        assertThat(analysis.numbers()).isEmpty();
        assertThat(analysis.rating()).isNull();
        assertThat(analysis.isConcrete()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\u0000as\u0007 usual\u001b[31m, \u0000",
            "\uD800 as usual \uDC00",
            "\uD83D\uDC4D as usual \uD83D\uDD25",
            "as\u00A0usual",
            "as usual \u202Eevil\u202C"})
    void should_still_find_phrases_when_answer_has_control_chars_surrogates_or_emoji(String answer) {
        // when
        AnswerAnalysis analysis = analyzer.analyze(answer, Language.ENGLISH);

        // then
        assertThat(analysis.evasivePhrases()).hasSize(1);
        assertThat(analysis.evasivePhrases().get(0)).contains("usual");
    }

    @Test
    void should_find_both_languages_when_scripts_are_mixed() {
        // given
        String answer = "Как обычно, then we just do it as usual, потом проверяем: 30% и 2 hours.";

        // when
        AnswerAnalysis analysis = analyzer.analyze(answer, Language.RUSSIAN);

        // then
        assertThat(analysis.evasivePhrases()).containsExactly("Как обычно", "as usual");
        assertThat(analysis.hasSteps()).isTrue();
        assertThat(analysis.numbers()).containsExactly("30%", "2 hours");
    }

    @Test
    void should_analyse_window_and_count_all_words_when_answer_is_one_megabyte() {
        // given: ~1 MB, evasive phrase at the start and past the window
        String filler = "we check the logs and talk to the team ";
        StringBuilder sb = new StringBuilder("As usual. ");
        while (sb.length() < 1_000_000) {
            sb.append(filler);
        }
        sb.append("like everyone else");
        String answer = sb.toString();
        int expectedWords = answer.split("\\s+").length;

        // when
        AnswerAnalysis analysis = analyzer.analyze(answer, Language.ENGLISH);

        // then
        assertThat(analysis.wordCount()).isEqualTo(expectedWords);
        assertThat(analysis.length()).isEqualTo(AnswerLength.LONG);
        assertThat(analysis.engagement()).isEqualTo(Engagement.HIGH);
        assertThat(analysis.evasivePhrases()).containsExactly("As usual");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 42, 2026})
    void should_never_throw_when_input_is_random_garbage(int seed) {
        // given
        Random random = new Random(seed);
        String garbage = random.ints(200_000, 0, 0x10FFFF + 1)
                .mapToObj(cp -> cp >= 0xD800 && cp <= 0xDFFF ? String.valueOf((char) cp) : Character.toString(cp))
                .collect(Collectors.joining());

        // when / then
        assertThatCode(() -> analyzer.analyze(garbage, Language.ENGLISH)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "9", "x", "ё", "-", "$", "'", "1.", "1 000 000 000 000 000"})
    void should_never_throw_when_answer_is_a_single_odd_token(String answer) {
        assertThatCode(() -> analyzer.analyze(answer, Language.RUSSIAN)).doesNotThrowAnyException();
    }

    @Test
    void should_survive_pathological_repetition_when_answer_repeats_markers() {
        // given
        String digits = "1".repeat(500_000);
        String spaced = "1 000 ".repeat(50_000);
        String phrases = "you know ".repeat(50_000);

        // when / then
        assertThatCode(() -> {
            analyzer.analyze(digits, Language.ENGLISH);
            analyzer.analyze(spaced, Language.ENGLISH);
            analyzer.analyze(phrases, Language.ENGLISH);
        }).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void should_give_same_result_when_called_concurrently(Language language) {
        // given
        String answer = "Last week one client lost 30% of orders. First we rolled back, then we fixed the bug."
                + " As usual, you know, it depends.";
        AnswerAnalysis expected = analyzer.analyze(answer, language);

        // when
        List<AnswerAnalysis> results = IntStream.range(0, 2_000).parallel()
                .mapToObj(i -> analyzer.analyze(answer, language))
                .collect(Collectors.toList());

        // then
        assertThat(results).allSatisfy(result -> assertThat(result).isEqualTo(expected));
    }
}
