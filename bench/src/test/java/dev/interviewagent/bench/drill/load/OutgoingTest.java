package dev.interviewagent.bench.drill.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.bench.drill.load.Outgoing.AfterRefusal;
import org.junit.jupiter.api.Test;

class OutgoingTest {

    private static final Script.Answer SPOKEN = new Script.Answer("I check the pressure first", new byte[] {1, 2, 3},
            "ogg");

    @Test
    void should_retry_a_typed_answer_as_long_as_the_server_says_not_now() {
        Outgoing answer = Outgoing.answer("a-1-1", Script.Answer.typed("I check the pressure first"));

        for (int i = 0; i < 10; i++) {
            assertThat(answer.refused("busy")).isEqualTo(AfterRefusal.RETRY);
        }
        assertThat(answer.refusals).isEqualTo(10);
        assertThat(answer.refused("too_large")).isEqualTo(AfterRefusal.GIVE_UP);
    }

    @Test
    void should_type_a_recording_that_is_refused_more_than_twice_or_for_good() {
        Outgoing recording = Outgoing.answer("a-1-2", SPOKEN);

        assertThat(recording.refused("unavailable")).isEqualTo(AfterRefusal.RETRY);
        assertThat(recording.refused("unavailable")).isEqualTo(AfterRefusal.RETRY);
        assertThat(recording.refused("unavailable")).isEqualTo(AfterRefusal.TYPE_INSTEAD);
        assertThat(Outgoing.answer("a-1-3", SPOKEN).refused("unsupported_audio"))
                .isEqualTo(AfterRefusal.TYPE_INSTEAD);
    }

    @Test
    void should_type_the_same_words_under_an_id_of_its_own() {
        Outgoing typed = Outgoing.answer("a-1-2", SPOKEN).typedInstead();

        assertThat(typed.kind).isEqualTo(Outgoing.Kind.ANSWER);
        assertThat(typed.id).isEqualTo("a-1-2-typed");
        assertThat(typed.answerText()).isEqualTo("I check the pressure first");
        assertThat(typed.refusals).isZero();
    }

    @Test
    void should_take_an_error_as_its_own_when_it_names_the_message_its_confirmation_or_nothing() {
        Outgoing recording = Outgoing.answer("a-2-5", SPOKEN);

        assertThat(recording.refusedBy("a-2-5")).isTrue();
        assertThat(recording.refusedBy("a-2-5-ok")).isTrue();
        assertThat(recording.refusedBy(null)).isTrue();
        assertThat(recording.refusedBy("a-2-4")).isFalse();
    }

    @Test
    void should_count_only_answers_as_answers() {
        assertThat(Outgoing.answer("a-1-1", SPOKEN).carriesAnswer()).isTrue();
        assertThat(Outgoing.start("s-0-1").carriesAnswer()).isFalse();
        assertThat(Outgoing.complete("c-1").carriesAnswer()).isFalse();
        assertThatThrownBy(() -> Outgoing.complete("c-1").answerText()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("c-1");
    }
}
