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
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a host configures, seen on the wire: voice answers through sdk-voice, the {@code capabilities} of
 * {@code session}, allowed origins, the rate limits (per connection and per client address, across reconnects),
 * the connection limits (in all and per address), what a binary message may hold before it is known to be an
 * announced recording, the audio budget, the turn executor's bound, slow readers, {@link WebSocketInterviews#close()}
 * and the respondent key of interviews started with a client key. Each test builds its own interviews on a fresh container.
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

    /** Waits up to 10 s for {@code condition}; fails naming {@code what}. */
    private static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static void assertPong(WsClient client) {
        client.send(frame("ping"));
        assertThat(client.next().path("type").asText()).isEqualTo("pong");
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

    // ------------------------------------------------------------------------------------------ binary before auth

    @Test
    void should_refuse_a_binary_message_no_audio_frame_announced_at_its_first_part_and_keep_none_of_it() {
        URI uri = serve(b -> b.transcriber(VoiceTranscriber.of(FAKE_SPEECH)));
        byte[] part = new byte[64 * 1024];
        try (WsClient idle = WsClient.connect(uri); WsClient attached = WsClient.connect(uri)) {
            start(attached, "ub");
            for (WsClient client : List.of(idle, attached)) {
                client.sendBinary(part, false);   // the message has only begun
                JsonNode error = client.next("error");
                assertThat(error.path("code").asText()).isEqualTo("bad_request");
                assertThat(error.path("message").asText()).contains("audio");
                for (int i = 0; i < 16; i++) {
                    client.sendBinary(part, false);   // another MiB, dropped as it arrives
                }
                client.roundTrip();
                assertThat(interviews.bufferedAudioBytes()).isZero();
                client.sendBinary(part, true);
                assertPong(client);   // no second error for the rest of it
            }
        }
    }

    @Test
    void should_refuse_an_announcement_at_once_when_voice_is_off_and_drop_its_recording_unread() {
        URI uri = serve(b -> b);
        try (WsClient client = WsClient.connect(uri)) {
            start(client, "vo");
            client.send(frame("audio").put("clientMessageId", "vo-1").put("format", "webm"));
            JsonNode error = client.next("error");
            assertThat(error.path("code").asText()).isEqualTo("unsupported_audio");
            assertThat(error.path("replyTo").asText()).isEqualTo("vo-1");
            client.sendBinary(new byte[1024 * 1024], false);
            client.roundTrip();
            assertThat(interviews.bufferedAudioBytes()).isZero();
            client.sendBinary(new byte[16], true);
            assertPong(client);
        }
    }

    @Test
    void should_refuse_an_announcement_before_an_interview_is_attached() {
        URI uri = serve(b -> b.transcriber(VoiceTranscriber.of(FAKE_SPEECH)));
        try (WsClient client = WsClient.connect(uri)) {
            client.send(frame("audio").put("clientMessageId", "na-1").put("format", "webm").put("size", 4096));
            JsonNode error = client.next("error");
            assertThat(error.path("code").asText()).isEqualTo("unauthorized");
            assertThat(error.path("replyTo").asText()).isEqualTo("na-1");
            client.sendBinary(new byte[256 * 1024], false);
            client.roundTrip();
            assertThat(interviews.bufferedAudioBytes()).isZero();
        }
    }

    @Test
    void should_hold_recordings_within_their_announced_size_and_the_shared_audio_budget() {
        List<Integer> heard = new CopyOnWriteArrayList<>();
        URI uri = serve(b -> b.settings(WebSocketSettings.builder().maxAudioBytes(512 * 1024)
                        .maxBufferedAudioBytes(512 * 1024).build())
                .transcriber((audio, language) -> {
                    heard.add(audio.bytes().length);
                    return new dev.interviewagent.core.channel.SpeechTranscriber.Heard(Answers.rich("en", 2), 0.95);
                }));
        byte[] part = new byte[64 * 1024];
        try (WsClient first = WsClient.connect(uri); WsClient second = WsClient.connect(uri)) {
            start(first, "h1");
            start(second, "h2");
            // announced with its size: an array of exactly that size, reserved at the first part
            first.send(frame("audio").put("clientMessageId", "h1-1").put("format", "webm").put("size", 384 * 1024));
            for (int i = 0; i < 5; i++) {
                first.sendBinary(part, false);
            }
            first.roundTrip();
            assertThat(interviews.bufferedAudioBytes()).isEqualTo(384 * 1024);
            // another one of that size no longer fits in the budget: refused at its first part
            second.send(frame("audio").put("clientMessageId", "h2-1").put("format", "webm").put("size", 384 * 1024));
            second.sendBinary(part, false);
            JsonNode busy = second.next("error");
            assertThat(busy.path("code").asText()).isEqualTo("busy");
            assertThat(busy.path("replyTo").asText()).isEqualTo("h2-1");
            second.sendBinary(part, true);
            // without a size: chunks reserved as they come, refused once they no longer fit
            second.send(frame("audio").put("clientMessageId", "h2-2").put("format", "webm"));
            second.sendBinary(part, false).sendBinary(part, false).roundTrip();
            assertThat(interviews.bufferedAudioBytes()).isEqualTo(512 * 1024);
            second.sendBinary(part, false);
            JsonNode spent = second.next("error");
            assertThat(spent.path("code").asText()).isEqualTo("busy");
            assertThat(spent.path("replyTo").asText()).isEqualTo("h2-2");
            second.sendBinary(part, true).roundTrip();
            assertThat(interviews.bufferedAudioBytes()).isEqualTo(384 * 1024);

            first.sendBinary(part, true);   // 384 KiB, as announced
            assertThat(first.next("transcript").path("replyTo").asText()).isEqualTo("h1-1");
            assertThat(first.next("question").path("replyTo").asText()).isEqualTo("h1-1");
            assertThat(heard).containsExactly(384 * 1024);
            eventually("the budget given back", () -> interviews.bufferedAudioBytes() == 0);
            // without a size and within the budget: joined once at the end
            second.send(frame("audio").put("clientMessageId", "h2-3").put("format", "webm"));
            second.sendBinary(part, false).sendBinary(part, false).sendBinary(new byte[1000], true);
            assertThat(second.next("transcript").path("replyTo").asText()).isEqualTo("h2-3");
            assertThat(heard).containsExactly(384 * 1024, 2 * 64 * 1024 + 1000);

            // more than announced: refused as soon as it is more
            first.send(frame("audio").put("clientMessageId", "h1-2").put("format", "webm").put("size", 100_000));
            first.sendBinary(new byte[128 * 1024], false);
            JsonNode tooLarge = first.next("error");
            assertThat(tooLarge.path("code").asText()).isEqualTo("too_large");
            assertThat(tooLarge.path("replyTo").asText()).isEqualTo("h1-2");
            first.sendBinary(part, true);
            // less than announced
            first.send(frame("audio").put("clientMessageId", "h1-3").put("format", "webm").put("size", 100_000));
            first.sendBinary(new byte[1000], true);
            JsonNode short_ = first.next("error");
            assertThat(short_.path("code").asText()).isEqualTo("bad_request");
            assertThat(short_.path("replyTo").asText()).isEqualTo("h1-3");
            // announced over the limit: refused before a byte is sent
            first.send(frame("audio").put("clientMessageId", "h1-4").put("format", "webm").put("size", 600 * 1024));
            JsonNode over = first.next("error");
            assertThat(over.path("code").asText()).isEqualTo("too_large");
            assertThat(over.path("replyTo").asText()).isEqualTo("h1-4");
            assertThat(heard).hasSize(2);
            eventually("the budget given back", () -> interviews.bufferedAudioBytes() == 0);
        }
    }

    // ------------------------------------------------------------------------------------------ client addresses

    @Test
    void should_cap_connections_per_client_address_taken_from_the_configured_proxy_header() {
        URI uri = serve(b -> b.settings(WebSocketSettings.builder().maxConnectionsPerAddress(2)
                .clientAddressHeader("X-Forwarded-For").build()));
        // the trusted proxy appends the address it saw: the last entry counts, not what the client wrote before it
        Map<String, String> a = Map.of("X-Forwarded-For", "198.51.100.7, 203.0.113.9");
        Map<String, String> b = Map.of("X-Forwarded-For", "198.51.100.7, 203.0.113.10");
        try (WsClient a1 = WsClient.connect(uri, a); WsClient a2 = WsClient.connect(uri, a)) {
            assertPong(a1);
            assertPong(a2);
            try (WsClient a3 = WsClient.connect(uri, a)) {
                assertThat(a3.next("error").path("code").asText()).isEqualTo("busy");
                assertThat(a3.awaitClose()).isEqualTo(1013);
            }
            try (WsClient b1 = WsClient.connect(uri, b)) {
                assertPong(b1);
            }
        }
        eventually("the closed connections released", () -> interviews.connections() == 0);
        try (WsClient again = WsClient.connect(uri, a)) {
            assertPong(again);
        }
    }

    @Test
    void should_cap_connections_per_socket_address_where_the_container_reports_it() {
        URI uri = serve(b -> b.settings(WebSocketSettings.builder().maxConnectionsPerAddress(1).build()));
        try (WsClient first = WsClient.connect(uri); WsClient second = WsClient.connect(uri)) {
            assertPong(first);
            if (kind() == Container.Kind.JETTY) {   // Jetty puts the peer's address into the user properties
                assertThat(second.next("error").path("code").asText()).isEqualTo("busy");
                assertThat(second.awaitClose()).isEqualTo(1013);
            } else {   // Tomcat tells no address: per-address limits need clientAddressHeader there
                assertPong(second);
            }
        }
    }

    @Test
    void should_keep_the_rate_limit_of_a_client_address_across_its_reconnects() {
        MutableClock clock = MutableClock.at("2025-03-01T10:00:00Z");
        URI uri = serve(b -> b.clock(clock).settings(WebSocketSettings.builder().rate(100, 100).addressRate(1, 3)
                .clientAddressHeader("X-Real-IP").build()));
        Map<String, String> here = Map.of("X-Real-IP", "192.0.2.1");
        try (WsClient client = WsClient.connect(uri, here)) {
            for (int i = 0; i < 3; i++) {
                assertPong(client);
            }
        }
        try (WsClient reconnected = WsClient.connect(uri, here)) {
            reconnected.send(frame("ping"));
            assertThat(reconnected.next().path("code").asText()).isEqualTo("rate_limited");
            try (WsClient elsewhere = WsClient.connect(uri, Map.of("X-Real-IP", "192.0.2.2"))) {
                assertPong(elsewhere);
            }
            clock.advance(Duration.ofSeconds(1));
            assertPong(reconnected);
        }
    }

    @Test
    void should_limit_the_starts_of_a_client_address_across_its_reconnects() {
        MutableClock clock = MutableClock.at("2025-03-01T10:00:00Z");
        URI uri = serve(b -> b.clock(clock).settings(WebSocketSettings.builder().startsPerMinutePerAddress(2)
                .clientAddressHeader("X-Real-IP").build()));
        Map<String, String> here = Map.of("X-Real-IP", "2001:db8:7:1::10");
        try (WsClient client = WsClient.connect(uri, here)) {
            start(client, "s-1");
            start(client, "s-2");
        }
        // another address of the same /64 network is the same subscriber
        try (WsClient reconnected = WsClient.connect(uri, Map.of("X-Real-IP", "2001:db8:7:1::99"))) {
            reconnected.send(frame("start").put("clientMessageId", "s-3"));
            JsonNode limited = reconnected.next("error");
            assertThat(limited.path("code").asText()).isEqualTo("rate_limited");
            assertThat(limited.path("replyTo").asText()).isEqualTo("s-3");
            clock.advance(Duration.ofSeconds(30));   // one start's worth at 2 a minute
            reconnected.send(frame("start").put("clientMessageId", "s-3"));
            assertThat(reconnected.next("session").path("interviewId").asText()).isNotBlank();
        }
    }

    // ------------------------------------------------------------------------------------------ turns and sends

    @Test
    void should_run_turns_off_the_container_threads_and_answer_busy_when_the_executor_is_full() {
        Fakes.HeldBrain brain = new Fakes.HeldBrain(1);
        URI uri = serve(InterviewEngine.builder().brain(brain).brainTimeout(Duration.ofSeconds(50)).build(),
                b -> b.settings(WebSocketSettings.builder().turnThreads(1).maxQueuedTurns(0).build()));
        try (WsClient first = WsClient.connect(uri); WsClient second = WsClient.connect(uri)) {
            // one thread and no queue: each start's turn must be done (not only answered) before the next frame
            start(first, "q1");
            eventually("the first start done", () -> interviews.turnsInFlight() == 0);
            start(second, "q2");
            eventually("the second start done", () -> interviews.turnsInFlight() == 0);
            brain.hold.set(true);
            try {
                first.send(frame("answer").put("clientMessageId", "q1-1").put("text", Answers.rich("en", 1)));
                assertThat(brain.entered.await(10, TimeUnit.SECONDS)).as("the first turn is with the brain").isTrue();
                second.send(frame("answer").put("clientMessageId", "q2-1").put("text", Answers.rich("en", 1)));
                JsonNode busy = second.next("error");
                assertThat(busy.path("code").asText()).isEqualTo("busy");
                assertThat(busy.path("replyTo").asText()).isEqualTo("q2-1");
                assertThat(interviews.turnsInFlight()).isEqualTo(1);
                // the container still shakes hands and answers pings while the turn waits
                assertPong(first);
                try (WsClient third = WsClient.connect(uri)) {
                    assertPong(third);
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            } finally {
                brain.release();
            }
            assertThat(first.next("question").path("replyTo").asText()).isEqualTo("q1-1");
            eventually("the first turn done", () -> interviews.turnsInFlight() == 0);
            second.send(frame("answer").put("clientMessageId", "q2-1").put("text", Answers.rich("en", 1)));
            assertThat(second.next("question").path("replyTo").asText()).isEqualTo("q2-1");
        }
    }

    @Test
    void should_close_a_connection_that_stops_reading_without_holding_its_turn_or_other_connections() {
        // 400 deltas of 40,000 characters: far more than the socket buffers and the outbound queue hold
        InterviewEngine engine = InterviewEngine.builder().brain(new Fakes.FloodingBrain(400, 40_000))
                .brainTimeout(Duration.ofSeconds(50)).build();
        URI uri = serve(engine, b -> b.settings(WebSocketSettings.builder().maxFrameChars(64 * 1024)
                .maxOutboundChars(256 * 1024).build()));
        try (WsClient reader = WsClient.connect(uri); WsClient quiet = WsClient.connectNotReading(uri)) {
            start(reader, "sr");
            quiet.send(frame("start").put("clientMessageId", "sq").put("language", "en"));
            String interview = quiet.next("session").path("interviewId").asText();   // the last frame it reads
            quiet.send(frame("answer").put("clientMessageId", "sq-1").put("text", Answers.rich("en", 1)));
            eventually("the turn of the client that does not read done",
                    () -> engine.status(InterviewId.of(interview)).turnCount() == 3);
            eventually("the client that does not read closed", () -> interviews.connections() == 1);
            assertPong(reader);
        }
    }

    // ------------------------------------------------------------------------------------------ DNS rebinding

    @Test
    void should_refuse_a_rebound_page_whose_host_header_matches_its_origin() throws Exception {
        URI uri = serve(b -> b.settings(WebSocketSettings.builder()
                .allowedOrigins(List.of("http://localhost:8080", "http://127.0.0.1:8080")).build()));
        // attacker.example resolves to 127.0.0.1 now: the browser sends its own name as Origin and Host alike
        assertThat(handshake(uri, "attacker.example:8080", "http://attacker.example:8080")).isEqualTo(403);
        assertThat(handshake(uri, "attacker.example:" + uri.getPort(), "http://attacker.example:" + uri.getPort()))
                .isEqualTo(403);
        assertThat(handshake(uri, "localhost:8080", "http://localhost:8080")).isEqualTo(101);
        // the Host header does not make an origin allowed, nor does it disallow one
        assertThat(handshake(uri, "attacker.example:8080", "http://localhost:8080")).isEqualTo(101);
    }

    /** The status of a raw WebSocket handshake with these {@code Host} and {@code Origin} headers. */
    private static int handshake(URI uri, String host, String origin) throws Exception {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + uri.getPath() + " HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\nOrigin: " + origin + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            StringBuilder status = new StringBuilder();
            InputStream in = socket.getInputStream();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                status.append((char) c);
            }
            return Integer.parseInt(status.toString().split(" ")[1]);
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
