package dev.interviewagent.testkit.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.brain.MethodologyBrain;
import dev.interviewagent.core.internal.analysis.RuleBasedAnswerAnalyzer;
import dev.interviewagent.core.spi.MoveType;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A host extends built-in English without Java: the test resources hold {@code dev/interviewagent/core/lang/en/
 * analysis.json} and {@code …/en/patterns.json} with one entry each, and the pack loader merges them into the
 * SDK's own files of the same path.
 */
class LanguageOverlayTest {

    private final InterviewEngine engine = InterviewEngine.builder().brain(MethodologyBrain.create()).build();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void should_append_a_hosts_entries_after_the_sdks_own() {
        List<String> entries = Language.ENGLISH.pack().strings("patterns.json", "confused");

        assertThat(entries).hasSizeGreaterThan(1);
        assertThat(entries.get(0)).isEqualTo("\\bdon't (?:quite |really )?(?:understand|get) (?:the|your|what you)");
        assertThat(entries).endsWith("\\bcome again\\b");
        assertThat(Language.ENGLISH.pack().strings("patterns.json", "short_done")).hasSize(18);
    }

    @Test
    void should_flag_a_vague_phrase_a_host_added_to_the_english_lexicon() {
        RuleBasedAnswerAnalyzer analyzer = new RuleBasedAnswerAnalyzer();

        assertThat(analyzer.analyze("Oh, the usual palaver, nothing special.", Language.ENGLISH).evasivePhrases())
                .contains("the usual palaver");
        // the SDK's own phrases still apply
        assertThat(analyzer.analyze("I check the logs, as usual.", Language.ENGLISH).evasivePhrases())
                .containsExactly("as usual");
    }

    @Test
    void should_ask_again_when_an_english_answer_matches_a_hosts_confusion_pattern() {
        Reply first = engine.start(StartRequest.builder().language(Language.ENGLISH).build());

        Reply next = engine.answer(first.interviewId(), Answer.text("a-1", "Come again?"));

        assertThat(next.message().move()).isEqualTo(MoveType.REPHRASE.code());
    }
}
