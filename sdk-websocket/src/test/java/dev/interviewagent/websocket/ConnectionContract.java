package dev.interviewagent.websocket;

import static dev.interviewagent.websocket.WsClient.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.spi.testkit.MutableClock;
import dev.interviewagent.core.store.InMemoryInterviewStore;
import dev.interviewagent.voice.SpeechToText;
import dev.interviewagent.voice.Transcript;
import dev.interviewagent.voice.VoiceTranscriber;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a host configures, seen on the wire: voice answers through sdk-voice, the {@code capabilities} of
 * {@code session}, allowed origins, the rate limit, the connection limit, {@link WebSocketInterviews#close()} and the
 * respondent key of interviews started with a client key. Each test builds its own interviews on a fresh container.
 * Abstract: {@code JettyConnectionTest} and {@code TomcatConnectionTest} run it on Jetty 12 and Tomcat 11.
 */
abstract class ConnectionContract {

    /** Hears every recording as the same answer; confidence 0.93. */
    static final SpeechToText FAKE_SPEECH = new SpeechToText() {
        @Override
        public Transcript transcribe(dev.interviewagent.voice.AudioInput audio,
                                     dev.interviewagent.voice.TranscriptionOptions options) {
            return new Transcript(Answers.rich("en", 9), 0.93, Optional.of("en"), OptionalDouble.empty(),
                    List.of(), Duration.ofSeconds(3), providerId());
        }

        @Override
        public String providerId() {
            return "fake";
        }
    };

    private InterviewEngine engine;
    private WebSocketInterviews interviews;
    private Container container;

    /** The container this run uses. */
    protected abstract Container.Kind kind();

    @AfterEach
    void stop() throws Exception {
        if (container != null) {
            container.close();
        }
        if (interviews != null) {
            interviews.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    /** Serves interviews built by {@code builder} on a fresh engine; returns the endpoint's address. */
    private URI serve(java.util.function.UnaryOperator<WebSocketInterviews.Builder> builder) {
        return serve(InterviewEngine.builder().build(), builder);
    }

    private URI serve(InterviewEngine engine, java.util.function.UnaryOperator<WebSocketInterviews.Builder> builder) {
        this.engine = engine;
        interviews = builder.apply(WebSocketInterviews.builder(engine)).build();
        container = kind().start(interviews);
        return container.uri(interviews.path());
    }

    private static byte[] fixture(String name) throws Exception {
        try (InputStream in = ConnectionContract.class.getClassLoader().getResourceAsStream("audio/" + name)) {
            assertThat(in).as("sdk-voice fixture " + name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static JsonNode start(WsClient client, String messageId) {
        client.send(frame("start").put("clientMessageId", messageId).put("language", "en"));
        JsonNode session = client.next("session");
        client.next("question");
        return session;
    }

    // ------------------------------------------------------------------------------------------ voice

    @Test
    void should_transcribe_a_webm_recording_and_ask_the_next_question() throws Exception {
        URI uri = serve(b -> b.transcriber(VoiceTranscriber.of(FAKE_SPEECH)));
        try (WsClient client = WsClient.connect(uri)) {
            start(client, "vs");
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
        URI uri = serve(b -> b.transcriber(VoiceTranscriber.of(FAKE_SPEECH)));
        try (WsClient client = WsClient.connect(uri)) {
            start(client, "vb");
            client.send(frame("audio").put("clientMessageId", "vb-1").put("format", "webm"));
            client.sendBinary("definitely not a webm file, just text".repeat(40).getBytes());
            JsonNode error = client.next("error");
            assertThat(error.path("code").asText()).isEqualTo("unsupported_audio");
            assertThat(error.path("replyTo").asText()).isEqualTo("vb-1");
        }
    }

    @Test
    void should_take_messages_far_larger_than_the_containers_default_buffers_whole_when_within_the_limits() {
        List<Integer> heardBytes = new java.util.concurrent.CopyOnWriteArrayList<>();
        URI uri = serve(b -> b.settings(WebSocketSettings.builder().maxTextBytes(512 * 1024).build())
                .transcriber((audio, language) -> {
                    heardBytes.add(audio.bytes().length);
                    return new dev.interviewagent.core.channel.SpeechTranscriber.Heard(Answers.rich("en", 2), 0.95);
                }));
        try (WsClient client = WsClient.connect(uri)) {
            start(client, "big");
            // 400 KB of text: unknown fields are ignored, the answer itself is ordinary
            client.send(frame("answer").put("clientMessageId", "big-1").put("text", Answers.rich("en", 1))
                    .put("padding", "p".repeat(400_000)));
            assertThat(client.next("question").path("replyTo").asText()).isEqualTo("big-1");
            // 3 MiB of audio, under the 25 MiB default
            client.send(frame("audio").put("clientMessageId", "big-2").put("format", "webm"));
            client.sendBinary(new byte[3 * 1024 * 1024]);
            assertThat(client.next("transcript").path("replyTo").asText()).isEqualTo("big-2");
            assertThat(client.next("question").path("replyTo").asText()).isEqualTo("big-2");
            assertThat(heardBytes).containsExactly(3 * 1024 * 1024);
        }
    }

    // ------------------------------------------------------------------------------------------ capabilities

    @Test
    void should_state_voice_input_and_the_limits_in_session_when_a_transcriber_is_set() {
        URI uri = serve(b -> b.transcriber(VoiceTranscriber.of(FAKE_SPEECH)).settings(WebSocketSettings.builder()
                .maxTextBytes(32 * 1024).maxAudioBytes(5 * 1024 * 1024).rate(4, 8).build()));
        try (WsClient client = WsClient.connect(uri)) {
            JsonNode capabilities = start(client, "cap").path("capabilities");
            assertThat(capabilities.path("voiceInput").asBoolean()).isTrue();
            assertThat(capabilities.path("spokenQuestions").isBoolean()).isTrue();
            assertThat(capabilities.path("spokenQuestions").asBoolean()).isFalse();
            assertThat(capabilities.path("audioFormats")).extracting(JsonNode::asText)
                    .containsExactly("webm", "ogg", "wav", "mp3", "m4a");
            JsonNode limits = capabilities.path("limits");
            assertThat(limits.path("maxTextBytes").asInt()).isEqualTo(32 * 1024);
            assertThat(limits.path("maxAudioBytes").asInt()).isEqualTo(5 * 1024 * 1024);
            assertThat(limits.path("messagesPerSecond").asDouble()).isEqualTo(4.0);
            assertThat(limits.path("burst").asInt()).isEqualTo(8);
            assertThat(limits.path("maxFrameChars").asInt()).isEqualTo(WebSocketSettings.DEFAULT_MAX_FRAME_CHARS);
        }
    }

    @Test
    void should_state_no_voice_input_when_no_transcriber_is_set_also_after_a_resume() {
        URI uri = serve(b -> b);
        assertThat(interviews.voiceInput()).isFalse();
        JsonNode session;
        try (WsClient client = WsClient.connect(uri)) {
            session = start(client, "nv");
            assertThat(session.path("capabilities").path("voiceInput").asBoolean()).isFalse();
            assertThat(session.path("capabilities").path("audioFormats")).isEmpty();
            client.send(frame("audio").put("clientMessageId", "nv-1").put("format", "webm"));
            client.sendBinary(new byte[2048]);
            assertThat(client.next("error").path("code").asText()).isEqualTo("unsupported_audio");
        }
        try (WsClient client = WsClient.connect(uri)) {
            client.send(frame("resume").put("interviewId", session.path("interviewId").asText())
                    .put("token", session.path("token").asText()));
            JsonNode resumed = client.next("session");
            assertThat(resumed.path("resumed").asBoolean()).isTrue();
            assertThat(resumed.path("capabilities").path("voiceInput").asBoolean()).isFalse();
        }
    }

    // ------------------------------------------------------------------------------------------ handshake

    @Test
    void should_refuse_a_handshake_from_a_foreign_origin_and_accept_an_allowed_one() {
        URI uri = serve(b -> b.settings(WebSocketSettings.builder()
                .allowedOrigins(List.of("https://Page.example:443", "http://127.0.0.1:8080")).build()));
        for (String origin : new String[] {"https://page.example", "http://127.0.0.1:8080", null}) {
            try (WsClient client = origin == null ? WsClient.connect(uri) : WsClient.connect(uri, origin)) {
                client.send(frame("ping"));
                assertThat(client.next("pong")).as(String.valueOf(origin)).isNotNull();
            }
        }
        for (String origin : List.of("http://evil.example", "http://page.example", "https://page.example:8443",
                "null")) {
            assertThatThrownBy(() -> WsClient.connect(uri, origin)).as(origin).hasStackTraceContaining("403");
        }
    }

    @Test
    void should_refuse_every_browser_origin_when_none_is_allowed() {
        URI uri = serve(b -> b);
        assertThatThrownBy(() -> WsClient.connect(uri, "http://127.0.0.1:" + uri.getPort()))
                .hasStackTraceContaining("403");
        try (WsClient client = WsClient.connect(uri)) {   // not a browser: the token protects interviews
            client.send(frame("ping"));
            assertThat(client.next("pong")).isNotNull();
        }
    }

    // ------------------------------------------------------------------------------------------ limits

    @Test
    void should_answer_rate_limited_beyond_the_burst_until_time_refills_the_bucket() {
        MutableClock clock = MutableClock.at("2025-03-01T10:00:00Z");
        URI uri = serve(b -> b.clock(clock).settings(WebSocketSettings.builder().rate(1, 3).build()));
        try (WsClient client = WsClient.connect(uri)) {
            for (int i = 0; i < 3; i++) {
                client.send(frame("ping"));
                assertThat(client.next().path("type").asText()).isEqualTo("pong");
            }
            client.send(frame("ping"));
            JsonNode limited = client.next();
            assertThat(limited.path("type").asText()).isEqualTo("error");
            assertThat(limited.path("code").asText()).isEqualTo("rate_limited");
            assertThat(limited.path("message").asText()).isNotBlank();

            clock.advance(Duration.ofSeconds(1));
            client.send(frame("ping"));
            assertThat(client.next().path("type").asText()).isEqualTo("pong");
            assertThat(client.isOpen()).isTrue();
        }
    }

    @Test
    void should_refuse_a_connection_over_the_limit_with_busy_and_close_1013() {
        URI uri = serve(b -> b.settings(WebSocketSettings.builder().maxConnections(1).build()));
        try (WsClient first = WsClient.connect(uri)) {
            first.send(frame("ping"));
            first.next("pong");
            assertThat(interviews.connections()).isEqualTo(1);
            try (WsClient second = WsClient.connect(uri)) {
                assertThat(second.next("error").path("code").asText()).isEqualTo("busy");
                assertThat(second.awaitClose()).isEqualTo(1013);
            }
            first.send(frame("ping"));
            assertThat(first.next("pong")).isNotNull();
        }
    }

    @Test
    void should_close_open_connections_and_refuse_new_ones_when_closed() {
        URI uri = serve(b -> b);
        try (WsClient client = WsClient.connect(uri)) {
            start(client, "cl");
            interviews.close();
            assertThat(client.awaitClose()).isEqualTo(1001);
            assertThat(interviews.connections()).isZero();
        }
        try (WsClient late = WsClient.connect(uri)) {
            assertThat(late.awaitClose()).isEqualTo(1001);
        }
    }

    // ------------------------------------------------------------------------------------------ respondent key

    @Test
    void should_bind_interviews_started_with_a_client_key_to_its_respondent_key_only() {
        InMemoryInterviewStore store = new InMemoryInterviewStore();
        URI uri = serve(InterviewEngine.builder().store(store).build(), b -> b);
        String clientKey = "k" + UUID.randomUUID().toString().replace("-", "");
        String other = "o" + UUID.randomUUID().toString().replace("-", "");
        String first;
        String second;
        String anonymous;
        try (WsClient client = WsClient.connect(uri)) {
            client.send(frame("start").put("clientMessageId", "rk-1").put("clientKey", clientKey));
            first = client.next("session").path("interviewId").asText();
            client.send(frame("start").put("clientMessageId", "rk-2").put("clientKey", clientKey));
            second = client.next("session").path("interviewId").asText();
            client.send(frame("start").put("clientMessageId", "rk-3"));
            anonymous = client.next("session").path("interviewId").asText();
        }
        String key = WebSocketInterviews.respondentKey(clientKey);
        assertThat(key).startsWith("web:").doesNotContain(clientKey);
        assertThat(store.findByChannelKey(key)).extracting(InterviewId::value)
                .containsExactlyInAnyOrder(first, second);
        assertThat(store.findByChannelKey(WebSocketInterviews.respondentKey(other))).isEmpty();
        assertThat(engine.status(InterviewId.of(first)).channelKey()).isEqualTo(key);
        assertThat(engine.status(InterviewId.of(anonymous)).channelKey()).isNull();
        assertThat(engine.status(InterviewId.of(first)).attributes().values()).noneMatch(v -> v.contains(clientKey));
    }

    @Test
    void should_refuse_a_malformed_client_key() {
        URI uri = serve(b -> b);
        try (WsClient client = WsClient.connect(uri)) {
            client.send(frame("start").put("clientMessageId", "bk").put("clientKey", "short"));
            JsonNode error = client.next("error");
            assertThat(error.path("code").asText()).isEqualTo("bad_request");
            assertThat(error.path("message").asText()).contains("clientKey");
        }
        assertThatThrownBy(() -> WebSocketInterviews.respondentKey("short"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientKey");
    }
}
