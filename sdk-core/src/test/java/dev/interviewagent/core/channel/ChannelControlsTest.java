package dev.interviewagent.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.internal.engine.ControlsAttribute;
import dev.interviewagent.core.spi.InterviewCodec;
import dev.interviewagent.core.spi.testkit.TestInterviews;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Channel controls: each channel's greeting and help name its own controls, and no other channel's. */
class ChannelControlsTest {

    private static final ChannelControls PAGE = ChannelControls.NEUTRAL
            .withFinishEarly(ChannelControl.button(Map.of(Language.ENGLISH, "End interview",
                    Language.RUSSIAN, "Завершить интервью")))
            .withReport(ChannelControl.button(Map.of(Language.ENGLISH, "Report", Language.RUSSIAN, "Отчёт")))
            .withRepeat(ChannelControl.button(Map.of(Language.ENGLISH, "Repeat question",
                    Language.RUSSIAN, "Повторить вопрос")));

    private final InterviewEngine engine = InterviewEngine.builder().build();
    private final List<OutboundEvent> events = new ArrayList<>();

    @AfterEach
    void close() {
        engine.close();
    }

    private ChannelBridge bridge(ChannelControls controls) {
        ChannelAdapter adapter = new ChannelAdapter() {
            @Override
            public ChannelCapabilities capabilities() {
                return new ChannelCapabilities(true, false, false, 4096).withControls(controls);
            }

            @Override
            public synchronized void send(String conversation, OutboundEvent event) {
                events.add(event);
            }
        };
        return ChannelBridge.builder(engine, adapter).build();
    }

    private String greeting() {
        return events.stream().filter(OutboundEvent.Question.class::isInstance).map(OutboundEvent.Question.class::cast)
                .findFirst().orElseThrow().text();
    }

    private String help(ChannelBridge bridge, InterviewId id) {
        events.clear();
        bridge.handle("c", id, new InboundMessage.Command(MessageId.of("h"), ChannelCommand.HELP, null));
        return ((OutboundEvent.Notice) events.get(0)).text();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void should_name_the_commands_when_the_channel_has_commands(Language language) {
        ChannelBridge bridge = bridge(ChannelControls.commands());

        InterviewId id = bridge.start("c", StartRequest.builder().language(language).build(), null);

        assertThat(greeting()).contains("/complete", "/repeat",
                language == Language.RUSSIAN ? "вопрос ещё раз" : "the question again")
                .doesNotContain("“Repeat", "«Повторить");
        assertThat(engine.status(id).controls()).isEqualTo(ChannelControls.commands());
        assertThat(help(bridge, id)).contains("/status", "/complete", "/report", "/help", "/repeat")
                .contains(language == Language.RUSSIAN ? "/repeat — увидеть вопрос ещё раз"
                        : "/repeat — see the question again")
                .doesNotContain("“End", "«Завершить", "“Repeat", "«Повторить");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void should_name_the_button_and_no_command_when_the_channel_has_buttons(Language language) {
        ChannelBridge bridge = bridge(PAGE);

        InterviewId id = bridge.start("c", StartRequest.builder().language(language).build(), null);

        List<String> button = language == Language.RUSSIAN ? List.of("кнопк", "«Завершить интервью»")
                : List.of("the “End interview” button");
        assertThat(greeting()).contains(button).doesNotContain("/")
                .contains(language == Language.RUSSIAN ? "Кнопка «Повторить вопрос» покажет вопрос ещё раз"
                        : "The “Repeat question” button shows the question again");
        assertThat(help(bridge, id)).doesNotContain("/")
                .contains(language == Language.RUSSIAN ? "Кнопка «Отчёт» — " : "The “Report” button — ")
                .contains(language == Language.RUSSIAN ? "Кнопка «Повторить вопрос» — увидеть вопрос ещё раз"
                        : "The “Repeat question” button — see the question again");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void should_word_everything_neutrally_when_nobody_named_controls(Language language) {
        // a host that calls the engine itself, without a channel
        String greeting = engine.start(StartRequest.builder().language(language).build()).message().text();
        ChannelBridge bridge = bridge(ChannelControls.NEUTRAL);
        InterviewId id = bridge.start("c", StartRequest.builder().language(language).build(), null);

        assertThat(greeting).doesNotContain("/", "“End", "«Завершить", "question again", "вопрос ещё раз");
        assertThat(greeting()).doesNotContain("/", "“End", "«Завершить", "question again", "вопрос ещё раз")
                .contains(language == Language.RUSSIAN ? "досрочно" : "finish early");
        assertThat(engine.status(id).controls()).isEqualTo(ChannelControls.NEUTRAL);
        assertThat(help(bridge, id)).doesNotContain("/", "question again", "вопрос ещё раз");
    }

    @Test
    void should_keep_the_hosts_controls_when_the_request_names_them() {
        ChannelBridge bridge = bridge(ChannelControls.commands());

        InterviewId id = bridge.start("c", StartRequest.builder().language(Language.ENGLISH).controls(PAGE).build(),
                null);

        assertThat(greeting()).contains("“End interview”").doesNotContain("/complete");
        assertThat(engine.status(id).controls()).isEqualTo(PAGE);
    }

    @Test
    void should_read_an_interview_stored_without_controls_as_neutral_and_one_with_them_as_stored() {
        InterviewCodec codec = new InterviewCodec();
        Interview started = TestInterviews.whole(engine.start(StartRequest.builder().language(Language.ENGLISH)
                .controls(PAGE).build()).interview());
        Map<String, String> attributes = new HashMap<>(started.attributes());
        attributes.remove(ControlsAttribute.KEY);
        Interview old = started.toBuilder().attributes(attributes).build();

        assertThat(codec.interview(codec.toJson(started)).controls()).isEqualTo(PAGE);
        assertThat(codec.interview(codec.toJson(old)).controls()).isEqualTo(ChannelControls.NEUTRAL);
        assertThat(ControlsAttribute.decode("{not json")).isEqualTo(ChannelControls.NEUTRAL);
        assertThat(ControlsAttribute.decode("{\"finish_early\":{\"kind\":\"hologram\",\"labels\":{\"en\":\"x\"}}}"))
                .isEqualTo(ChannelControls.NEUTRAL);
    }

    @Test
    void should_reject_a_command_that_is_not_a_slash_command_and_a_label_that_is_a_sentence() {
        assertThatIllegalArgumentException().isThrownBy(() -> ChannelControl.command("complete"));
        assertThatIllegalArgumentException().isThrownBy(() -> ChannelControl.button("line one\nline two"));
        assertThatIllegalArgumentException().isThrownBy(() -> ChannelControl.button(" "));
        assertThatIllegalArgumentException().isThrownBy(() -> ChannelControl.button(Map.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new ChannelControl(ChannelControl.Kind.NONE,
                Map.of(Language.ENGLISH, "x")));
    }

    @Test
    void should_fall_back_to_the_english_label_when_a_language_has_none() {
        ChannelControl button = ChannelControl.button(Map.of(Language.ENGLISH, "Stop"));

        assertThat(button.label(Language.RUSSIAN)).isEqualTo("Stop");
        assertThat(ControlTexts.name(button, Language.RUSSIAN)).contains("кнопка «Stop»");
        assertThat(ControlTexts.name(ChannelControl.endpoint("POST /interviews/{id}/complete"), Language.ENGLISH))
                .isEmpty();
    }

    @Test
    void should_point_to_help_only_when_the_channel_has_a_help_control() {
        assertThat(ControlTexts.unknownCommand(ChannelControls.commands(), Language.ENGLISH)).contains("/help");
        assertThat(ControlTexts.unknownCommand(ChannelControls.commands(), Language.RUSSIAN)).contains("/help")
                .containsPattern("[а-я]");
        assertThat(ControlTexts.unknownCommand(PAGE, Language.ENGLISH)).doesNotContain("/");
    }

    @Test
    void should_list_the_commands_of_the_controls() {
        assertThat(ChannelControls.commands().commands(Language.ENGLISH))
                .containsExactly("/complete", "/status", "/report", "/help", "/repeat");
        assertThat(PAGE.commands(Language.ENGLISH)).isEmpty();
        assertThat(PAGE.neutral()).isFalse();
        assertThat(ChannelControls.NEUTRAL.withFinishEarly(ChannelControl.endpoint("POST /complete")).neutral())
                .isTrue();
        assertThat(ChannelControls.NEUTRAL.withRepeat(ChannelControl.command("/repeat")).neutral()).isFalse();
        assertThat(ChannelControls.NEUTRAL.withRepeat(ChannelControl.command("/repeat")).all())
                .hasSize(6).last().isEqualTo(ChannelControl.command("/repeat"));
    }
}
