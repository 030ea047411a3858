package dev.interviewagent.core.brain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.internal.brain.PhraseTemplates;
import dev.interviewagent.core.internal.guard.OneQuestionGuard;
import dev.interviewagent.core.spi.MoveType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks the template data itself: every question variant asks once, every lead asks nothing. */
class PhraseTemplatesTest {

    private static final Set<String> KNOWN = Set.of("name", "quote", "recall", "anchor", "seed", "seed_lc",
            "stage_name", "stage_goal", "stage_goal_lc", "stage_index", "stage_count", "from_stage_name", "emoji", "min_examples",
            "missing", "insights", "turn", "finish_early", "command", "button", "key");

    private final OneQuestionGuard guard = OneQuestionGuard.create();

    private static Map<String, String> sample(Language language) {
        boolean ru = language == Language.RUSSIAN;
        Map<String, String> values = new HashMap<>();
        values.put("name", "Anna");
        values.put("quote", ru ? "«как обычно»" : "“as usual”");
        values.put("recall", ru ? "«сначала сводка»" : "“the summary first”");
        values.put("seed", ru ? "Что вы делаете?" : "What do you do?");
        values.put("seed_lc", ru ? "что вы делаете?" : "what do you do?");
        values.put("stage_name", ru ? "Суть роли" : "Essence");
        values.put("stage_goal", ru ? "Понять роль." : "Understand the role.");
        values.put("stage_goal_lc", ru ? "понять роль." : "understand the role.");
        values.put("stage_index", "3");
        values.put("stage_count", "9");
        values.put("from_stage_name", ru ? "Опыт" : "Background");
        values.put("emoji", "🎯");
        values.put("min_examples", "3");
        values.put("missing", ru ? "примеров" : "examples");
        values.put("insights", "\n1. One.\n2. Two.\n");
        values.put("turn", "12");
        values.put("finish_early", ru ? "Остановиться можно когда угодно." : "You can stop whenever you like.");
        values.put("command", "/complete");
        values.put("button", ru ? "«Завершить интервью»" : "“End interview”");
        values.put("key", "Ctrl-E");
        return values;
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void should_ask_exactly_once_in_every_question_variant_and_never_in_leads_or_closings(Language language) {
        PhraseTemplates templates = PhraseTemplates.builtIn(language);
        Map<String, String> values = sample(language);
        for (String key : templates.keys()) {
            if (key.startsWith("quote.") || key.equals("ellipsis") || key.startsWith("list.")
                    || key.startsWith("missing.") || key.equals("distinct_last")) {
                continue;
            }
            boolean question = key.startsWith("moves.") && !key.startsWith("moves.open_intro");
            for (String variant : templates.variants(key)) {
                String text = PhraseTemplates.render(variant, values);
                assertThat(guard.countQuestions(text, language)).as(key + ": " + text).isEqualTo(question ? 1 : 0);
                assertThat(PhraseTemplates.placeholders(variant)).as(key).allMatch(KNOWN::contains);
            }
        }
    }

    @Test
    void should_have_the_same_template_keys_in_every_language() {
        Set<String> en = new TreeSet<>(PhraseTemplates.builtIn(Language.ENGLISH).keys());
        Set<String> ru = new TreeSet<>(PhraseTemplates.builtIn(Language.RUSSIAN).keys());
        assertThat(ru).isEqualTo(en);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void should_cover_every_move_with_a_default_pool(Language language) {
        PhraseTemplates templates = PhraseTemplates.builtIn(language);
        Set<String> keys = templates.keys();
        for (MoveType type : MoveType.values()) {
            String base = type == MoveType.CLOSE ? "close.normal" : "moves." + type.code();
            assertThat(keys).as(type.code()).contains(base + ".default");
        }
        for (String reason : List.of("normal", "early", "emergency")) {
            assertThat(templates.variants("close." + reason + ".default")).isNotEmpty();
            assertThat(templates.variants("close." + reason + ".telegram")).isNotEmpty();
        }
        // every move pool offers variants without the optional name
        Set<String> withoutName = keys.stream().filter(k -> k.startsWith("moves.") || k.startsWith("acks."))
                .filter(k -> templates.variants(k).stream().allMatch(v -> v.contains("{name}")))
                .collect(Collectors.toSet());
        assertThat(withoutName).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void should_word_finishing_early_for_every_kind_of_control_and_name_none_in_the_neutral_wording(
            Language language) {
        PhraseTemplates templates = PhraseTemplates.builtIn(language);
        for (String kind : List.of("command", "button", "key", "none")) {
            String base = "controls.finish_early." + kind;
            for (String pool : List.of(base + ".default", base + ".telegram", base + ".conversational")) {
                assertThat(templates.variants(pool)).as(pool).isNotEmpty();
                for (String variant : templates.variants(pool)) {
                    List<String> placeholders = PhraseTemplates.placeholders(variant);
                    assertThat(placeholders).as(variant)
                            .isEqualTo(kind.equals("none") ? List.of() : List.of(kind));
                    assertThat(variant).as(variant).doesNotContain("/");
                }
            }
        }
        // every greeting says how to finish early, in the channel's words
        for (String key : templates.keys()) {
            if (key.startsWith("moves.open_intro.")) {
                assertThat(templates.variants(key)).as(key).allMatch(v -> v.contains("{finish_early}"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void should_word_repeating_the_question_for_every_named_kind_of_control_and_never_unnamed(Language language) {
        PhraseTemplates templates = PhraseTemplates.builtIn(language);
        for (String kind : List.of("command", "button", "key")) {
            String pool = "controls.repeat." + kind + ".default";
            assertThat(templates.variants(pool)).as(pool).isNotEmpty();
            for (String variant : templates.variants(pool)) {
                assertThat(PhraseTemplates.placeholders(variant)).as(variant).isEqualTo(List.of(kind));
                assertThat(variant).as(variant).doesNotContain("/", "?");
            }
        }
        // a channel without a way to repeat hears nothing about it
        assertThat(templates.keys()).noneMatch(key -> key.startsWith("controls.repeat.none"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void should_use_the_languages_quotation_marks(Language language) {
        PhraseTemplates templates = PhraseTemplates.builtIn(language);
        String expected = language == Language.RUSSIAN ? "«" : "“";
        assertThat(templates.text("quote.open")).isEqualTo(expected);
    }
}
