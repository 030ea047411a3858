package dev.interviewagent.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A property the SDK cannot use stops the application at start-up with a message that names the property; a secret's
 * value never appears in it, nor does a password inside a URL.
 */
class BadPropertiesTest {

    private static final String SECRET = "s3cr3t-VALUE-never-shown";
    private static final String KEY_16 = Base64.getEncoder().encodeToString(
            "0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            interview.engine.brain-timeout=-5s                        | interview.engine.brain-timeout must be greater than 0
            interview.engine.brain-timeout=soon                       | interview.engine.brain-timeout
            interview.engine.max-answer-chars=0                       | interview.engine.max-answer-chars must be from 1 to 1000000
            interview.store.max-pool-size=many                        | interview.store.max-pool-size
            interview.store.query-timeout=0s                          | interview.store.query-timeout must be greater than 0
            interview.retention.abandon-after=0s                      | interview.retention.abandon-after must be greater than 0
            interview.llm.provider=gemini                             | interview.llm.provider must be one of openai, anthropic, offline, was 'gemini'
            interview.llm.provider=openai                             | interview.llm.provider is openai (from Spring property interview.llm.provider) but OPENAI_API_KEY
            interview.llm.max-retries=11                              | interview.llm.max-retries must be from 0 to 10
            interview.start.style=nope                                | interview.start.style must be one of
            interview.start.language=fr                               | interview.start.language must be one of en, ru, was 'fr'
            interview.voice.provider=assemblyai                       | interview.voice.provider is assemblyai
            interview.telegram.admin-ids=ada,bob                      | interview.telegram.admin-ids
            interview.websocket.messages-per-second=-1                | interview.websocket.messages-per-second must be a number greater than 0
            interview.config.file=/no/such/interview.properties       | interview.config.file names a file that does not exist
            interview.store.url=jdbc:mysql://db/app?password=SECRET   | interview.store.url: unsupported JDBC URL
            interview.redis.url=redis://:SECRET@127.0.0.1:port        | interview.redis.url
            interview.encryption.keys=k1:not~base64~SECRET            | interview.encryption.keys key 'k1' is not valid base64
            interview.encryption.keys=SECRET                          | interview.encryption.keys entry 1 must be id:base64key
            """)
    void should_stop_naming_the_property_and_never_showing_a_secret(String property, String expected) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(InterviewAutoConfiguration.class))
                .withPropertyValues("interview.store.url=" + dir.resolve("store"),
                        "interview.llm.openai.base-url=http://127.0.0.1:9/v1", property.replace("SECRET", SECRET))
                .run(context -> {
                    assertThat(context).hasFailed();
                    String failure = StartupFailures.text(context.getStartupFailure());
                    assertThat(failure).contains(expected).doesNotContain(SECRET);
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            interview.llm.openai.base-url=ftp://models.example/v1     | interview.llm.openai.base-url
            interview.encryption.primary-key-id=k9                    | interview.encryption.primary-key-id 'k9' is not one of the keys in interview.encryption.keys [k1]
            """)
    void should_name_the_property_and_hide_the_keys_set_beside_it(String property, String expected) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(InterviewAutoConfiguration.class))
                .withPropertyValues("interview.store.url=" + dir.resolve("store"),
                        "interview.llm.openai.api-key=" + SECRET, "interview.encryption.keys=k1:" + KEY_16, property)
                .run(context -> {
                    assertThat(context).hasFailed();
                    String failure = StartupFailures.text(context.getStartupFailure());
                    assertThat(failure).contains(expected).doesNotContain(SECRET, KEY_16);
                });
    }
}
