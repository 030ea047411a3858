package dev.interviewagent.core.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.exception.InvalidInputException;
import dev.interviewagent.core.i18n.Messages;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** A guide may name its stages per language; without a name a stage is called by its built-in name. */
class StageTitlesTest {

    private static ObjectNode builtInJson() throws Exception {
        try (InputStream in = InterviewGuide.class.getResourceAsStream(InterviewGuide.BUILT_IN_RESOURCE)) {
            return (ObjectNode) new ObjectMapper().readTree(in);
        }
    }

    private static InterviewGuide read(ObjectNode json) throws Exception {
        return InterviewGuide.fromJson(new ByteArrayInputStream(new ObjectMapper().writeValueAsBytes(json)));
    }

    @Test
    void should_call_stages_by_their_built_in_names_when_the_guide_names_none() {
        InterviewGuide guide = InterviewGuide.expertise();
        for (Stage stage : Stage.values()) {
            for (Language language : Language.builtIn()) {
                assertThat(guide.stage(stage).title(language))
                        .isEqualTo(Messages.forLanguage(language).stageName(stage));
            }
        }
    }

    @Test
    void should_read_a_guides_own_stage_names_and_fall_back_per_language() throws Exception {
        ObjectNode json = builtInJson();
        ((ObjectNode) json.get("stages").get(3)).putObject("title").put("en", "A normal call-out")
                .put("ru", "Обычный выезд");
        ((ObjectNode) json.get("stages").get(5)).putObject("title").put("en", "When repairs go wrong");

        InterviewGuide guide = read(json);

        assertThat(guide.stage(Stage.OPERATIONS).title(Language.ENGLISH)).isEqualTo("A normal call-out");
        assertThat(guide.stage(Stage.OPERATIONS).title(Language.RUSSIAN)).isEqualTo("Обычный выезд");
        assertThat(guide.stage(Stage.FAILURE_MODES).title(Language.ENGLISH)).isEqualTo("When repairs go wrong");
        assertThat(guide.stage(Stage.FAILURE_MODES).title(Language.RUSSIAN))
                .isEqualTo(Messages.forLanguage(Language.RUSSIAN).stageName(Stage.FAILURE_MODES));
        assertThat(guide.stage(Stage.GREETING).title(Language.ENGLISH))
                .isEqualTo(Messages.forLanguage(Language.ENGLISH).stageName(Stage.GREETING));
    }

    @Test
    void should_refuse_a_blank_stage_name() throws Exception {
        ObjectNode json = builtInJson();
        ((ObjectNode) json.get("stages").get(0)).putObject("title").put("en", " ");
        assertThatThrownBy(() -> read(json)).isInstanceOf(InvalidInputException.class).hasMessageContaining("title");
    }
}
