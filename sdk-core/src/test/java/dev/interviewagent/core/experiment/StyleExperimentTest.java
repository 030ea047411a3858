package dev.interviewagent.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewSnapshot;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.guide.InterviewStyles;
import dev.interviewagent.core.spi.InterviewCodec;
import dev.interviewagent.core.spi.testkit.TestInterviews;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StyleExperimentTest {

    private static final StyleExperiment HALVES = StyleExperiment.builder().name("styles-2026")
            .weight("master", 1).weight("conversational", 1).build();

    @Test
    void should_give_the_same_respondent_the_same_style_every_time() {
        StyleExperiment again = StyleExperiment.parse("styles-2026", "master:1,conversational:1");
        for (int i = 0; i < 200; i++) {
            String id = "telegram:" + (1000 + i);
            assertThat(again.assign(id)).isEqualTo(HALVES.assign(id)).isEqualTo(HALVES.assign(id));
        }
    }

    @ParameterizedTest(name = "{0} -> {1} (halves), {2} (3:7)")
    @CsvSource({
            // python3: int.from_bytes(hashlib.sha256(b'styles-2026:' + id).digest()[:8], 'big') % total
            "telegram:42, conversational, conversational",   // position 1 of 2; 5 of 10
            "telegram:43, master, master",                   // 0 of 2; 2 of 10
            "web:alice, conversational, master",             // 1 of 2; 1 of 10
            "респондент-7, master, conversational"})         // 0 of 2; 6 of 10
    void should_follow_the_documented_hash_so_any_language_can_reproduce_it(String id, String halves,
                                                                              String threeToSeven) {
        assertThat(HALVES.assign(id).style()).isEqualTo(halves);
        assertThat(StyleExperiment.parse("styles-2026", "master:3,conversational:7").assign(id).style())
                .isEqualTo(threeToSeven);
    }

    @Test
    void should_respect_the_weights_over_ten_thousand_respondents_and_never_assign_weight_zero() {
        StyleExperiment experiment = StyleExperiment.builder().name("weights").weight("master", 1)
                .weight("telegram", 0).weight("conversational", 3).build();
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            counts.merge(experiment.assign("respondent-" + i).style(), 1, Integer::sum);
        }
        // expected 2,500 and 7,500; one standard deviation is 43, so ±200 is over four
        assertThat(counts.get("master")).isBetween(2_300, 2_700);
        assertThat(counts.get("conversational")).isBetween(7_300, 7_700);
        assertThat(counts).doesNotContainKey("telegram");
        assertThat(experiment.styles()).containsExactly("master", "telegram", "conversational");
    }

    @Test
    void should_split_the_same_respondents_independently_in_experiments_of_different_names() {
        StyleExperiment other = StyleExperiment.parse("styles-2027", "master:1,conversational:1");
        int same = 0;
        for (int i = 0; i < 10_000; i++) {
            String id = "respondent-" + i;
            same += HALVES.assign(id).style().equals(other.assign(id).style()) ? 1 : 0;
        }
        assertThat(same).isBetween(4_800, 5_200);
    }

    @Test
    void should_set_the_style_and_record_the_arm_when_starting_an_interview() {
        try (InterviewEngine engine = InterviewEngine.builder().build()) {
            Reply first = engine.start(StartRequest.builder().language(Language.ENGLISH)
                    .experiment(HALVES, "telegram:42").channelKey("telegram:42").attribute("k", "v").build());
            InterviewSnapshot interview = first.interview();

            assertThat(interview.style()).isEqualTo("conversational");
            assertThat(StyleAssignment.recordedOn(interview))
                    .contains(new StyleAssignment("styles-2026", "conversational"));
            assertThat(interview.attributes()).containsEntry("k", "v")
                    .containsEntry(StyleExperiment.NAME_ATTRIBUTE, "styles-2026")
                    .containsEntry(StyleExperiment.ARM_ATTRIBUTE, "conversational");
            assertThat(StyleAssignment.recordedOn(engine.status(first.interviewId()))).isPresent();
        }
    }

    @Test
    void should_keep_the_arm_through_the_codec_and_load_interviews_without_one() {
        InterviewCodec codec = new InterviewCodec();
        try (InterviewEngine engine = InterviewEngine.builder().build()) {
            Interview assigned = TestInterviews.whole(engine.start(StartRequest.builder()
                    .experiment(HALVES, "web:alice").build()).interview());
            Interview plain = TestInterviews.whole(engine.start(StartRequest.builder().style("telegram").build())
                    .interview());

            assertThat(StyleAssignment.recordedOn(codec.interview(codec.toJson(assigned))))
                    .contains(new StyleAssignment("styles-2026", "conversational"));
            Interview loaded = codec.interview(codec.toJson(plain));
            assertThat(loaded).isEqualTo(plain);
            assertThat(StyleAssignment.recordedOn(loaded)).isEmpty();
        }
    }

    @Test
    void should_refuse_a_style_set_after_the_experiment_chose_one() {
        StartRequest.Builder builder = StartRequest.builder().experiment(HALVES, "telegram:43").style("telegram");
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("arm master").hasMessageContaining("style is telegram");
    }

    @Test
    void should_parse_the_text_form_and_write_it_back() {
        StyleExperiment parsed = StyleExperiment.parse("a.b_c-1", " master : 2 , stage_specific:0,telegram:5 ");
        assertThat(parsed.arms()).containsExactly(new StyleExperiment.Arm("master", 2),
                new StyleExperiment.Arm("stage_specific", 0), new StyleExperiment.Arm("telegram", 5));
        assertThat(parsed.armsText()).isEqualTo("master:2,stage_specific:0,telegram:5");
        assertThat(StyleExperiment.parse("a.b_c-1", parsed.armsText())).isEqualTo(parsed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "master", "master:x", "master:1,master:2", "master:0", "master:-1",
            "master:1,,telegram:1", ":1"})
    void should_reject_bad_arms_naming_the_problem(String arms) {
        assertThatThrownBy(() -> StyleExperiment.parse("styles", arms)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-styles", "a:b", "with space",
            "x12345678901234567890123456789012345678901234567890123456789012345"})
    void should_reject_bad_names(String name) {
        assertThatThrownBy(() -> StyleExperiment.parse(name, "master:1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("experiment name");
    }

    @Test
    void should_reject_bad_respondent_ids_and_incomplete_builders() {
        assertThatThrownBy(() -> HALVES.assign(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HALVES.assign("x".repeat(513))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StyleExperiment.builder().weight("master", 1).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> StyleExperiment.builder().name("x").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("weight above 0");
    }

    @Test
    void should_take_styles_of_the_catalog_and_name_unknown_ones() {
        InterviewStyles styles = InterviewStyles.builtIn();
        StyleExperiment experiment = StyleExperiment.builder().name("catalog")
                .weight(styles.get("master"), 1).weight(styles.get("telegram"), 1).build();
        assertThat(experiment.requireKnownStyles(styles)).isSameAs(experiment);
        assertThatThrownBy(() -> StyleExperiment.parse("typo", "master:1,conversatonal:1")
                .requireKnownStyles(styles)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[conversatonal]");
    }
}
