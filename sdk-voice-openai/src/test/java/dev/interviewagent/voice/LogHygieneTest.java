package dev.interviewagent.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.voice.assemblyai.AssemblyAiSpeechToText;
import dev.interviewagent.voice.fake.FakeAssemblyAiServer;
import dev.interviewagent.voice.fake.FakeOpenAiServer;
import dev.interviewagent.voice.openai.OpenAiSpeechToText;
import dev.interviewagent.voice.openai.OpenAiTextToSpeech;
import dev.interviewagent.voice.testkit.AudioFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Runs real flows with the SDK's loggers at DEBUG (see {@code simplelogger.properties}) and checks that neither keys
 * nor transcript text nor spoken text reach the log.
 */
class LogHygieneTest {

    private static final String AAI_KEY = "aai-secret-key-XYZ";
    private static final String OPENAI_KEY = "sk-secret-key-XYZ";
    private static final String SAID = "my salary is forty two thousand";

    @Test
    void should_log_no_keys_and_no_text_when_transcribing_retrying_and_speaking() {
        String log = captureStderr(() -> {
            try (FakeAssemblyAiServer assembly = new FakeAssemblyAiServer(AAI_KEY);
                    FakeOpenAiServer openAi = new FakeOpenAiServer(OPENAI_KEY)) {
                assembly.result(SAID, 0.9, "en", 0.9).failNext("upload", 503, 1);
                openAi.result(SAID, "english", -0.1).speechAudio(AudioFixtures.resource("speech-en.opus.ogg"));
                SpeechToText aai = ResilientSpeechToText.builder(AssemblyAiSpeechToText.builder().apiKey(AAI_KEY)
                        .baseUrl(assembly.baseUrl()).initialPollInterval(Duration.ofMillis(1)).build())
                        .initialBackoff(Duration.ofMillis(1)).build();
                SpeechToText oai = OpenAiSpeechToText.builder().apiKey(OPENAI_KEY).baseUrl(openAi.baseUrl()).build();
                try (SpeechToText both = FallbackSpeechToText.of(aai, oai);
                        TextToSpeech tts = OpenAiTextToSpeech.builder().apiKey(OPENAI_KEY)
                                .baseUrl(openAi.baseUrl()).build()) {
                    AudioInput audio = AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg"));
                    assertThat(both.transcribe(audio).text()).isEqualTo(SAID);
                    assertThat(oai.transcribe(audio).text()).isEqualTo(SAID);
                    tts.synthesize(SAID);
                    assertThatThrownBy(() -> both.transcribe(AudioInput.of(new byte[3])))
                            .isInstanceOf(SpeechException.class);
                }
            }
        });

        assertThat(log).contains("assemblyai"); // the loggers did run at DEBUG
        assertThat(log).doesNotContain(AAI_KEY).doesNotContain(OPENAI_KEY).doesNotContain("salary")
                .doesNotContain("forty");
    }

    private static String captureStderr(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
