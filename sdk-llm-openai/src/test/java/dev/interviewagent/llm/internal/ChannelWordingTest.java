package dev.interviewagent.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.channel.ChannelControl;
import dev.interviewagent.core.channel.ChannelControls;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.internal.engine.ControlsAttribute;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.core.spi.Move;
import dev.interviewagent.core.spi.MoveType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The LLM brain is told how this channel finishes early, and its messages may name no other channel's command. */
class ChannelWordingTest {

    private static final ChannelControls PAGE = ChannelControls.NEUTRAL.withFinishEarly(ChannelControl.button(
            Map.of(Language.ENGLISH, "End interview", Language.RUSSIAN, "Завершить интервью")))
            .withRepeat(ChannelControl.button(Map.of(Language.ENGLISH, "Repeat question",
                    Language.RUSSIAN, "Повторить вопрос")));

    private final ReplyValidator validator = new ReplyValidator();

    private static BrainRequest opening(Language language, ChannelControls controls) {
        Interview interview = LlmUnitTestSupport.interview(language);
        String encoded = ControlsAttribute.encode(controls);
        if (encoded != null) {
            interview = interview.toBuilder().attributes(Map.of(ControlsAttribute.KEY, encoded)).build();
        }
        return new BrainRequest(interview, Move.of(MoveType.OPEN, Stage.GREETING, 1),
                LlmUnitTestSupport.GUIDE.stage(Stage.GREETING), LlmUnitTestSupport.STYLES.get("master"), null, null,
                List.of(), 1);
    }

    /** Nothing shown to the model beyond the request: no system prompt runs, no context words to quote. */
    private static final PromptFacts NO_FACTS = new PromptFacts(Set.of(), "");

    private static String reply(String message) {
        return "{\"stage\":\"greeting\",\"message\":\"" + message + "\",\"question_depth\":1,\"completeness\":0,"
                + "\"engagement\":\"medium\",\"knowledge\":[],\"transition_ready\":false,\"end_requested\":false}";
    }

    private ReplyValidator.Verdict validate(BrainRequest request, String message) {
        return validator.validate(request, reply(message), NO_FACTS, "openai:m");
    }

    @Test
    void should_tell_the_model_the_channels_own_way_to_finish_early() {
        PromptBuilder prompts = new PromptBuilder(6000);

        String web = prompts.userMessage(opening(Language.ENGLISH, PAGE));
        String webRu = prompts.userMessage(opening(Language.RUSSIAN, PAGE));
        String telegram = prompts.userMessage(opening(Language.ENGLISH, ChannelControls.commands()));
        String neutral = prompts.userMessage(opening(Language.ENGLISH, ChannelControls.NEUTRAL));

        assertThat(web).contains("\"finish_early\" : \"the “End interview” button\"").doesNotContain("/complete");
        assertThat(webRu).contains("\"finish_early\" : \"кнопка «Завершить интервью»\"");
        assertThat(telegram).contains("\"finish_early\" : \"/complete\"");
        assertThat(neutral).contains("\"finish_early\" : \"" + PromptBuilder.NO_CONTROL + "\"")
                .doesNotContain("/complete");
        assertThat(PromptBuilder.howTo(MoveType.OPEN)).contains("interview.finish_early");
    }

    @Test
    void should_tell_the_model_the_channels_own_way_to_repeat_the_question_and_none_where_there_is_none() {
        PromptBuilder prompts = new PromptBuilder(6000);

        String web = prompts.userMessage(opening(Language.ENGLISH, PAGE));
        String webRu = prompts.userMessage(opening(Language.RUSSIAN, PAGE));
        String telegram = prompts.userMessage(opening(Language.ENGLISH, ChannelControls.commands()));
        String neutral = prompts.userMessage(opening(Language.ENGLISH, ChannelControls.NEUTRAL));

        assertThat(web).contains("\"repeat\" : \"the “Repeat question” button\"").doesNotContain("/repeat");
        assertThat(webRu).contains("\"repeat\" : \"кнопка «Повторить вопрос»\"");
        assertThat(telegram).contains("\"repeat\" : \"/repeat\"").doesNotContain("Repeat question");
        assertThat(neutral).doesNotContain("\"repeat\"", "/repeat");
        assertThat(PromptBuilder.howTo(MoveType.OPEN)).contains("interview.repeat");

        String message = "Welcome! Send /repeat to see a question again. What drew you to this work?";
        assertThat(validate(opening(Language.ENGLISH, ChannelControls.commands()), message))
                .isInstanceOf(ReplyValidator.Accepted.class);
        assertThat(validate(opening(Language.ENGLISH, PAGE), message)).isInstanceOfSatisfying(
                ReplyValidator.Rejected.class, r -> assertThat(r.problems()).anyMatch(p -> p.contains("/repeat")));
    }

    @Test
    void should_reject_a_message_that_names_a_command_the_channel_does_not_have() {
        String message = "Welcome! About nine stages; send /complete to finish early. What drew you to this work?";

        var onTheWeb = validate(opening(Language.ENGLISH, PAGE), message);
        var neutral = validate(opening(Language.ENGLISH, ChannelControls.NEUTRAL), message);
        var onTelegram = validate(opening(Language.ENGLISH, ChannelControls.commands()), message);

        assertThat(onTheWeb).isInstanceOfSatisfying(ReplyValidator.Rejected.class,
                r -> assertThat(r.problems()).anyMatch(p -> p.contains("/complete")));
        assertThat(neutral).isInstanceOf(ReplyValidator.Rejected.class);
        assertThat(onTelegram).isInstanceOf(ReplyValidator.Accepted.class);
        assertThat(validator.previewable(opening(Language.ENGLISH, PAGE), "Send /complete to finish early.",
                NO_FACTS, false)).isFalse();
        assertThat(validator.previewable(opening(Language.ENGLISH, ChannelControls.commands()),
                "Send /complete to finish early.", NO_FACTS, false)).isTrue();
    }

    @Test
    void should_not_take_slashes_in_words_numbers_or_addresses_for_commands() {
        Set<String> none = Set.of();

        assertThat(ReplyChecks.foreignCommands("Do you work days and/or nights, 24/7, at 50 km/h?", none)).isEmpty();
        assertThat(ReplyChecks.foreignCommands("See https://example.org/help for details.", none)).isEmpty();
        assertThat(ReplyChecks.foreignCommands("Send /Complete or /report json, then /report.", none))
                .containsExactly("/complete", "/report");
        assertThat(ReplyChecks.foreignCommands("Отправьте /complete, чтобы закончить.", Set.of("/complete")))
                .isEmpty();
    }
}
