package dev.interviewagent.core.internal.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An answer to "how do you catch that mistake?" may name another mistake: it is a new one, not a detail. */
class FailureDetailsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Serving reds too warm because the dining room is warm.",
            "Ignoring humidity when a piano moves into a new room.",
            "Leaving the pins unset, so the tuning moves in the first loud passage.",
            "Swinging fast with a long hoist line instead of waiting for the load to settle.",
            "Young conductors talk too much in rehearsal.",
            "Новички торопятся с выводами.",
            "Лечат цифру, а не человека."})
    void should_read_a_mistake_of_its_own(String answer) {
        assertThat(FailureDetails.namesNewMistake(answer)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The guest nods politely but the bottle is still half full when the plates go back.",
            "The load keeps pendulum-swinging after you've stopped.",
            "Give each note a few firm test blows as you go and retune any that move.",
            "Embarrassment on the floor and thousands of pounds of margin lost every year.",
            "Checking the stock every Monday against the list catches it.",
            "Unisons start drifting during the first big movement."})
    void should_read_a_sign_a_fix_or_a_cost_as_a_detail(String answer) {
        assertThat(FailureDetails.namesNewMistake(answer)).isFalse();
    }
}
