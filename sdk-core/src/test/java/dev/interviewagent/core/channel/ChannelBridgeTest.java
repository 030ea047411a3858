package dev.interviewagent.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.CloseReason;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.core.exception.UnsupportedAudioException;
import dev.interviewagent.core.report.ReportFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChannelBridgeTest {

    private final List<OutboundEvent> events = new ArrayList<>();
    private final AtomicReference<SpeechTranscriber.Heard> heard = new AtomicReference<>();
    private final InterviewEngine engine = InterviewEngine.builder().build();
    private final ChannelAdapter adapter = new ChannelAdapter() {
        @Override
        public ChannelCapabilities capabilities() {
            return new ChannelCapabilities(true, false, false, 4096);
        }

        @Override
        public synchronized void send(String conversation, OutboundEvent event) {
            events.add(event);
        }
    };
    private final ChannelBridge bridge = ChannelBridge.builder(engine, adapter)
            .transcriber((audio, language) -> {
                if (audio.bytes().length == 0) {
                    throw new UnsupportedAudioException("empty recording");
                }
                return heard.get();
            })
            .build();

    @AfterEach
    void close() {
        engine.close();
    }

    private InterviewId start(Language language) {
        InterviewId id = bridge.start("c1", StartRequest.builder().language(language).build(), "tok");
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(OutboundEvent.Session.class);
        assertThat(((OutboundEvent.Session) events.get(0)).token()).isEqualTo("tok");
        assertThat(events.get(1)).isInstanceOf(OutboundEvent.Question.class);
        events.clear();
        return id;
    }

    @Test
    void should_answer_with_a_confident_transcript_and_show_what_was_heard() {
        InterviewId id = start(Language.ENGLISH);
        heard.set(new SpeechTranscriber.Heard("I started as an apprentice welder in 2004.", 0.93));

        bridge.handle("c1", id, new InboundMessage.Audio(MessageId.of("v1"), "ogg", new byte[] {1, 2, 3}));

        assertThat(events.get(0)).isInstanceOfSatisfying(OutboundEvent.Transcript.class, t -> {
            assertThat(t.quality()).isEqualTo(TranscriptQuality.HIGH);
            assertThat(t.needsConfirmation()).isFalse();
        });
        assertThat(events.get(events.size() - 1)).isInstanceOf(OutboundEvent.Question.class);
        Turn answer = engine.transcript(id).get(1);
        assertThat(answer.modality()).isEqualTo(Turn.Modality.VOICE);
        assertThat(answer.confidence()).isEqualTo(0.93);
    }

    @Test
    void should_hold_a_low_confidence_transcript_until_the_respondent_confirms_it() {
        InterviewId id = start(Language.RUSSIAN);
        heard.set(new SpeechTranscriber.Heard("сначала проверяю кромки", 0.41));

        bridge.handle("c1", id, new InboundMessage.Audio(MessageId.of("v1"), "ogg", new byte[] {1}));
        assertThat(events).singleElement().isInstanceOfSatisfying(OutboundEvent.Transcript.class, t -> {
            assertThat(t.needsConfirmation()).isTrue();
            assertThat(t.choices()).extracting(Choice::action).containsExactly(Choice.CONFIRM_TRANSCRIPT,
                    Choice.RETRY_TRANSCRIPT, Choice.TYPE_INSTEAD);
            assertThat(t.choices().get(0).label()).containsPattern("[а-яА-Я]");
        });
        assertThat(engine.transcript(id)).hasSize(1);

        bridge.handle("c1", id, new InboundMessage.ButtonPress(MessageId.of("b1"), Choice.CONFIRM_TRANSCRIPT));
        bridge.handle("c1", id, new InboundMessage.ButtonPress(MessageId.of("b2"), Choice.CONFIRM_TRANSCRIPT));

        assertThat(engine.transcript(id)).filteredOn(Turn::isRespondent).singleElement()
                .satisfies(t -> assertThat(t.text()).isEqualTo("сначала проверяю кромки"));
        assertThat(events.get(events.size() - 1)).isInstanceOf(OutboundEvent.Notice.class);
    }

    @Test
    void should_drop_a_low_confidence_transcript_when_the_respondent_types_instead() {
        InterviewId id = start(Language.ENGLISH);
        heard.set(new SpeechTranscriber.Heard("mumble", 0.2));
        bridge.handle("c1", id, new InboundMessage.Audio(MessageId.of("v1"), "ogg", new byte[] {1}));
        bridge.handle("c1", id, new InboundMessage.ButtonPress(MessageId.of("b1"), Choice.TYPE_INSTEAD));
        bridge.handle("c1", id, new InboundMessage.ButtonPress(MessageId.of("b2"), Choice.CONFIRM_TRANSCRIPT));

        assertThat(engine.transcript(id)).hasSize(1);
        assertThat(events).filteredOn(OutboundEvent.Notice.class::isInstance).hasSize(2);
    }

    @Test
    void should_turn_failures_into_localised_error_events() {
        InterviewId id = start(Language.RUSSIAN);
        bridge.handle("c1", id, new InboundMessage.Audio(MessageId.of("v1"), "ogg", new byte[0]));
        bridge.handle("c1", id, new InboundMessage.Text(MessageId.of("t1"), "   "));
        bridge.handle("c1", InterviewId.of("missing"), new InboundMessage.Text(MessageId.of("t2"), "hello"));

        assertThat(events).extracting(e -> ((OutboundEvent.Error) e).code())
                .containsExactly(ErrorCode.UNSUPPORTED_AUDIO, ErrorCode.BAD_REQUEST, ErrorCode.NOT_FOUND);
        assertThat(((OutboundEvent.Error) events.get(0)).message()).containsPattern("[а-яА-Я]");
        assertThat(((OutboundEvent.Error) events.get(0)).replyTo()).isEqualTo("v1");
    }

    @Test
    void should_run_commands() {
        InterviewId id = start(Language.ENGLISH);
        bridge.handle("c1", id, new InboundMessage.Command(MessageId.of("s"), ChannelCommand.STATUS, null));
        bridge.handle("c1", id, new InboundMessage.Command(MessageId.of("r"), ChannelCommand.REPORT, "json"));
        bridge.handle("c1", id, new InboundMessage.Command(MessageId.of("h"), ChannelCommand.HELP, null));
        bridge.handle("c1", id, new InboundMessage.Command(MessageId.of("x"), ChannelCommand.REPORT, "pdf"));
        bridge.handle("c1", id, new InboundMessage.Command(MessageId.of("c"), ChannelCommand.COMPLETE, null));

        assertThat(events.get(0)).isInstanceOfSatisfying(OutboundEvent.Status.class,
                s -> assertThat(s.summary()).contains("1/9"));
        assertThat(events.get(1)).isInstanceOfSatisfying(OutboundEvent.Report.class,
                r -> assertThat(r.format()).isEqualTo(ReportFormat.JSON));
        assertThat(events.get(2)).isInstanceOfSatisfying(OutboundEvent.Notice.class,
                n -> assertThat(n.text()).contains("/complete"));
        assertThat(events.get(3)).isInstanceOfSatisfying(OutboundEvent.Error.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
        assertThat(events.get(4)).isInstanceOfSatisfying(OutboundEvent.Completed.class, c -> {
            assertThat(c.reason()).isEqualTo(CloseReason.EARLY);
            assertThat(c.report().isFinal()).isTrue();
        });
    }

    @Test
    void should_resend_the_pending_question_on_resume() {
        InterviewId id = start(Language.ENGLISH);
        bridge.handle("c1", id, new InboundMessage.Text(MessageId.of("t1"), "My father had a forge, so I grew up in it."));
        OutboundEvent.Question asked = (OutboundEvent.Question) events.get(events.size() - 1);
        events.clear();

        bridge.resume("c2", id, null);

        assertThat(events.get(0)).isInstanceOfSatisfying(OutboundEvent.Session.class,
                s -> assertThat(s.resumed()).isTrue());
        assertThat(events.get(1)).isInstanceOfSatisfying(OutboundEvent.Question.class, q -> {
            assertThat(q.turn()).isEqualTo(asked.turn());
            assertThat(q.text()).isEqualTo(asked.text());
        });
    }

    @Test
    void should_split_long_text_at_sentence_boundaries() {
        String text = "First sentence here. ".repeat(40) + "\n\n" + "Second paragraph. ".repeat(40);
        List<String> parts = MessageSplitter.split(text, 300);
        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(300));
        assertThat(String.join(" ", parts).replaceAll("\\s+", " ")).isEqualTo(text.replaceAll("\\s+", " ").strip());
        assertThat(parts).allSatisfy(p -> assertThat(p).endsWith("."));
        assertThat(MessageSplitter.split("😀".repeat(300), 101)).allSatisfy(p ->
                assertThat(Character.isLowSurrogate(p.charAt(0))).isFalse());
    }
}
