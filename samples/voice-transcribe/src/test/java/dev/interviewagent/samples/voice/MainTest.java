package dev.interviewagent.samples.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InvalidConfigurationException;
import dev.interviewagent.voice.fake.FakeAssemblyAiServer;
import dev.interviewagent.voice.fake.FakeOpenAiServer;
import dev.interviewagent.voice.testkit.AudioFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample against local fakes of the providers, configured the ways a user would: env, -D, a file. */
class MainTest {

    @TempDir
    Path dir;

    private Path clip;

    @BeforeEach
    void writeClip() throws Exception {
        clip = dir.resolve("answer.ogg");
        Files.write(clip, AudioFixtures.resource("speech-en.opus.ogg"));
    }

    private String run(InterviewConfig config, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(args, config, new PrintStream(out, true, StandardCharsets.UTF_8), dir);
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void should_only_check_the_audio_when_no_key_is_configured() throws Exception {
        String out = run(InterviewConfig.fromEnvironment(Map.of()), clip.toString(), "Thank you.");

        assertThat(out).contains("audio: ogg_opus", "offline, checks only", "no OPENAI_API_KEY set: no voice reply");
    }

    @Test
    void should_transcribe_with_assemblyai_when_its_key_and_url_come_from_a_properties_file() throws Exception {
        try (FakeAssemblyAiServer assembly = new FakeAssemblyAiServer("a-secret-key")) {
            assembly.pollsBeforeDone(0).result("I calibrate the sensor first.", 0.93, "en", 0.99);
            InterviewConfig config = InterviewConfig.of(Map.of(), Map.of(), Map.of(
                    "interview.voice.assemblyai.api-key", "a-secret-key",
                    "interview.voice.assemblyai.base-url", assembly.baseUrl()));

            String out = run(config, clip.toString());

            assertThat(out).contains("provider: assemblyai", "heard: I calibrate the sensor first.")
                    .doesNotContain("a-secret-key");
            assertThat(assembly.violations()).isEmpty();
        }
    }

    @Test
    void should_write_a_voice_reply_in_the_configured_format_when_openai_is_configured() throws Exception {
        try (FakeOpenAiServer openAi = new FakeOpenAiServer("sk-secret-key")) {
            openAi.speechAudio(AudioFixtures.resource("speech-en.opus.ogg"));
            InterviewConfig config = InterviewConfig.of(Map.of("OPENAI_API_KEY", "sk-secret-key",
                    "OPENAI_BASE_URL", openAi.baseUrl()), Map.of("interview.voice.provider", "off",
                    "interview.voice.tts.voice", "sage"), Map.of());

            String out = run(config, clip.toString(), "Thank you, that was clear.");

            assertThat(out).contains("offline, checks only", "voice reply written to");
            assertThat(dir.resolve("reply.ogg")).exists().isNotEmptyFile();
            assertThat(openAi.violations()).isEmpty();
        }
    }

    @Test
    void should_name_the_setting_when_a_value_is_bad() {
        InterviewConfig config = InterviewConfig.fromEnvironment(Map.of("ASSEMBLYAI_API_KEY", "a-1",
                "INTERVIEW_VOICE_PROVIDER", "whisper"));

        assertThatThrownBy(() -> run(config, clip.toString())).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("interview.voice.provider must be one of assemblyai, openai, off, was 'whisper'");
    }
}
