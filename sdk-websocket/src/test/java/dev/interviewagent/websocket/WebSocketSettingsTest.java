package dev.interviewagent.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.InterviewEngine;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebSocketSettingsTest {

    @Test
    void should_start_from_the_documented_defaults() {
        WebSocketSettings settings = WebSocketSettings.defaults();
        assertThat(settings.allowedOrigins()).isEmpty();
        assertThat(settings.maxTextBytes()).isEqualTo(64 * 1024);
        assertThat(settings.maxAudioBytes()).isEqualTo(25 * 1024 * 1024);
        assertThat(settings.messagesPerSecond()).isEqualTo(10.0);
        assertThat(settings.burst()).isEqualTo(20);
        assertThat(settings.maxFrameChars()).isEqualTo(1024 * 1024);
        assertThat(settings.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.maxConnections()).isEqualTo(20_000);
        assertThat(settings.maxConnectionsPerAddress()).isEqualTo(64);
        assertThat(settings.addressMessagesPerSecond()).isEqualTo(50.0);
        assertThat(settings.addressBurst()).isEqualTo(100);
        assertThat(settings.startsPerMinutePerAddress()).isEqualTo(20);
        assertThat(settings.startsPerMinute()).isEqualTo(1_200);
        assertThat(settings.maxBufferedAudioBytes()).isEqualTo(256L * 1024 * 1024);
        assertThat(settings.turnThreads()).isEqualTo(64);
        assertThat(settings.maxQueuedTurns()).isEqualTo(1_000);
        assertThat(settings.maxOutboundChars()).isEqualTo(4 * 1024 * 1024);
        assertThat(settings.clientAddressHeader()).isEmpty();
    }

    @Test
    void should_keep_every_value_through_to_builder() {
        WebSocketSettings settings = WebSocketSettings.builder().allowedOrigins(List.of("https://a.example"))
                .maxTextBytes(2048).maxAudioBytes(4096).rate(2.5, 5).maxFrameChars(8192)
                .idleTimeout(Duration.ofSeconds(30)).maxConnections(7).maxConnectionsPerAddress(3).addressRate(4, 6)
                .startsPerMinutePerAddress(2).startsPerMinute(9).maxBufferedAudioBytes(8192).turnThreads(5)
                .maxQueuedTurns(11).maxOutboundChars(9000).clientAddressHeader("X-Real-IP").build();
        assertThat(settings.toBuilder().build()).isEqualTo(settings);
        assertThat(settings.toBuilder().maxConnections(8).build().maxConnections()).isEqualTo(8);
    }

    @Test
    void should_name_the_setting_and_the_value_when_one_is_out_of_range() {
        assertThatThrownBy(() -> WebSocketSettings.builder().maxTextBytes(10).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxTextBytes must be >= 1024, was 10");
        assertThatThrownBy(() -> WebSocketSettings.builder().rate(0, 5).build())
                .hasMessage("messagesPerSecond must be > 0, was 0.0");
        assertThatThrownBy(() -> WebSocketSettings.builder().rate(1, 0).build())
                .hasMessage("burst must be >= 1, was 0");
        assertThatThrownBy(() -> WebSocketSettings.builder().idleTimeout(Duration.ZERO).build())
                .hasMessage("idleTimeout must be > 0, was PT0S");
        assertThatThrownBy(() -> WebSocketSettings.builder().maxConnections(0).build())
                .hasMessage("maxConnections must be >= 1, was 0");
        assertThatThrownBy(() -> WebSocketSettings.builder().allowedOrigins(List.of("*")).build())
                .hasMessageContaining("origin must be http(s)://host[:port], was '*'");
        assertThatThrownBy(() -> WebSocketSettings.builder().maxConnectionsPerAddress(0).build())
                .hasMessage("maxConnectionsPerAddress must be >= 1, was 0");
        assertThatThrownBy(() -> WebSocketSettings.builder().addressRate(1, 0).build())
                .hasMessage("addressBurst must be >= 1, was 0");
        assertThatThrownBy(() -> WebSocketSettings.builder().startsPerMinute(0).build())
                .hasMessage("startsPerMinute must be >= 1, was 0");
        assertThatThrownBy(() -> WebSocketSettings.builder().maxBufferedAudioBytes(1024).build())
                .hasMessage("maxBufferedAudioBytes must be >= maxAudioBytes (26214400), was 1024");
        assertThatThrownBy(() -> WebSocketSettings.builder().turnThreads(0).build())
                .hasMessage("turnThreads must be 1-10000, was 0");
        assertThatThrownBy(() -> WebSocketSettings.builder().maxQueuedTurns(-1).build())
                .hasMessage("maxQueuedTurns must be >= 0, was -1");
        assertThatThrownBy(() -> WebSocketSettings.builder().maxOutboundChars(2048).build())
                .hasMessage("maxOutboundChars must be >= maxFrameChars (1048576), was 2048");
        assertThatThrownBy(() -> WebSocketSettings.builder().clientAddressHeader("X Forwarded").build())
                .hasMessage("clientAddressHeader must be a header name, was 'X Forwarded'");
    }

    @Test
    void should_refuse_a_path_that_is_not_an_absolute_url_path() {
        try (InterviewEngine engine = InterviewEngine.builder().build()) {
            WebSocketInterviews.Builder builder = WebSocketInterviews.builder(engine);
            assertThatThrownBy(() -> builder.path("ws")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'ws'");
            assertThatThrownBy(() -> builder.path("/ws?x=1")).isInstanceOf(IllegalArgumentException.class);
            try (WebSocketInterviews interviews = builder.path("/api/interview").build()) {
                assertThat(interviews.path()).isEqualTo("/api/interview");
                assertThat(interviews.endpointConfig().getPath()).isEqualTo("/api/interview");
                assertThat(interviews.settings()).isEqualTo(WebSocketSettings.defaults());
            }
        }
    }
}
