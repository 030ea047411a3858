package dev.interviewagent.core.internal.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.guide.InterviewGuide;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.internal.understanding.AnswerReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An expert who answered ahead is not asked for what they just said: the guide's question whose distinctive words
 * the answer already uses is answered; questions that share only the guide's common words ("what", "work",
 * "newcomer") are not.
 */
class AnsweredAheadTest {

    private static final InterviewGuide GUIDE = InterviewGuide.expertise();
    private final AnsweredAhead answeredAhead = new AnsweredAhead(GUIDE, new AnswerReader());

    @Test
    void should_know_the_question_about_fast_growers_is_answered_by_an_answer_about_fast_growers() {
        List<String> growth = GUIDE.stage(Stage.GROWTH_PATH).seeds(Language.ENGLISH);
        String answer = "The ones who grow fast re-run their own work without being told.";

        assertThat(answeredAhead.answers(answer, growth.get(1), Language.ENGLISH))
                .as(growth.get(1)).isTrue();
        assertThat(answeredAhead.answers(answer, growth.get(0), Language.ENGLISH)).as(growth.get(0)).isFalse();
        assertThat(answeredAhead.answers(answer, growth.get(2), Language.ENGLISH)).as(growth.get(2)).isFalse();
        assertThat(answeredAhead.answers(answer, growth.get(3), Language.ENGLISH)).as(growth.get(3)).isFalse();
    }

    @Test
    void should_know_it_in_russian_whatever_the_word_forms() {
        List<String> growth = GUIDE.stage(Stage.GROWTH_PATH).seeds(Language.RUSSIAN);
        String answer = "Быстро растут те, кто сам перепроверяет свою работу, а медленно — те, кто ждёт подсказки.";

        assertThat(answeredAhead.answers(answer, growth.get(1), Language.RUSSIAN)).as(growth.get(1)).isTrue();
        assertThat(answeredAhead.answers(answer, growth.get(2), Language.RUSSIAN)).as(growth.get(2)).isFalse();
    }

    @Test
    void should_know_it_in_russian_when_the_answer_names_only_the_fast_growers() {
        List<String> growth = GUIDE.stage(Stage.GROWTH_PATH).seeds(Language.RUSSIAN);
        // «те»/«тех» and «этой» are function words: they must not count among the question's distinctive words
        String answer = "Быстро растут те, кто не боится переделывать за собой.";

        assertThat(answeredAhead.answers(answer, growth.get(1), Language.RUSSIAN)).as(growth.get(1)).isTrue();
        assertThat(answeredAhead.answers(answer, growth.get(3), Language.RUSSIAN)).as(growth.get(3)).isFalse();
    }

    @Test
    void should_know_the_fastest_are_the_ones_who_grow_fast() {
        List<String> growth = GUIDE.stage(Stage.GROWTH_PATH).seeds(Language.ENGLISH);

        assertThat(answeredAhead.answers("The fastest growers are the people who re-run their own work.",
                growth.get(1), Language.ENGLISH)).as(growth.get(1)).isTrue();
    }

    @Test
    void should_take_word_forms_for_one_word_but_not_words_that_only_begin_alike() {
        assertThat(AnsweredAhead.sameWord("растет", "растут")).isTrue();
        assertThat(AnsweredAhead.sameWord("fast", "fastest")).isTrue();
        assertThat(AnsweredAhead.sameWord("grow", "growth")).isTrue();
        assertThat(AnsweredAhead.sameWord("process", "product")).isFalse();
        assertThat(AnsweredAhead.sameWord("told", "toll")).isFalse();
        assertThat(AnsweredAhead.sameWord("work", "world")).isFalse();
    }

    @Test
    void should_not_take_the_guides_common_words_for_an_answer() {
        for (Stage stage : Stage.values()) {
            for (String question : GUIDE.stage(stage).seeds(Language.ENGLISH)) {
                assertThat(answeredAhead.answers("I do the work a newcomer would do, what else is there to say?",
                        question, Language.ENGLISH)).as(question).isFalse();
            }
        }
    }
}
