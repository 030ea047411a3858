package dev.interviewagent.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewSnapshot;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.Turn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdempotencyTest {

    private final InterviewEngine engine = InterviewEngine.builder().build();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void should_return_the_same_reply_and_change_nothing_when_a_message_id_repeats() {
        Reply start = engine.start(StartRequest.builder().language(Language.ENGLISH).build());
        Answer answer = Answer.text("client-1", "I have run a bakery for twelve years, since 2013, with 8 people.");
        Reply first = engine.answer(start.interviewId(), answer);
        InterviewSnapshot before = engine.status(start.interviewId());

        Reply again = engine.answer(start.interviewId(), answer);
        Reply withOtherText = engine.answer(start.interviewId(), Answer.text("client-1", "something else"));

        assertThat(again.duplicate()).isTrue();
        assertThat(again.message()).isEqualTo(first.message());
        assertThat(withOtherText.message()).isEqualTo(first.message());
        assertThat(engine.status(start.interviewId())).isEqualTo(before);
        assertThat(engine.transcript(start.interviewId())).filteredOn(Turn::isRespondent).hasSize(1);
        assertThat(engine.metrics().duplicates()).isEqualTo(2);
    }

    @Test
    void should_answer_a_repeated_complete_with_the_same_closing() {
        Reply start = engine.start(StartRequest.builder().language(Language.RUSSIAN).build());
        Reply closed = engine.complete(start.interviewId(), MessageId.of("stop-1"));
        Reply again = engine.complete(start.interviewId(), MessageId.of("stop-1"));

        assertThat(closed.completed()).isTrue();
        assertThat(again.message()).isEqualTo(closed.message());
        assertThat(engine.transcript(start.interviewId())).hasSize(3);
    }

    @Test
    void should_return_the_same_interview_when_a_start_is_repeated_with_its_idempotency_key() {
        StartRequest request = StartRequest.builder().language(Language.ENGLISH).idempotencyKey("ws:abc:start-1")
                .build();
        Reply first = engine.start(request);
        Reply again = engine.start(request);

        assertThat(again.interviewId()).isEqualTo(first.interviewId());
        assertThat(again.message()).isEqualTo(first.message());
        assertThat(again.duplicate()).isTrue();
    }

    @Test
    void should_show_the_same_pending_question_when_resumed() {
        Reply start = engine.start(StartRequest.builder().language(Language.ENGLISH).build());
        Reply answered = engine.answer(start.interviewId(), Answer.text("m1", "It started with my grandfather's workshop."));

        Reply pending = engine.pending(start.interviewId());
        assertThat(pending.message()).isEqualTo(answered.message());
        assertThat(engine.pending(start.interviewId()).message().number()).isEqualTo(answered.message().number());
    }
}
