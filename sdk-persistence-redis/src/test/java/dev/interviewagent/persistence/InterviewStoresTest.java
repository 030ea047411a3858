package dev.interviewagent.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.persistence.redis.RedisConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InterviewStoresTest {

    @Test
    void should_open_the_embedded_store_when_given_a_directory() throws Exception {
        Path dir = Files.createTempDirectory("ia-from-url-");
        try (JdbcInterviewStore store = InterviewStores.fromUrl(dir.toString())) {
            assertThat(store.databaseKind()).isEqualTo("h2");
        }
        assertThat(dir.resolve("interviews.mv.db")).exists();
    }

    @Test
    void should_open_postgresql_when_given_a_postgresql_url() {
        String schema = TestServices.newSchema();
        try (JdbcInterviewStore store = InterviewStores.builderFor(TestServices.PG_URL, TestServices.PG_USER,
                TestServices.PG_PASSWORD).schema(schema).build()) {
            assertThat(store.databaseKind()).isEqualTo("postgresql");
        } finally {
            TestServices.dropSchema(schema);
        }
    }

    @Test
    void should_reject_other_jdbc_urls_and_mask_passwords_when_configuring() {
        assertThatThrownBy(() -> InterviewStores.fromUrl("jdbc:mysql://db/x"))
                .isInstanceOf(IllegalArgumentException.class);
        String text = JdbcInterviewStore.builder().jdbcUrl("jdbc:postgresql://db/x?password=hunter2")
                .password("hunter3").toString();
        assertThat(text).doesNotContain("hunter2", "hunter3");
        assertThat(RedisConnection.builder().url("redis://user:hunter4@redis:6379").toString())
                .doesNotContain("hunter4");
        assertThatThrownBy(() -> RedisConnection.builder().url("redis://:hunter5@redis:port"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must name a host")
                .hasMessageNotContaining("hunter5");
    }
}
