package dev.interviewagent.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.testkit.persona.Personas;
import dev.interviewagent.testkit.score.InterviewScore;
import dev.interviewagent.testkit.score.Scorecard;
import dev.interviewagent.testkit.score.Thresholds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quality lab in CI: every built-in persona in every built-in style on the offline brain, against the product's
 * thresholds. A threshold the listening work has not reached yet is an <em>expected failure</em>: listed in
 * {@link #EXPECTED_FAILURES} with the figure measured when it was marked, asserted to still fail (so a fix is noticed
 * and the mark removed), and shown in the scorecard written to {@code target/quality-scorecard.md}.
 */
class QualityLabTest {

    /**
     * Thresholds still missed, metric → the figure measured when marked (over all 80 interviews). Remove an entry as
     * soon as its metric passes everywhere: the test then fails until you do.
     */
    static final Map<String, String> EXPECTED_FAILURES = Map.of();

    private static Scorecard card;

    @BeforeAll
    static void runTheLab() throws IOException {
        card = InterviewSimulator.builder().personas(Personas.builtIn()).build().run();
        Path out = Path.of("target", "quality-scorecard.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, card.toMarkdown());
    }

    @Test
    void every_persona_is_interviewed_in_every_style_through_all_nine_stages() {
        assertThat(card.interviews()).hasSize(16 * 5);
        assertThat(card.interviews()).allMatch(InterviewScore::stagesInOrder);
    }

    @Test
    void every_threshold_holds_in_every_interview_except_the_marked_expected_failures() {
        Map<String, Integer> missed = new TreeMap<>();
        for (InterviewScore score : card.interviews()) {
            for (String miss : score.misses(Thresholds.DEFAULT)) {
                missed.merge(miss.substring(0, miss.indexOf('=')), 1, Integer::sum);
            }
        }
        List<String> unexpected = missed.keySet().stream().filter(m -> !EXPECTED_FAILURES.containsKey(m)).toList();
        assertThat(unexpected).as("thresholds missed (metric → interviews): %s%n%s", missed, card.totals(
                Thresholds.DEFAULT)).isEmpty();
        List<String> fixed = EXPECTED_FAILURES.keySet().stream().filter(m -> !missed.containsKey(m)).toList();
        assertThat(fixed).as("these now pass everywhere: remove their expected-failure marks").isEmpty();
    }
}
