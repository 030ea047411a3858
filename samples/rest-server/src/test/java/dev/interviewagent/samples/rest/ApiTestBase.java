package dev.interviewagent.samples.rest;

import dev.interviewagent.voice.fake.FakeOpenAiServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application as it runs, on a random port, once for every test class that extends this (one Spring context):
 * the offline brain, the embedded store in a temporary directory (never {@code ./interviews}), the admin token set,
 * speech-to-text through the real OpenAI client against a local fake of OpenAI's audio API (shared/specs), and rate
 * limits high enough for the bad-input run (the limits have their own test, {@link LimitsTest}).
 */
@SpringBootTest(classes = RestServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "rest.rate-limit.requests=100000",
                "rest.rate-limit.address-requests=100000",
                "interview.llm.provider=offline",
                "interview.voice.provider=openai",
                "interview.voice.fallback=false",
                "logging.level.root=WARN",
                "logging.level.dev.interviewagent=INFO"})
abstract class ApiTestBase {

    static final String ADMIN_TOKEN = "operator-token-for-tests-0123456789";
    static final String SPEECH_KEY = "sk-test-speech-key-not-real";
    static final FakeOpenAiServer SPEECH = new FakeOpenAiServer(SPEECH_KEY);
    static final Path STORE = temporaryDirectory();

    @Value("${local.server.port}")
    int port;

    ApiClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("interview.store.url", () -> STORE.resolve("db").toString());
        registry.add("rest.admin-token", () -> ADMIN_TOKEN);
        registry.add("interview.voice.openai.api-key", () -> SPEECH_KEY);
        registry.add("interview.voice.openai.base-url", SPEECH::baseUrl);
    }

    @BeforeEach
    void client() {
        api = new ApiClient(URI.create("http://127.0.0.1:" + port + "/"));
    }

    private static Path temporaryDirectory() {
        try {
            Path dir = Files.createTempDirectory("ia-rest-test");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
