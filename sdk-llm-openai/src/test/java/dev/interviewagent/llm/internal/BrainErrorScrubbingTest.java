package dev.interviewagent.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.CapturedLogs;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewListener;
import dev.interviewagent.core.InterviewSnapshot;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.exception.BrainUnavailableException;
import dev.interviewagent.core.spi.MoveType;
import dev.interviewagent.llm.LlmBrain;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exceptions that leave the LLM brain (to the engine, to a host's {@code onBrainFallback}, into logs) name the
 * failure's class, status and provider error code, never the base URL, a host, a key or a response body.
 */
class BrainErrorScrubbingTest {

    private static final String KEY_IN_BODY = "sk-test-***123";
    private static final String UPSTREAM = "10.20.30.40";

    static Stream<Arguments> providerBodies() {
        return Stream.of(
                Arguments.of(401, "application/json", "{\"error\":{\"message\":\"Incorrect API key provided: "
                        + KEY_IN_BODY + ". You can find your API key at https://platform.example/account/api-keys."
                        + "\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}",
                        "HTTP 401 (invalid_api_key)"),
                Arguments.of(502, "text/html", "<html><body><h1>502 Bad Gateway</h1>upstream http://" + UPSTREAM
                        + ":8000/v1/chat/completions?api_key=sk-upstream-secret is unreachable</body></html>",
                        "HTTP 502"),
                Arguments.of(400, "application/json", "{\"error\":{\"message\":\"The prompt was filtered: 'my"
                        + " salary is 81234'\",\"type\":\"invalid_request_error\",\"code\":\"content_filter\"}}",
                        "HTTP 400 (content_filter)"));
    }

    @ParameterizedTest
    @MethodSource("providerBodies")
    void should_keep_bodies_urls_and_keys_out_of_the_exception_when_the_provider_fails(int status,
            String contentType, String body, String summary) {
        try (FakeLlmServer server = new FakeLlmServer(FakeLlmServer.Dialect.OPENAI);
             CapturedLogs logs = new CapturedLogs()) {
            server.then(new FakeLlmServer.FailWithBody(status, contentType, body));
            LlmBrain brain = LlmBrain.builder().provider(LlmBrain.Provider.OPENAI).apiKey(FakeLlmServer.KEY)
                    .baseUrl(server.baseUrl()).modelName(FakeLlmServer.MODEL).maxRetries(0).build();

            assertThatThrownBy(() -> brain.phrase(LlmUnitTestSupport.request(Language.ENGLISH, MoveType.NEW_TOPIC,
                    "We reroute parcels after a failed delivery.")))
                    .isInstanceOfSatisfying(BrainUnavailableException.class, e -> {
                        assertThat(e.getMessage()).contains(summary);
                        assertThat(everything(e)).doesNotContain(KEY_IN_BODY, "sk-", UPSTREAM, "http://",
                                "https://", "81234", "127.0.0.1", server.baseUrl());
                    });
            assertThat(logs.lines()).noneMatch(line -> line.contains(KEY_IN_BODY) || line.contains(UPSTREAM)
                    || line.contains("81234"));
        }
    }

    @Test
    void should_hand_a_scrubbed_cause_to_the_listener_when_the_engine_falls_back() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        List<Throwable> causes = new CopyOnWriteArrayList<>();
        LlmBrain brain = LlmBrain.builder().provider(LlmBrain.Provider.OPENAI).apiKey("sk-live-key-1234")
                .baseUrl("http://operator:pw-secret@127.0.0.1:" + port + "/v1?api-key=sk-query-secret")
                .maxRetries(0).callTimeout(Duration.ofSeconds(3)).build();
        try (InterviewEngine engine = InterviewEngine.builder().brain(brain).listener(new InterviewListener() {
            @Override
            public void onBrainFallback(InterviewSnapshot interview, Turn turn, Throwable cause) {
                causes.add(cause);
            }
        }).build()) {
            Reply first = engine.start(StartRequest.builder().language(Language.ENGLISH).build());
            engine.answer(first.interviewId(), Answer.text("m-1", "We reroute parcels after a failed delivery."));
        }

        assertThat(causes).isNotEmpty().allSatisfy(cause -> assertThat(everything(cause))
                .doesNotContain("pw-secret", "sk-query-secret", "sk-live-key", ":" + port, "http://"));
        assertThat(brain.description()).doesNotContain("pw-secret", "sk-query-secret");
    }

    @Test
    void should_not_repeat_the_base_url_when_it_is_malformed() {
        assertThatThrownBy(() -> LlmBrain.builder().baseUrl("http://operator:sk-secret-key@llm host/v1"))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(everything(e)).doesNotContain("sk-secret-key", "llm host"));
        assertThatThrownBy(() -> LlmBrain.builder().baseUrl("ftp://operator:sk-secret-key@llm.example/v1"))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(everything(e)).doesNotContain("sk-secret-key"));
    }

    /** Every message, string form and stack-trace text of a throwable, its causes and suppressed ones. */
    private static String everything(Throwable error) {
        java.io.StringWriter out = new java.io.StringWriter();
        error.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
