package dev.interviewagent.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.channel.ChannelAdapter;
import dev.interviewagent.core.channel.ChannelBridge;
import dev.interviewagent.core.channel.ChannelCapabilities;
import dev.interviewagent.core.channel.InboundMessage;
import dev.interviewagent.core.channel.OutboundEvent;
import dev.interviewagent.core.channel.SpeechTranscriber;
import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.core.spi.testkit.MutableClock;
import dev.interviewagent.voice.assemblyai.AssemblyAiSpeechToText;
import dev.interviewagent.voice.fake.FakeAssemblyAiServer;
import dev.interviewagent.voice.fake.FakeOpenAiServer;
import dev.interviewagent.voice.openai.OpenAiSpeechToText;
import dev.interviewagent.voice.testkit.AudioFixtures;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VoiceTranscriberTest {

    private static final String KEY = "sk-test-transcriber";
    private final FakeOpenAiServer server = new FakeOpenAiServer(KEY);
    private final SpeechTranscriber transcriber = VoiceTranscriber.of(OpenAiSpeechToText.builder().apiKey(KEY)
            .baseUrl(server.baseUrl()).requestTimeout(Duration.ofSeconds(10)).build());

    @AfterEach
    void stop() {
        server.close();
        assertThat(server.violations()).isEmpty();
    }

    @Test
    void should_transcribe_a_real_telegram_voice_note_with_the_interview_language_as_hint() {
        server.result("Сначала я проверяю кромки", "russian", -0.05);
        byte[] note = AudioFixtures.shared(AudioFixtures.TELEGRAM_VOICE_NOTE);

        SpeechTranscriber.Heard heard = transcriber.transcribe(
                new InboundMessage.Audio(MessageId.of("v1"), "ogg", note), Language.RUSSIAN);

        assertThat(heard.text()).isEqualTo("Сначала я проверяю кромки");
        assertThat(heard.confidence()).isBetween(0.9, 1.0);
        assertThat(server.lastTranscriptionParts()).anySatisfy(part -> {
            assertThat(part.name()).isEqualTo("language");
            assertThat(part.text()).isEqualTo("ru");
        });
    }

    @Test
    void should_reject_unusable_audio_before_any_upload() {
        byte[] random = new byte[4096];
        new java.util.Random(7).nextBytes(random);

        assertThatThrownBy(() -> transcriber.transcribe(new InboundMessage.Audio(MessageId.of("v2"), "ogg", random),
                Language.ENGLISH))
                .isInstanceOf(SpeechException.class)
                .satisfies(e -> assertThat(((SpeechException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED_AUDIO));
        assertThatThrownBy(() -> transcriber.transcribe(new InboundMessage.Audio(MessageId.of("v3"), "ogg",
                new byte[0]), Language.ENGLISH)).isInstanceOf(SpeechException.class);
        assertThat(server.requests()).isEmpty();
    }
    @Test
    void should_call_the_provider_once_when_a_channel_delivers_the_same_recording_twice() {
        MutableClock clock = new MutableClock();
        try (FakeAssemblyAiServer assemblyAi = new FakeAssemblyAiServer("aai-dedupe-key");
             InterviewEngine engine = InterviewEngine.builder().build();
             SpeechToText stt = AssemblyAiSpeechToText.builder().apiKey("aai-dedupe-key")
                     .baseUrl(assemblyAi.baseUrl()).requestTimeout(Duration.ofSeconds(10))
                     .clock(clock).sleeper(clock.sleeper()).build()) {
            List<OutboundEvent> events = new CopyOnWriteArrayList<>();
            ChannelAdapter adapter = new ChannelAdapter() {
                @Override
                public ChannelCapabilities capabilities() {
                    return new ChannelCapabilities(true, false, false, 4096);
                }

                @Override
                public void send(String conversation, OutboundEvent event) {
                    events.add(event);
                }
            };
            ChannelBridge bridge = ChannelBridge.builder(engine, adapter).transcriber(VoiceTranscriber.of(stt))
                    .build();
            InterviewId id = bridge.start("c1", StartRequest.builder().language(Language.ENGLISH).build(), null);
            byte[] note = AudioFixtures.shared(AudioFixtures.TELEGRAM_VOICE_NOTE);

            bridge.handle("c1", id, new InboundMessage.Audio(MessageId.of("voice-1"), "ogg", note));
            bridge.handle("c2", id, new InboundMessage.Audio(MessageId.of("voice-1"), "ogg", note)); // reconnected

            assertThat(assemblyAi.requests("POST", "/v2/upload")).hasSize(1);
            assertThat(assemblyAi.requests("POST", "/v2/transcript")).hasSize(1);
            assertThat(assemblyAi.deletedTranscripts()).isEqualTo(assemblyAi.createdTranscripts());
            assertThat(engine.transcript(id)).filteredOn(Turn::isRespondent).hasSize(1);
            assertThat(events).filteredOn(OutboundEvent.Error.class::isInstance).isEmpty();
            assertThat(events).filteredOn(OutboundEvent.Transcript.class::isInstance).hasSize(2);
            assertThat(assemblyAi.violations()).isEmpty();
        }
    }

    @Test
    void should_tell_channels_the_longest_recording_its_inspector_takes() {
        assertThat(transcriber.maxDuration()).contains(AudioLimits.DEFAULT_MAX_DURATION);
        SpeechToText speech = OpenAiSpeechToText.builder().apiKey(KEY).baseUrl(server.baseUrl()).build();
        assertThat(VoiceTranscriber.of(speech, AudioInspector.of(AudioLimits.builder()
                .maxDuration(Duration.ofSeconds(45)).build())).maxDuration()).contains(Duration.ofSeconds(45));
        assertThat(SpeechTranscriber.NONE.maxDuration()).isEmpty();
    }
}
