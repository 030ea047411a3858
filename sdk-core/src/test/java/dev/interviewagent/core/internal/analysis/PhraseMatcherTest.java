package dev.interviewagent.core.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The lexicon syntax, so extending a lexicon is safe: one phrase, one text, whether it matches. */
class PhraseMatcherTest {

    private static List<String> quotes(String phrase, String text) {
        PhraseMatcher matcher = new PhraseMatcher(List.of(Map.of(Signal.EVASIVE, List.of(phrase))));
        TokenizedText tokens = TokenizedText.of(text, text.length());
        return PhraseMatcher.nonOverlapping(matcher.find(tokens), Signal.EVASIVE).stream()
                .map(m -> tokens.original(m.from(), m.to() - 1))
                .toList();
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' in ''{1}'' -> ''{2}''")
    @CsvSource(delimiter = ';', value = {
            "as usual;We did it AS USUAL.;AS USUAL",
            "the usual way;the usual  way;the usual  way",
            "стандартн* процесс*?;Стандартный процесс;Стандартный процесс",
            "стандартн* процесс*?;стандартно;стандартно",
            "all|any? rules;ignore any rules;any rules",
            "all|any? rules;ignore rules;rules",
            "^ then;and then we stop;",
            "^ then;done, then we stop;then",
            "you know $;you know the number;",
            "you know $;you know, it is;you know",
            "~do you know $;do you know?;",
            "не могу сказать !что;не могу сказать, что это легко;",
            "не могу сказать !что;не могу сказать.;не могу сказать",
            "step #num;step 2 is triage;step 2",
            "in #year;in 2019 and in 1850;in 2019",
            "as usual;as. usual;",
            "всё как всегда;все как всегда;все как всегда",
            "don't know;I don’t know;don’t know"})
    void should_apply_phrase_syntax_when_matching(String phrase, String text, @Nullable String expected) {
        assertThat(quotes(phrase, text)).isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"word?", "#bogus", "^ $"})
    void should_reject_phrase_when_malformed(String phrase) {
        assertThatThrownBy(() -> new PhraseMatcher(List.of(Map.of(Signal.EVASIVE, List.of(phrase)))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_compile_every_built_in_lexicon_when_constructed() {
        new PhraseMatcher(List.of(Lexicon.ENGLISH_ANALYSIS, Lexicon.RUSSIAN_ANALYSIS, Lexicon.ENGLISH_KNOWLEDGE,
                Lexicon.RUSSIAN_KNOWLEDGE));
    }
}
