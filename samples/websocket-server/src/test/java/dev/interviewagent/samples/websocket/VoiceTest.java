package dev.interviewagent.samples.websocket;

import static dev.interviewagent.samples.websocket.WsClient.frame;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.voice.SpeechToText;
import dev.interviewagent.voice.Transcript;
import dev.interviewagent.voice.VoiceTranscriber;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Voice answers through sdk-voice: real recordings (the sdk-voice fixtures) are checked by its audio inspector and
 * transcribed by a local fake provider, as the browser's MediaRecorder would send them.
 */
class VoiceTest {

    static InterviewEngine engine;
    static InterviewServer server;

    /** Hears every recording as the same answer; confidence 0.93. */
    static final SpeechToText FAKE = new SpeechToText() {
        @Override
        public Transcript transcribe(dev.interviewagent.voice.AudioInput audio,
                                     dev.interviewagent.voice.TranscriptionOptions options) {
            return new Transcript(TestServers.answer("en", 9), 0.93, Optional.of("en"), OptionalDouble.empty(),
                    List.of(), Duration.ofSeconds(3), providerId());
        }

        @Override
        public String providerId() {
            return "fake";
        }
    };

    @BeforeAll
    static void start() {
        engine = InterviewEngine.builder().build();
        server = TestServers.start(engine, VoiceTranscriber.of(FAKE), TestServers.settings());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        engine.close();
    }

    private static byte[] fixture(String name) throws Exception {
        try (InputStream in = VoiceTest.class.getClassLoader().getResourceAsStream("audio/" + name)) {
            assertThat(in).as("sdk-voice fixture " + name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void should_transcribe_a_webm_recording_and_ask_the_next_question() throws Exception {
        try (WsClient client = WsClient.connect(server.webSocketUri())) {
            client.send(frame("start").put("clientMessageId", "vs").put("language", "en"));
            client.next("question");
            client.send(frame("audio").put("clientMessageId", "vw-1").put("format", "webm"));
            client.sendBinary(fixture("speech-en.webm"));
            JsonNode heard = client.next("transcript");
            assertThat(heard.path("quality").asText()).isEqualTo("high");
            assertThat(heard.path("needsConfirmation").asBoolean()).isFalse();
            assertThat(client.next("question").path("replyTo").asText()).isEqualTo("vw-1");
        }
    }

    @Test
    void should_refuse_bytes_that_are_not_audio_with_unsupported_audio() {
        try (WsClient client = WsClient.connect(server.webSocketUri())) {
            client.send(frame("start").put("clientMessageId", "vb").put("language", "en"));
            client.next("question");
            client.send(frame("audio").put("clientMessageId", "vb-1").put("format", "webm"));
            client.sendBinary("definitely not a webm file, just text".repeat(40).getBytes());
            JsonNode error = client.next("error");
            assertThat(error.path("code").asText()).isEqualTo("unsupported_audio");
            assertThat(error.path("replyTo").asText()).isEqualTo("vb-1");
        }
    }
}
