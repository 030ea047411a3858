package dev.interviewagent.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Profile;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.spi.testkit.TestInterviews;
import org.junit.jupiter.api.Test;

class InterviewCodecTest {

    private final InterviewCodec codec = new InterviewCodec();

    @Test
    void should_round_trip_interview_and_turns_when_written_as_json() {
        try (InterviewEngine engine = InterviewEngine.builder().build()) {
            Reply reply = engine.start(StartRequest.builder().language(Language.RUSSIAN).style("telegram")
                    .profile(new Profile("Анна", "Инженер", null, "IT", 12, null)).channelKey("tg:1").build());
            reply = engine.answer(reply.interviewId(), Answer.voice(dev.interviewagent.core.MessageId.of("v1"),
                    "Однажды на прошлой неделе мы потеряли 3 часа из-за ошибки в конфигурации.", 0.91));
            Interview state = TestInterviews.whole(reply.interview());

            String json = codec.toJson(state);
            assertThat(codec.interview(json)).isEqualTo(state);
            assertThat(json).contains("\"language\":\"ru\"", "\"status\":\"active\"", "\"stage\":\"greeting\"")
                    .doesNotContain("\"active\":");
            for (Turn turn : engine.transcript(reply.interviewId())) {
                assertThat(codec.turn(codec.toJson(turn))).isEqualTo(turn);
            }
            assertThat(codec.knowledge(codec.toJson(state.knowledge()))).isEqualTo(state.knowledge());
        }
    }
}
