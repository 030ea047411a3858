package dev.interviewagent.core.internal.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KnowledgeMergerTest {

    private final KnowledgeMerger merger = new KnowledgeMerger();

    private static KnowledgeItem item(KnowledgeKind kind, String text, int turn, String source) {
        return KnowledgeItem.of(kind, text, Stage.OPERATIONS, turn, source);
    }

    private static KnowledgeItem insight(String text, int turn, String source) {
        return item(KnowledgeKind.INSIGHT, text, turn, source);
    }

    @Test
    void should_keep_earlier_item_when_new_one_is_near_duplicate() {
        // given
        KnowledgeItem earlier = insight("The secret is to call the client before they call you.", 3,
                KnowledgeItem.SOURCE_ANALYZER);
        KnowledgeItem later = insight("the secret is to call the client before they call you!", 9,
                KnowledgeItem.SOURCE_ANALYZER);

        // when
        List<KnowledgeItem> merged = merger.merge(List.of(earlier), List.of(later));

        // then
        assertThat(merged).containsExactly(earlier);
    }

    @Test
    void should_let_member_check_win_when_it_duplicates_an_extracted_item() {
        // given
        KnowledgeItem extracted = insight("Trust matters more than speed for our clients.", 3,
                KnowledgeItem.SOURCE_ANALYZER);
        KnowledgeItem other = insight("Juniors skip the checklist.", 4, KnowledgeItem.SOURCE_ANALYZER);
        KnowledgeItem corrected = insight("Trust matters more than speed for our clients!", 30,
                KnowledgeItem.SOURCE_MEMBER_CHECK);

        // when
        List<KnowledgeItem> merged = merger.merge(List.of(extracted, other), List.of(corrected));

        // then: the correction takes the extracted item's place
        assertThat(merged).containsExactly(corrected, other);
    }

    @Test
    void should_keep_member_check_item_when_extracted_duplicate_arrives_later() {
        // given
        KnowledgeItem corrected = insight("Trust matters more than speed.", 30, KnowledgeItem.SOURCE_MEMBER_CHECK);
        KnowledgeItem extracted = insight("Trust matters more than speed", 31, KnowledgeItem.SOURCE_MODEL);

        // when / then
        assertThat(merger.merge(List.of(corrected), List.of(extracted))).containsExactly(corrected);
    }

    @Test
    void should_merge_attributes_when_model_item_duplicates_analyzer_item() {
        // given
        KnowledgeItem analyzer = new KnowledgeItem(KnowledgeKind.EXAMPLE, "Last week a client called at 2 am.",
                Stage.OPERATIONS, 5, KnowledgeItem.SOURCE_ANALYZER, List.of(), Map.of("when", "Last week"));
        KnowledgeItem model = new KnowledgeItem(KnowledgeKind.EXAMPLE, "Last week a client called at 2 am",
                Stage.OPERATIONS, 5, KnowledgeItem.SOURCE_MODEL, List.of(),
                Map.of("when", "last week", "result", "we rebuilt the flow"));

        // when
        List<KnowledgeItem> merged = merger.merge(List.of(analyzer), List.of(model));

        // then
        assertThat(merged).singleElement().satisfies(item -> {
            assertThat(item.source()).isEqualTo(KnowledgeItem.SOURCE_ANALYZER);
            assertThat(item.attributes()).containsEntry("when", "Last week")
                    .containsEntry("result", "we rebuilt the flow");
        });
    }

    @Test
    void should_merge_when_model_returns_a_trimmed_version_of_the_sentence() {
        // given
        KnowledgeItem analyzer = insight("Honestly, the key is to write everything down the moment it happens,"
                + " before memory fades.", 2, KnowledgeItem.SOURCE_ANALYZER);
        KnowledgeItem model = insight("the key is to write everything down the moment it happens", 2,
                KnowledgeItem.SOURCE_MODEL);

        // when / then
        assertThat(merger.merge(List.of(analyzer), List.of(model))).containsExactly(analyzer);
    }

    @Test
    void should_keep_both_when_kinds_differ() {
        // given
        KnowledgeItem example = item(KnowledgeKind.EXAMPLE, "The deploy failed twice last week.", 1,
                KnowledgeItem.SOURCE_ANALYZER);
        KnowledgeItem failure = item(KnowledgeKind.FAILURE_MODE, "The deploy failed twice last week.", 1,
                KnowledgeItem.SOURCE_ANALYZER);

        // when / then
        assertThat(merger.merge(List.of(example), List.of(failure))).containsExactly(example, failure);
    }

    @Test
    void should_keep_both_when_texts_differ_enough() {
        // given
        KnowledgeItem a = insight("The secret is to call the client first.", 1, KnowledgeItem.SOURCE_ANALYZER);
        KnowledgeItem b = insight("The secret is to never promise a date.", 2, KnowledgeItem.SOURCE_ANALYZER);

        // when / then
        assertThat(merger.merge(List.of(a), List.of(b))).containsExactly(a, b);
    }

    @Test
    void should_keep_both_metrics_when_one_clause_quotes_two_numbers() {
        // given
        KnowledgeItem percent = new KnowledgeItem(KnowledgeKind.METRIC, "Revenue grew 30% in 2 hours.",
                Stage.OPERATIONS, 1, KnowledgeItem.SOURCE_ANALYZER, List.of(), Map.of("value", "30", "unit", "%"));
        KnowledgeItem hours = new KnowledgeItem(KnowledgeKind.METRIC, "Revenue grew 30% in 2 hours.",
                Stage.OPERATIONS, 1, KnowledgeItem.SOURCE_ANALYZER, List.of(), Map.of("value", "2", "unit", "hours"));

        // when / then
        assertThat(merger.merge(List.of(), List.of(percent, hours))).containsExactly(percent, hours);
    }

    @Test
    void should_compare_processes_by_title_and_steps_when_titles_match() {
        // given
        KnowledgeItem onboarding = new KnowledgeItem(KnowledgeKind.PROCESS, "How we do it", Stage.OPERATIONS, 1,
                KnowledgeItem.SOURCE_ANALYZER, List.of("call the client", "send the contract"), Map.of());
        KnowledgeItem release = new KnowledgeItem(KnowledgeKind.PROCESS, "How we do it", Stage.OPERATIONS, 2,
                KnowledgeItem.SOURCE_ANALYZER, List.of("freeze the branch", "run smoke tests", "ship"), Map.of());
        KnowledgeItem onboardingAgain = new KnowledgeItem(KnowledgeKind.PROCESS, "How we do it", Stage.OPERATIONS, 3,
                KnowledgeItem.SOURCE_MODEL, List.of("call the client", "send the contract"), Map.of());

        // when / then
        assertThat(merger.merge(List.of(onboarding), List.of(release, onboardingAgain)))
                .containsExactly(onboarding, release);
    }

    @Test
    void should_take_steps_from_duplicate_when_kept_item_has_none() {
        // given
        KnowledgeItem bare = item(KnowledgeKind.PROCESS, "Client onboarding", 1, KnowledgeItem.SOURCE_MODEL);
        KnowledgeItem withSteps = new KnowledgeItem(KnowledgeKind.PROCESS, "client onboarding", Stage.ESSENCE, 4,
                KnowledgeItem.SOURCE_ANALYZER, List.of("call", "contract", "kick-off"), Map.of());

        // when
        List<KnowledgeItem> merged = merger.merge(List.of(bare), List.of(withSteps));

        // then
        assertThat(merged).singleElement().satisfies(item -> {
            assertThat(item.turn()).isEqualTo(1);
            assertThat(item.steps()).containsExactly("call", "contract", "kick-off");
        });
    }

    @Test
    void should_ignore_case_and_yo_when_comparing_russian_text() {
        // given
        KnowledgeItem a = insight("Всё решает доверие клиента.", 1, KnowledgeItem.SOURCE_ANALYZER);
        KnowledgeItem b = insight("все решает доверие клиента", 5, KnowledgeItem.SOURCE_MODEL);

        // when / then
        assertThat(merger.merge(List.of(a), List.of(b))).containsExactly(a);
    }

    @Test
    void should_deduplicate_within_incoming_batch_and_leave_inputs_untouched() {
        // given
        List<KnowledgeItem> existing = new ArrayList<>();
        List<KnowledgeItem> incoming = List.of(insight("The key is focus.", 1, KnowledgeItem.SOURCE_MODEL),
                insight("The key is focus!", 1, KnowledgeItem.SOURCE_MODEL));

        // when
        List<KnowledgeItem> merged = merger.merge(existing, incoming);

        // then
        assertThat(merged).hasSize(1);
        assertThat(existing).isEmpty();
        assertThatThrownBy(() -> merged.add(incoming.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest(name = "[{index}] {0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            "a b c d|a b c d|1.0",
            "a b c d|A, B. C! D?|1.0",
            "a b c d|a b c e|0.6",
            "a b|c d|0.0",
            "Всё просто|все ПРОСТО|1.0"})
    void should_measure_token_jaccard_when_comparing_texts(String a, String b, double expected) {
        assertThat(KnowledgeMerger.similarity(a, b)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.1, 1.01, Double.NaN})
    void should_reject_threshold_when_out_of_range(double threshold) {
        assertThatThrownBy(() -> new KnowledgeMerger(threshold))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold");
    }

    @Test
    void should_treat_item_as_same_knowledge_when_only_punctuation_differs() {
        assertThat(merger.sameKnowledge(insight("Focus, always.", 1, KnowledgeItem.SOURCE_MODEL),
                insight("focus always", 2, KnowledgeItem.SOURCE_ANALYZER))).isTrue();
    }
}
