package dev.interviewagent.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.voice.testkit.AudioFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The limits, on an application configured tight: 5 requests per 5 s for each token (and each address without a
 * token), 12 per address, 2 KB of JSON, 64 KB of audio; no speech-to-text; no admin token.
 */
@SpringBootTest(classes = RestServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "rest.rate-limit.requests=5",
                "rest.rate-limit.address-requests=12",
                "rest.rate-limit.period=5s",
                "rest.max-json-bytes=2KB",
                "rest.max-audio-bytes=64KB",
                "rest.admin-token=",
                "interview.llm.provider=offline",
                "interview.voice.provider=off",
                "logging.level.root=WARN"})
class LimitsTest {

    private static final Path STORE = temporaryDirectory();

    @Value("${local.server.port}")
    int port;

    private ApiClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("interview.store.url", () -> STORE.resolve("db").toString());
    }

    @BeforeEach
    void setUp() throws InterruptedException {
        api = new ApiClient(URI.create("http://127.0.0.1:" + port + "/"));
        waitForFreshBudget();
    }

    @Test
    void should_limit_each_token_and_say_when_to_retry() throws InterruptedException {
        Interviews.Started interview = Interviews.start(api);
        ApiClient.Reply limited = null;
        int allowed = 0;
        for (int i = 0; i < 7 && limited == null; i++) {
            ApiClient.Reply reply = api.get(interview.path()).bearer(interview.token()).send();
            if (reply.status() == 429) {
                limited = reply;
            } else {
                assertThat(reply.status()).isEqualTo(200);
                allowed++;
            }
        }
        assertThat(limited).as("the sixth request within 5 s is refused").isNotNull();
        assertThat(allowed).isBetween(1, 5);
        assertThat(limited.problemCode()).isEqualTo("rate_limited");
        assertThat(limited.json().path("detail").asText()).contains("each token");
        long retryAfter = Long.parseLong(limited.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 5L);
        // another token is not held back by this one
        Interviews.Started other = Interviews.start(api);
        assertThat(api.get(other.path()).bearer(other.token()).send().status()).isEqualTo(200);
        Thread.sleep(retryAfter * 1000 + 200);
        assertThat(api.get(interview.path()).bearer(interview.token()).send().status()).isEqualTo(200);
    }

    @Test
    void should_limit_each_address_whatever_the_tokens() {
        ApiClient.Reply limited = null;
        for (int i = 0; i < 14 && limited == null; i++) {
            ApiClient.Reply reply = api.get("/api/interviews/made-up-" + i).bearer("made-up-token-" + i).send();
            if (reply.status() == 429) {
                limited = reply;
            } else {
                assertThat(reply.status()).isEqualTo(404);
            }
        }
        assertThat(limited).as("made-up tokens buy no requests beyond the address's 12").isNotNull();
        assertThat(limited.json().path("detail").asText()).contains("each client address");
        assertThat(limited.header("Retry-After")).isPresent();
    }

    @Test
    void should_limit_starts_by_address() {
        ApiClient.Reply limited = null;
        for (int i = 0; i < 7 && limited == null; i++) {
            ApiClient.Reply reply = api.post("/api/interviews").json(Map.of("language", "en")).send();
            if (reply.status() == 429) {
                limited = reply;
            } else {
                assertThat(reply.status()).isEqualTo(201);
            }
        }
        assertThat(limited).isNotNull();
        assertThat(limited.json().path("detail").asText()).contains("without a token");
    }

    @Test
    void should_refuse_spoken_answers_without_speech_to_text() {
        Interviews.Started interview = Interviews.start(api);
        ApiClient.Reply reply = api.post(interview.path() + "/answers/audio").bearer(interview.token())
                .idempotencyKey("v-1").multipart("audio", "a.wav", "audio/wav", AudioFixtures.wav(2000, 16000)).send();
        assertThat(reply.status()).isEqualTo(501);
        assertThat(reply.problemCode()).isEqualTo("unsupported_audio");
        assertThat(reply.json().path("detail").asText()).contains("speech-to-text");
    }

    @Test
    void should_keep_the_operator_api_off_without_an_admin_token() {
        for (String token : new String[] {"", "operator-token-for-tests-0123456789"}) {
            ApiClient.Call call = api.get("/api/admin/interviews");
            ApiClient.Reply reply = (token.isEmpty() ? call.invalid() : call.bearer(token)).send();
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.problemCode()).isEqualTo("unauthorized");
            assertThat(reply.json().path("detail").asText()).contains("INTERVIEW_ADMIN_TOKEN");
        }
    }

    @Test
    void should_apply_the_configured_body_limits() {
        Interviews.Started interview = Interviews.start(api);
        ApiClient.Reply json = api.post(interview.path() + "/answers").bearer(interview.token()).idempotencyKey("j-1")
                .json(Map.of("text", "word ".repeat(500))).send();
        assertThat(json.status()).isEqualTo(413);
        assertThat(json.problemCode()).isEqualTo("too_large");
        ApiClient.Reply audio = api.post(interview.path() + "/answers/audio").bearer(interview.token())
                .idempotencyKey("a-1").multipart("audio", "a.wav", "audio/wav", AudioFixtures.wav(3000, 16000))
                .send();
        assertThat(audio.status()).isEqualTo(413);
        assertThat(audio.problemCode()).isEqualTo("too_large");
        assertThat(api.get(interview.path()).bearer(interview.token()).send().json().path("turns").asInt())
                .isEqualTo(1);
    }

    /** Each test starts in a new limiter window: waits until the address budget has come back. */
    private void waitForFreshBudget() throws InterruptedException {
        Thread.sleep(5200);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("ia-rest-limits");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
