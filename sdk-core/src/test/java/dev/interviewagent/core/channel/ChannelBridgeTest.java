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
import dev.interviewagent.core.i18n.Messages;
import dev.interviewagent.core.report.ReportFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
    void should_archive_an_interview_quietly_and_forget_its_transcript_awaiting_confirmation() {
        InterviewId id = bridge.start("c1", StartRequest.builder().language(Language.RUSSIAN).channelKey("tg:7")
                .build(), null);
        events.clear();
        assertThat(bridge.findActive("tg:7")).contains(id);
        assertThat(bridge.languageOf(id)).isEqualTo(Language.RUSSIAN);
        heard.set(new SpeechTranscriber.Heard("mumble", 0.2));
        bridge.handle("c1", id, new InboundMessage.Audio(MessageId.of("v1"), "ogg", new byte[] {1}));
        events.clear();

        bridge.archive(id, MessageId.of("archive-1"));

        assertThat(events).as("nothing said to the conversation").isEmpty();
        assertThat(bridge.findActive("tg:7")).isEmpty();
        assertThat(engine.status(id).isActive()).isFalse();
        assertThat(engine.report(id, ReportFormat.JSON)).as("the report is kept").isNotBlank();
        // the recording is no longer held: confirming it finds nothing to confirm (not "the interview has ended")
        bridge.handle("c1", id, new InboundMessage.ButtonPress(MessageId.of("b1"), Choice.CONFIRM_TRANSCRIPT));
        assertThat(events).singleElement().isInstanceOfSatisfying(OutboundEvent.Notice.class,
                n -> assertThat(n.key()).isEqualTo("transcript.none"));
        assertThat(bridge.languageOf(InterviewId.of("missing"))).as("default language").isEqualTo(Language.ENGLISH);
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
        // this channel names no controls: the help names no command either
        assertThat(events.get(2)).isInstanceOfSatisfying(OutboundEvent.Notice.class,
                n -> assertThat(n.text()).doesNotContain("/").contains("just say so"));
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
        bridge.handle("c1", id, new InboundMessage.Text(MessageId.of("t1"),
                "My father had a forge, so I grew up in it."));
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
    void should_repeat_the_pending_question_unchanged_without_storing_a_turn() {
        InterviewId id = start(Language.ENGLISH);
        bridge.handle("c1", id, new InboundMessage.Text(MessageId.of("t1"),
                "My father had a forge, so I grew up in it."));
        OutboundEvent.Question asked = (OutboundEvent.Question) events.get(events.size() - 1);
        int turns = engine.status(id).turnCount();
        int stored = engine.transcript(id).size();
        events.clear();

        bridge.handle("c1", id, new InboundMessage.Command(MessageId.of("rep"), ChannelCommand.REPEAT, null));

        assertThat(events).singleElement().isInstanceOfSatisfying(OutboundEvent.Question.class, q -> {
            assertThat(q.turn()).isEqualTo(asked.turn());
            assertThat(q.text()).isEqualTo(asked.text());
            assertThat(q.stage()).isEqualTo(asked.stage());
            assertThat(q.replyTo()).isEqualTo("rep");
        });
        assertThat(engine.status(id).turnCount()).as("no turn stored").isEqualTo(turns);
        assertThat(engine.transcript(id)).hasSize(stored);
        assertThat(engine.status(id).pendingQuestion().number()).isEqualTo(asked.turn());

        // the next answer still answers the repeated question
        events.clear();
        bridge.handle("c1", id, new InboundMessage.Text(MessageId.of("t2"), "I learned welding there at fourteen."));
        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(OutboundEvent.Question.class,
                q -> assertThat(q.turn()).isEqualTo(asked.turn() + 2));
    }

    @Test
    void should_say_the_interview_has_ended_when_asked_to_repeat_on_a_finished_one() {
        InterviewId id = start(Language.RUSSIAN);
        bridge.handle("c1", id, new InboundMessage.Command(MessageId.of("c"), ChannelCommand.COMPLETE, null));
        int stored = engine.transcript(id).size();
        events.clear();

        bridge.handle("c1", id, new InboundMessage.Command(MessageId.of("rep"), ChannelCommand.REPEAT, null));

        assertThat(events).singleElement().isInstanceOfSatisfying(OutboundEvent.Error.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
            assertThat(e.message()).isEqualTo(Messages.forLanguage(Language.RUSSIAN).get("error.closed"));
            assertThat(e.replyTo()).isEqualTo("rep");
        });
        assertThat(engine.transcript(id)).hasSize(stored);
    }

    /** A bridge over the same engine whose transcriber counts its calls and hears what {@code heard} says. */
    private ChannelBridge countingBridge(AtomicInteger calls) {
        return ChannelBridge.builder(engine, adapter).transcriber((audio, language) -> {
            calls.incrementAndGet();
            return heard.get();
        }).build();
    }

    private static InboundMessage.Audio recording(String messageId) {
        return new InboundMessage.Audio(MessageId.of(messageId), "ogg", new byte[] {1, 2, 3});
    }

    @Test
    void should_transcribe_once_when_the_same_recording_is_sent_twice() {
        AtomicInteger calls = new AtomicInteger();
        ChannelBridge counting = countingBridge(calls);
        InterviewId id = start(Language.ENGLISH);
        heard.set(new SpeechTranscriber.Heard("I started as an apprentice welder in 2004.", 0.93));

        counting.handle("c1", id, recording("v1"));
        OutboundEvent.Question first = (OutboundEvent.Question) events.get(events.size() - 1);
        events.clear();
        counting.handle("c1", id, recording("v1"));

        assertThat(calls).hasValue(1);
        assertThat(engine.transcript(id)).filteredOn(Turn::isRespondent).hasSize(1);
        assertThat(events.get(0)).isInstanceOfSatisfying(OutboundEvent.Transcript.class,
                t -> assertThat(t.text()).isEqualTo("I started as an apprentice welder in 2004."));
        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(OutboundEvent.Question.class, q -> {
            assertThat(q.turn()).isEqualTo(first.turn());
            assertThat(q.text()).isEqualTo(first.text());
        });
    }

    @Test
    void should_not_transcribe_again_when_an_answered_recording_arrives_after_a_restart() {
        InterviewId id = start(Language.ENGLISH);
        heard.set(new SpeechTranscriber.Heard("I started as an apprentice welder in 2004.", 0.93));
        bridge.handle("c1", id, recording("v1"));
        events.clear();
        AtomicInteger calls = new AtomicInteger();

        // a new bridge remembers nothing: the engine's record of the answer is what stops the second transcription
        countingBridge(calls).handle("c2", id, recording("v1"));

        assertThat(calls).hasValue(0);
        assertThat(engine.transcript(id)).filteredOn(Turn::isRespondent).hasSize(1);
        assertThat(events).last().isInstanceOf(OutboundEvent.Question.class);
    }

    @Test
    void should_transcribe_once_when_an_unconfirmed_recording_is_sent_again_from_a_new_connection() {
        AtomicInteger calls = new AtomicInteger();
        ChannelBridge counting = countingBridge(calls);
        InterviewId id = start(Language.RUSSIAN);
        heard.set(new SpeechTranscriber.Heard("сначала проверяю кромки", 0.41));
        counting.handle("c1", id, recording("v1"));
        events.clear();

        counting.handle("c2", id, recording("v1")); // the page reconnected and sent the recording again
        counting.handle("c2", id, new InboundMessage.ButtonPress(MessageId.of("b1"), Choice.CONFIRM_TRANSCRIPT));

        assertThat(calls).hasValue(1);
        assertThat(events.get(0)).isInstanceOfSatisfying(OutboundEvent.Transcript.class,
                t -> assertThat(t.needsConfirmation()).isTrue());
        assertThat(engine.transcript(id)).filteredOn(Turn::isRespondent).singleElement()
                .satisfies(t -> assertThat(t.text()).isEqualTo("сначала проверяю кромки"));
    }

    @Test
    void should_transcribe_once_when_the_same_recording_arrives_twice_at_the_same_time() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch transcribing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ChannelBridge slow = ChannelBridge.builder(engine, adapter).transcriber((audio, language) -> {
            calls.incrementAndGet();
            transcribing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new SpeechTranscriber.Heard("I started as an apprentice welder in 2004.", 0.93);
        }).build();
        InterviewId id = start(Language.ENGLISH);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> slow.handle("c1", id, recording("v1")));
            assertThat(transcribing.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> second = pool.submit(() -> slow.handle("c2", id, recording("v1")));
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(calls).hasValue(1);
        assertThat(engine.transcript(id)).filteredOn(Turn::isRespondent).hasSize(1);
        assertThat(events).filteredOn(OutboundEvent.Error.class::isInstance).isEmpty();
    }

    @Test
    void should_transcribe_again_when_the_first_attempt_failed() {
        AtomicInteger calls = new AtomicInteger();
        ChannelBridge flaky = ChannelBridge.builder(engine, adapter).transcriber((audio, language) -> {
            if (calls.incrementAndGet() == 1) {
                throw new dev.interviewagent.core.exception.RateLimitedException("speech provider answered 429");
            }
            return new SpeechTranscriber.Heard("I started as an apprentice welder in 2004.", 0.93);
        }).build();
        InterviewId id = start(Language.ENGLISH);

        flaky.handle("c1", id, recording("v1"));
        flaky.handle("c1", id, recording("v1"));

        assertThat(calls).hasValue(2);
        assertThat(events.get(0)).isInstanceOf(OutboundEvent.Error.class);
        assertThat(engine.transcript(id)).filteredOn(Turn::isRespondent).hasSize(1);
    }

    @Test
    void should_transcribe_each_interview_when_two_interviews_use_the_same_message_id() {
        AtomicInteger calls = new AtomicInteger();
        ChannelBridge counting = countingBridge(calls);
        heard.set(new SpeechTranscriber.Heard("I started as an apprentice welder in 2004.", 0.93));
        InterviewId one = start(Language.ENGLISH);
        InterviewId two = start(Language.ENGLISH);

        counting.handle("c1", one, recording("v1"));
        counting.handle("c2", two, recording("v1"));

        assertThat(calls).hasValue(2);
    }

    @Test
    void should_forget_a_transcript_when_it_is_older_than_the_maximum_age() {
        java.time.Instant[] now = {java.time.Instant.parse("2026-01-01T00:00:00Z")};
        java.time.Clock clock = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return now[0];
            }
        };
        RecentTranscripts recent = new RecentTranscripts(2, java.time.Duration.ofMinutes(30), clock);
        AtomicInteger calls = new AtomicInteger();
        java.util.function.Supplier<SpeechTranscriber.Heard> transcription = () -> {
            calls.incrementAndGet();
            return new SpeechTranscriber.Heard("text", 0.9);
        };
        InterviewId id = InterviewId.of("i-1");

        recent.transcribe(id, MessageId.of("a"), transcription);
        recent.transcribe(id, MessageId.of("a"), transcription);
        now[0] = now[0].plus(java.time.Duration.ofMinutes(31));
        recent.transcribe(id, MessageId.of("a"), transcription);
        recent.transcribe(id, MessageId.of("b"), transcription);
        recent.transcribe(id, MessageId.of("c"), transcription);

        assertThat(calls).hasValue(4);
        assertThat(recent.size()).isEqualTo(2); // bounded: "a" made way for "b" and "c"
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
