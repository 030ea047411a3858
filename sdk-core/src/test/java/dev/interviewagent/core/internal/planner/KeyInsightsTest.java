package dev.interviewagent.core.internal.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import dev.interviewagent.core.spi.testkit.TestInterviews;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The member check's summary shows the breadth of what the expert said, not three of one kind. */
class KeyInsightsTest {

    private static KnowledgeItem item(KnowledgeKind kind, String text, int turn) {
        return new KnowledgeItem(kind, text, Stage.FAILURE_MODES, turn, KnowledgeItem.SOURCE_ANALYZER, List.of(),
                Map.of());
    }

    @Test
    void should_present_an_insight_a_mistake_and_a_case_before_a_second_mistake() {
        Interview interview = TestInterviews.started(TestInterviews.newId(), "web:x", Instant.EPOCH).toBuilder()
                .knowledge(List.of(
                        item(KnowledgeKind.FAILURE_MODE, "Trusting a station without checking it after blasting.", 40),
                        item(KnowledgeKind.FAILURE_MODE, "Ignoring temperature and pressure on long sights.", 42),
                        item(KnowledgeKind.FAILURE_MODE, "Marking up off the plan without picking up the face.", 44),
                        item(KnowledgeKind.EXAMPLE, "In March 2020 my check traverse came back 0.35 metres out.", 8),
                        item(KnowledgeKind.INSIGHT, "Every measurement gets a second, independent check.", 30),
                        item(KnowledgeKind.PROCESS, "Then — close the loop onto a known point.", 20)))
                .build();

        assertThat(KeyInsights.of(interview)).containsExactly(
                "Every measurement gets a second, independent check.",
                "Trusting a station without checking it after blasting.",
                "In March 2020 my check traverse came back 0.35 metres out.");
    }

    @Test
    void should_drop_the_step_marker_of_a_step_that_stands_alone() {
        assertThat(KeyInsights.withoutStepMarker("Then — close the loop onto a known point."))
                .isEqualTo("Close the loop onto a known point.");
        assertThat(KeyInsights.withoutStepMarker("Потом — коротко доложить главное.")).isEqualTo("Коротко доложить главное.");
        assertThat(KeyInsights.withoutStepMarker("Thenar muscles tell you a lot.")).isEqualTo("Thenar muscles tell you a lot.");
    }
}
