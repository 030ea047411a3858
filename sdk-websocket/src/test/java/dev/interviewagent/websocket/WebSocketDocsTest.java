package dev.interviewagent.websocket;

import static dev.interviewagent.core.docs.DocRegions.region;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.persistence.JdbcInterviewStore;
import dev.interviewagent.persistence.PrivacyOperations;
import dev.interviewagent.voice.SpeechToText;
import dev.interviewagent.voice.SynthesizedSpeech;
import dev.interviewagent.voice.TextToSpeech;
import dev.interviewagent.voice.VoiceTranscriber;
import dev.interviewagent.voice.openai.OpenAiTextToSpeech;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The code {@code docs/websocket.md} quotes: compiled here and in the examples package, run by the protocol tests and
 * {@link WebRespondentDataTest}; the last test fails when the page and the code drift apart.
 */
class WebSocketDocsTest {

    /** What the privacy example returns. */
    record Erased(String json, int deleted) {
    }

    static WebSocketInterviews configured(InterviewEngine engine, SpeechToText speechToText) {
        // tag::builder[]
        WebSocketInterviews interviews = WebSocketInterviews.builder(engine)
                .transcriber(VoiceTranscriber.of(speechToText))                 // optional: voice answers
                .settings(WebSocketSettings.builder()
                        .allowedOrigins(List.of("https://interviews.example"))  // where your page is served
                        .build())
                .build();
        // end::builder[]
        return interviews;
    }

    static WebSocketInterviews speaking(InterviewEngine engine, InterviewConfig config) {
        // tag::speaker[]
        TextToSpeech tts = OpenAiTextToSpeech.from(config).orElseThrow();   // sdk-voice-openai, interview.voice.tts.*
        WebSocketInterviews interviews = WebSocketInterviews.builder(engine)
                .speaker((text, language) -> {                           // spoken questions, when a page asks
                    SynthesizedSpeech speech = tts.synthesize(text);
                    return new QuestionSpeaker.Audio(speech.audio(), speech.format().mimeType());
                })
                .build();
        // end::speaker[]
        return interviews;
    }

    static Erased exportAndErase(JdbcInterviewStore jdbcStore, String clientKeyFromThePage) {
        // tag::privacy[]
        String respondent = WebSocketInterviews.respondentKey(clientKeyFromThePage);
        String json = PrivacyOperations.of(jdbcStore).exportRespondent(respondent);   // all of that browser's
        int deleted = PrivacyOperations.of(jdbcStore).deleteRespondent(respondent);   // interviews
        // end::privacy[]
        return new Erased(json, deleted);
    }

    @Test
    void should_build_the_documented_configuration() {
        try (InterviewEngine engine = InterviewEngine.builder().build();
             WebSocketInterviews interviews = configured(engine, ConnectionContract.FAKE_SPEECH)) {
            assertThat(interviews.voiceInput()).isTrue();
            assertThat(interviews.path()).isEqualTo(WebSocketInterviews.DEFAULT_PATH);
            assertThat(interviews.settings().allowedOrigins()).containsExactly("https://interviews.example");
            assertThat(interviews.connections()).isZero();
        }
    }

    @Test
    void should_build_the_documented_speaker_from_the_text_to_speech_settings() {
        InterviewConfig config = InterviewConfig.fromEnvironment(Map.of("INTERVIEW_VOICE_TTS_API_KEY",
                "sk-docs-0123456789", "INTERVIEW_VOICE_TTS_FORMAT", "mp3"));
        try (InterviewEngine engine = InterviewEngine.builder().build();
             WebSocketInterviews interviews = speaking(engine, config)) {
            assertThat(interviews.spokenQuestions()).isTrue();
            assertThat(interviews.voiceInput()).isFalse();
        }
    }

    @Test
    void should_quote_these_examples_verbatim_in_docs_websocket_md() throws IOException {
        String docs = Files.readString(docsPage());
        Map<String, String> regions = Map.of(
                "builder", "WebSocketDocsTest.java", "privacy", "WebSocketDocsTest.java",
                "speaker", "WebSocketDocsTest.java",
                "respondent-data", "RespondentPrivacyTest.java",
                "jetty", "examples/JettyExample.java", "tomcat", "examples/TomcatExample.java");
        regions.forEach((tag, file) -> {
            String source = read(Path.of("src/test/java/dev/interviewagent/websocket").resolve(file));
            String region = region(source, tag);
            assertThat(region).as("region %s in %s", tag, file).isNotBlank();
            assertThat(docs).as("docs/websocket.md quotes region %s of %s", tag, file).contains(region);
        });
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path docsPage() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/websocket.md"))) {
                return dir.resolve("docs/websocket.md");
            }
        }
        throw new IllegalStateException("docs/websocket.md not found");
    }
}
