package dev.interviewagent.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EngineSmokeTest {

    @Test
    void should_reach_an_end_when_answers_keep_coming() {
        try (InterviewEngine engine = InterviewEngine.builder().build()) {
            Reply reply = engine.start(StartRequest.builder().language(Language.ENGLISH).build());
            int i = 0;
            while (!reply.completed() && i < 400) {
                reply = engine.answer(reply.interviewId(), Answer.text("m" + i++, "Well, it depends on the situation, as usual I guess."));
                System.out.println(reply.message().number() + " " + reply.message().stage() + " " + reply.message().move() + " d" + reply.message().depth() + " :: " + reply.message().text());
            }
            assertThat(reply.completed()).isTrue();
        }
    }
}
