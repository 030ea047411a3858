package dev.interviewagent.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.InterviewMemory;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.core.spi.MoveType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The LLM brain gets the move the decision layer chose plus what it needs to listen: the anchor and known facts. */
class ListeningPromptTest {

    @Test
    void should_give_the_model_the_story_anchor_and_how_to_probe_it() {
        BrainRequest base = LlmUnitTestSupport.request(Language.ENGLISH, MoveType.PROBE_CUE,
                "Last October a whole batch of tommes started to swell on the third day.");
        BrainRequest request = new BrainRequest(base.interview(),
                base.move().withAnchor("a whole batch of tommes started to swell"), base.stage(), base.style(),
                base.analysis(), base.lastAnswer(), base.recentTurns(), base.turnNumber());

        String user = new PromptBuilder(6000).userMessage(request);

        assertThat(user).contains("\"type\" : \"probe_cue\"")
                .contains("\"anchor\" : \"a whole batch of tommes started to swell\"")
                .contains("never ask for another example");
    }

    @Test
    void should_tell_the_model_the_facts_it_must_not_ask_for_again() {
        BrainRequest base = LlmUnitTestSupport.request(Language.ENGLISH, MoveType.NEW_TOPIC, "I run the cellar.");
        BrainRequest request = new BrainRequest(base.interview().toBuilder()
                .memory(base.interview().memory().withFacts(Map.of(InterviewMemory.ORGANISATION, "Hollow Creek Dairy")))
                .build(),
                base.move(), base.stage(), base.style(), base.analysis(), base.lastAnswer(), base.recentTurns(),
                base.turnNumber());

        String user = new PromptBuilder(6000).userMessage(request);

        // from the profile, and from an answer
        assertThat(user).contains("\"known_facts\"").contains("\"years\" : \"12\"")
                .contains("\"role\" : \"Logistics lead\"").contains("\"organisation\" : \"Hollow Creek Dairy\"");
    }

    @Test
    void should_describe_every_move_for_the_model() {
        for (MoveType type : MoveType.values()) {
            assertThat(PromptBuilder.howTo(type)).as(type.code()).isNotBlank();
        }
    }
}
