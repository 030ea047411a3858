package dev.interviewagent.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.core.config.InvalidConfigurationException;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without sdk-persistence-redis on the classpath (as in this module's tests), a Redis URL is a clear, typed error. */
class RedisModuleMissingTest {

    @TempDir
    Path dir;

    @Test
    void should_find_no_cluster_backend_without_the_redis_module() {
        assertThat(ServiceLoader.load(ClusterStackProvider.class)).isEmpty();
    }

    @Test
    void should_name_the_setting_and_the_artifact_to_add_for_a_redis_url() {
        InterviewConfig config = InterviewConfig.fromEnvironment(Map.of("INTERVIEW_STORE_URL",
                dir.resolve("store").toString(), "INTERVIEW_ENCRYPTION_REQUIRED", "false",
                "REDIS_URL", "redis://127.0.0.1:6379"));

        assertThatThrownBy(() -> InterviewStorage.open(config))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(InterviewSettings.REDIS_URL.name())
                .hasMessageContaining("dev.interviewagent:sdk-persistence-redis");
    }
}
