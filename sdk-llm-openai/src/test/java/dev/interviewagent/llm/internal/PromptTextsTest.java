package dev.interviewagent.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.spi.MoveType;
import org.junit.jupiter.api.Test;

class PromptTextsTest {

    @Test
    void should_read_every_move_instruction_from_the_english_pack() {
        for (MoveType type : MoveType.values()) {
            assertThat(PromptTexts.howTo(type, Language.ENGLISH)).as(type.code()).isNotBlank();
        }
        assertThat(PromptTexts.howTo(MoveType.CLARIFY_VAGUE, Language.ENGLISH))
                .startsWith("Quote their vague phrase from \"quote\" word for word");
    }

    @Test
    void should_read_a_languages_own_texts_and_fall_back_to_english_for_the_rest() {
        // the Russian pack has its own contract, closing line and recall wording; move instructions are English
        assertThat(PromptTexts.finish(Language.RUSSIAN)).startsWith("Сформулируйте ход из \"move\"");
        assertThat(PromptTexts.recallHow(Language.RUSSIAN)).contains("Ранее вы сказали");
        assertThat(PromptTexts.contract(Language.RUSSIAN)).isNotEqualTo(PromptTexts.contract(Language.ENGLISH));
        assertThat(PromptTexts.howTo(MoveType.OPEN, Language.RUSSIAN))
                .isEqualTo(PromptTexts.howTo(MoveType.OPEN, Language.ENGLISH));
        assertThat(PromptTexts.askFor(Language.RUSSIAN, "cost")).isEqualTo("what it costs when nobody catches it");
    }

    @Test
    void should_keep_an_unknown_mistake_detail_as_its_code() {
        assertThat(PromptTexts.askFor(Language.ENGLISH, "timing")).isEqualTo("timing");
    }

    @Test
    void should_join_the_contract_lines_of_the_pack() {
        String contract = PromptTexts.contract(Language.ENGLISH);

        assertThat(contract.lines().count()).isGreaterThan(5);
        assertThat(contract).doesNotStartWith("\n").doesNotEndWith("\n");
    }
}
