package dev.interviewagent.testkit.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.brain.MethodologyBrain;
import dev.interviewagent.core.internal.understanding.AnswerReader;
import dev.interviewagent.core.internal.understanding.AnswerReading;
import dev.interviewagent.core.internal.understanding.ContentLabel;
import dev.interviewagent.core.spi.MoveType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The German test pack's word lists ({@code words.json}, {@code patterns.json}, {@code understanding.json}) at work:
 * the lists the readers and the planner once held as English and Russian Java constants now come from the pack, so
 * German answers are read with German words.
 */
class GermanWordListsTest {

    private static final Language GERMAN = Language.of("de");

    private final AnswerReader reader = new AnswerReader();
    private final InterviewEngine engine = InterviewEngine.builder().brain(MethodologyBrain.create()).build();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void should_recognise_a_german_short_answer_that_has_nothing_more() {
        AnswerReading done = reader.read("Hm, mehr fällt mir nicht ein.", GERMAN);

        assertThat(done.has(ContentLabel.FATIGUE)).isTrue();
        assertThat(reader.read("Wir prüfen den Druck jeden Morgen, das dauert fünf Minuten.", GERMAN)
                .has(ContentLabel.FATIGUE)).isFalse();
    }

    @Test
    void should_read_a_german_speaker_as_tired_with_the_packs_self_words() {
        // "bin" is in the pack's tired_self list: without it "müde" would not be about the speaker
        assertThat(reader.read("Ich bin jetzt wirklich müde.", GERMAN).tired()).isTrue();
        // "waren" (tired_others): the crew was tired that night, a story and not the speaker now
        assertThat(reader.read("Die Leute waren damals müde.", GERMAN).tired()).isFalse();
    }

    @Test
    void should_ask_again_more_simply_when_a_german_respondent_did_not_understand() {
        Reply first = engine.start(StartRequest.builder().language(GERMAN).build());

        Reply next = engine.answer(first.interviewId(), Answer.text("a-1", "Wie meinen Sie das?"));

        assertThat(next.message().move()).isEqualTo(MoveType.REPHRASE.code());
    }

    @Test
    void should_challenge_a_vague_german_answer_with_a_deepening_question() {
        Reply first = engine.start(StartRequest.builder().language(GERMAN).build());

        Reply next = engine.answer(first.interviewId(), Answer.text("a-1", "Naja, das ist ganz normal."));

        assertThat(next.message().move()).isEqualTo(MoveType.CLARIFY_VAGUE.code());
        assertThat(next.message().text()).contains("ganz normal");
    }
}
