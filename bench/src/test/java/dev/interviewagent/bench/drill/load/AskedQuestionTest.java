package dev.interviewagent.bench.drill.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AskedQuestionTest {

    private final AskedQuestion pending = new AskedQuestion(4, "What did you notice first?");

    @Test
    void should_accept_the_same_question_again_or_the_reply_to_the_answer_in_flight() {
        assertThat(pending.resumeProblem(4, "What did you notice first?", false)).isNull();
        assertThat(pending.resumeProblem(4, "What did you notice first?", true)).isNull();
        assertThat(pending.resumeProblem(5, "And what did you do next?", true)).isNull();
    }

    @Test
    void should_report_an_interview_that_went_back_changed_its_question_or_moved_on_by_itself() {
        assertThat(pending.resumeProblem(3, "Where do you work?", false)).contains("before its pending question");
        assertThat(pending.resumeProblem(4, "What is your role?", false)).contains("another question at turn 4");
        assertThat(pending.resumeProblem(5, "And what did you do next?", false)).contains("no answer was in flight");
    }
}
