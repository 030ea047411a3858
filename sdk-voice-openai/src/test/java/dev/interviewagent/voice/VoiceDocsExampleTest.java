package dev.interviewagent.voice;

import static dev.interviewagent.core.docs.DocRegions.region;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.channel.InboundMessage;
import dev.interviewagent.core.channel.QualityTiers;
import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.voice.assemblyai.AssemblyAiSpeechToText;
import dev.interviewagent.voice.fake.FakeAssemblyAiServer;
import dev.interviewagent.voice.fake.FakeOpenAiServer;
import dev.interviewagent.voice.metrics.micrometer.MeteredSpeechToText;
import dev.interviewagent.voice.testkit.AudioFixtures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The examples quoted in {@code docs/voice.md}, compiled and run here; the last test fails when the page and the code
 * drift apart.
 */
class VoiceDocsExampleTest {

    /** What the channel example decides for one voice note. */
    record Outcome(String answer, String askToConfirm, String errorCode) {
    }

    static Outcome handleVoiceNote(Map<String, String> env, byte[] voiceNote) {
        // tag::channel[]
        SpeechToText stt = SpeechToTextFactory.fromEnvironment(env)
                .orElseThrow(() -> new IllegalStateException("set ASSEMBLYAI_API_KEY or OPENAI_API_KEY"));
        QualityTiers tiers = QualityTiers.defaults(); // high >= 0.85, medium >= 0.6
        try (stt) {
            Transcript transcript = stt.transcribe(AudioInput.of(voiceNote, "voice.ogg"));
            if (transcript.quality(tiers).usableWithoutConfirmation()) {
                return new Outcome(transcript.text(), null, null); // submit to the interview
            }
            return new Outcome(null, transcript.text(), null); // "Did you say ...?" confirm, retry or type
        } catch (SpeechException e) {
            return new Outcome(null, null, e.reason().code()); // localise "too_short", "unknown_format", ...
        }
        // end::channel[]
    }

    static AssemblyAiSpeechToText configured(String key, String baseUrl) {
        // tag::builder[]
        AssemblyAiSpeechToText assemblyAi = AssemblyAiSpeechToText.builder()
                .apiKey(key)
                .baseUrl(baseUrl)                                  // default https://api.assemblyai.com
                .speechModels(List.of("universal-2"))
                .overallTimeout(Duration.ofMinutes(2))             // upload + queue + polling
                .audioLimits(AudioLimits.builder().maxDuration(Duration.ofMinutes(5)).build())
                .build();
        SpeechToText stt = ResilientSpeechToText.builder(assemblyAi)
                .maxAttempts(3)                                    // 429, 5xx, timeouts only
                .maxConcurrentCalls(4)                             // per provider
                .build();
        // end::builder[]
        stt.providerId();
        return assemblyAi;
    }

    @Test
    void should_submit_confident_answers_and_ask_about_unsure_ones_when_following_the_docs() {
        try (FakeAssemblyAiServer server = new FakeAssemblyAiServer("key")) {
            Map<String, String> env = Map.of("ASSEMBLYAI_API_KEY", "key", "ASSEMBLYAI_BASE_URL", server.baseUrl());
            byte[] note = AudioFixtures.shared(AudioFixtures.TELEGRAM_VOICE_NOTE);
            server.pollsBeforeDone(0); // the factory's default first poll comes after 500 ms of real time

            server.result("I calibrate the sensor first.", 0.92, "en", 0.99);
            assertThat(handleVoiceNote(env, note).answer()).isEqualTo("I calibrate the sensor first.");

            server.result("I calibrate the sensor first.", 0.41, "en", 0.99);
            assertThat(handleVoiceNote(env, note).askToConfirm()).isEqualTo("I calibrate the sensor first.");

            assertThat(handleVoiceNote(env, AudioFixtures.wav(200, 8000)).errorCode()).isEqualTo("too_short");
        }
    }

    @Test
    void should_build_the_documented_configuration() {
        try (AssemblyAiSpeechToText stt = configured("key", "http://127.0.0.1:9")) {
            assertThat(stt.toString()).contains("universal-2").doesNotContain("key,");
        }
    }

    @Test
    void should_time_transcriptions_when_the_stack_is_wrapped_as_the_docs_show() {
        try (FakeOpenAiServer server = new FakeOpenAiServer("sk-key")) {
            InterviewConfig config = InterviewConfig.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-key",
                    "OPENAI_BASE_URL", server.baseUrl()));
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            // tag::metrics[]
            MeteredSpeechToText speech = MeteredSpeechToText.of(SpeechToTextFactory.from(config).orElseThrow());
            speech.bindTo(registry);
            VoiceTranscriber transcriber = VoiceTranscriber.of(speech);
            // end::metrics[]
            try (speech) {
                transcriber.transcribe(new InboundMessage.Audio(MessageId.of("v-1"), "ogg",
                        AudioFixtures.resource("speech-en.opus.ogg")), Language.ENGLISH);
            }
            assertThat(registry.get(MeteredSpeechToText.DURATION).tags("provider", "openai", "outcome", "ok")
                    .timer().count()).isOne();
        }
    }

    @Test
    void should_quote_these_examples_verbatim_in_docs_voice_md() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/interviewagent/voice/VoiceDocsExampleTest.java"));
        String docs = Files.readString(docsPage());

        for (String tag : List.of("channel", "builder", "metrics")) {
            assertThat(docs).as("docs/voice.md quotes region %s", tag).contains(region(source, tag));
        }
    }

    private static Path docsPage() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/voice.md"))) {
                return dir.resolve("docs/voice.md");
            }
        }
        throw new IllegalStateException("docs/voice.md not found");
    }
}
