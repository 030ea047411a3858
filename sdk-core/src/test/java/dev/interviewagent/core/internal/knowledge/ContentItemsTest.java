package dev.interviewagent.core.internal.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.internal.understanding.AnswerReader;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the report keeps of an answer: every story told, mistakes wherever told, nothing of meta answers. */
class ContentItemsTest {

    private final AnswerReader reader = new AnswerReader();

    private List<KnowledgeItem> items(String answer, Language language, boolean askedForMistake, boolean aboutAStory) {
        return ContentItems.complete(List.of(), reader.read(answer, language), answer, Stage.ESSENCE, 4,
                askedForMistake, aboutAStory);
    }

    @Test
    void a_story_told_in_any_stage_is_an_example_with_its_when_and_result() {
        List<KnowledgeItem> en = items("Hello! Happy to help. Last October a whole batch of tommes started to swell "
                + "on the third day. Jonas called me at six; forty wheels had split rinds. We pulled the batch and "
                + "wrote off 400 kg, but the next make came out clean.", Language.ENGLISH, false, false);
        assertThat(en).filteredOn(i -> i.kind() == KnowledgeKind.EXAMPLE).singleElement().satisfies(example -> {
            assertThat(example.text()).startsWith("Last October").doesNotContain("Hello");
            assertThat(example.attribute("when")).isEqualTo("Last October");
            assertThat(example.attribute("result")).contains("wrote off 400 kg");
        });
        List<KnowledgeItem> ru = items("Прошлой осенью партия вздулась на третий день. Технолог Нина позвонила мне в "
                + "шесть утра: на сорока головках треснула корка. Мы сняли партию и списали 400 кг, зато следующая "
                + "варка вышла чистой.", Language.RUSSIAN, false, false);
        assertThat(ru).filteredOn(i -> i.kind() == KnowledgeKind.EXAMPLE).singleElement()
                .satisfies(example -> assertThat(example.attribute("when")).isEqualTo("Прошлой осенью"));
    }

    @Test
    void nothing_more_as_i_said_and_greetings_become_no_item() {
        assertThat(items("Nothing more to add, honestly.", Language.ENGLISH, true, false)).isEmpty();
        assertThat(items("As I said, last October we wrote off 400 kg of tommes after the batch swelled.",
                Language.ENGLISH, false, false)).isEmpty();
        assertThat(items("Здравствуйте! Рада помочь.", Language.RUSSIAN, false, false)).isEmpty();
    }

    @Test
    void an_answer_to_a_question_about_mistakes_is_a_failure_mode_and_a_probe_answer_is_no_new_story() {
        assertThat(items("Cutting the curd by the timer instead of by the feel of the break.", Language.ENGLISH,
                true, false)).extracting(KnowledgeItem::kind).contains(KnowledgeKind.FAILURE_MODE);
        assertThat(items("That morning the first thing I noticed was the smell: sweet, not milky, and it got worse "
                + "by noon when Jonas opened the second vat.", Language.ENGLISH, false, true))
                .extracting(KnowledgeItem::kind).doesNotContain(KnowledgeKind.EXAMPLE);
    }

    @Test
    void a_contrast_keeps_its_expert_half_and_a_rule_of_thumb_is_an_insight() {
        List<KnowledgeItem> en = items("A newcomer reads the thermometer; an old hand reads the rind and the smell of"
                + " the cave.", Language.ENGLISH, false, false);
        assertThat(en).filteredOn(i -> i.kind() == KnowledgeKind.COMPETENCY && "expert".equals(i.attribute("level")))
                .singleElement().satisfies(i -> assertThat(i.text()).startsWith("An old hand reads the rind"));
        List<KnowledgeItem> ru = items("Новичок смотрит на растение, а опытный агроном сначала смотрит на почву под"
                + " ним.", Language.RUSSIAN, false, false);
        assertThat(ru).filteredOn(i -> i.kind() == KnowledgeKind.COMPETENCY && "expert".equals(i.attribute("level")))
                .singleElement().satisfies(i -> assertThat(i.text()).startsWith("А опытный агроном"));
        List<KnowledgeItem> rule = items("Always taste the milk before you set the recipe, because the milk decides"
                + " and the recipe follows.", Language.ENGLISH, false, false);
        assertThat(rule).extracting(KnowledgeItem::kind).contains(KnowledgeKind.INSIGHT);
    }
}
