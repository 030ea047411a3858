package dev.interviewagent.core.internal.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
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

    @Test
    void should_read_what_a_follow_up_asks_from_its_question_not_from_the_stage_title_before_it() {
        assertThat(FailureDetails.askedIn("Now let’s turn to “Mistakes and warning signs”. What mistake does almost "
                + "every newcomer make?")).isEmpty();
        assertThat(FailureDetails.askedIn("Thanks. What does that mistake cost when nobody catches it?"))
                .contains(FailureDetails.Aspect.COST);
        assertThat(FailureDetails.askedIn("How do you catch that early — what do you look for?"))
                .contains(FailureDetails.Aspect.SIGN);
        assertThat(FailureDetails.askedIn("Tell me about an error that went unnoticed for months. What finally gave "
                + "it away?")).contains(FailureDetails.Aspect.SIGN);
        assertThat(FailureDetails.askedIn("Когда вы видите, что эта ошибка уже случилась, как вы её исправляете?"))
                .contains(FailureDetails.Aspect.FIX);
    }

    @Test
    void should_ask_next_for_a_detail_neither_on_record_nor_just_told() {
        KnowledgeItem mistake = new KnowledgeItem(KnowledgeKind.FAILURE_MODE, "Trusting a station after blasting",
                Stage.FAILURE_MODES, 12, "expert", List.of(), Map.of());
        KnowledgeItem withSign = new KnowledgeItem(KnowledgeKind.FAILURE_MODE, "Trusting a station after blasting",
                Stage.FAILURE_MODES, 12, "expert", List.of(), Map.of("warning_signs", "Angles that drift"));

        assertThat(FailureDetails.nextToAsk(List.of(mistake), "What mistake does every newcomer make?"))
                .contains(FailureDetails.Aspect.SIGN);
        assertThat(FailureDetails.nextToAsk(List.of(mistake), "What finally gave it away?"))
                .as("the answer to 'what gave it away' was the sign").contains(FailureDetails.Aspect.COST);
        assertThat(FailureDetails.nextToAsk(List.of(withSign), "What did it cost?"))
                .contains(FailureDetails.Aspect.FIX);
        assertThat(FailureDetails.nextToAsk(List.of(new KnowledgeItem(KnowledgeKind.FAILURE_MODE, "x",
                Stage.FAILURE_MODES, 12, "expert", List.of(), Map.of("warning_signs", "a", "consequences", "b",
                "fix", "c"))), "What mistake?")).as("all three told").isEmpty();
    }
}
