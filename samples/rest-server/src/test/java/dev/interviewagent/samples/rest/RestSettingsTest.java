package dev.interviewagent.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The sample's own settings refuse what would make it unsafe or useless, naming the setting. */
class RestSettingsTest {

    private static final RestSettings.RateLimit LIMIT = new RestSettings.RateLimit(60, 600, Duration.ofSeconds(10));

    @Test
    void should_switch_the_operator_api_on_only_with_a_long_enough_token() {
        assertThat(settings(null).adminEnabled()).isFalse();
        assertThat(settings("   ").adminEnabled()).isFalse();
        assertThat(settings("0123456789abcdef").adminEnabled()).isTrue();
        assertThatThrownBy(() -> settings("short-token"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("INTERVIEW_ADMIN_TOKEN").hasMessageContaining("16")
                .hasMessageNotContaining("short-token");
    }

    @Test
    void should_refuse_limits_that_cannot_work() {
        assertThatThrownBy(() -> new RestSettings.RateLimit(0, 600, Duration.ofSeconds(10)))
                .hasMessageContaining("rest.rate-limit");
        assertThatThrownBy(() -> new RestSettings.RateLimit(60, 600, Duration.ZERO))
                .hasMessageContaining("rest.rate-limit");
        assertThatThrownBy(() -> new RestSettings("", DataSize.ofBytes(10), DataSize.ofMegabytes(25), LIMIT))
                .hasMessageContaining("rest.max-json-bytes");
    }

    private static RestSettings settings(String token) {
        return new RestSettings(token, DataSize.ofKilobytes(64), DataSize.ofMegabytes(25), LIMIT);
    }
}
