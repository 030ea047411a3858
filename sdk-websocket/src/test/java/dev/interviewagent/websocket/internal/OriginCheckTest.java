package dev.interviewagent.websocket.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginCheckTest {

    private final OriginCheck check = new OriginCheck(List.of("https://App.Example/", "http://127.0.0.1:8080",
            "http://[::1]:8080"));

    @Test
    void should_allow_listed_origins_in_any_case_and_with_or_without_their_default_port() {
        assertThat(check.allows("https://app.example")).isTrue();
        assertThat(check.allows("HTTPS://APP.EXAMPLE:443")).isTrue();
        assertThat(check.allows("http://127.0.0.1:8080")).isTrue();
        assertThat(check.allows("http://[::1]:8080")).isTrue();
    }

    @Test
    void should_allow_a_handshake_without_origin_when_it_is_not_a_browser() {
        assertThat(check.allows(null)).isTrue();
        assertThat(check.allows("  ")).isTrue();
    }

    @Test
    void should_refuse_other_origins_other_ports_other_schemes_and_garbage() {
        assertThat(check.allows("https://evil.example")).isFalse();
        assertThat(check.allows("http://app.example")).isFalse();
        assertThat(check.allows("https://app.example:8443")).isFalse();
        assertThat(check.allows("http://127.0.0.1:8081")).isFalse();
        assertThat(check.allows("null")).isFalse();
        assertThat(check.allows("file://")).isFalse();
        assertThat(check.allows("https://app.example/path")).isFalse();
        assertThat(check.allows("::::")).isFalse();
    }

    @Test
    void should_refuse_a_rebound_name_on_an_allowed_port_since_only_the_origin_counts_never_the_host() {
        // DNS rebinding: attacker.example resolves to 127.0.0.1, so its page reaches us with its own origin
        OriginCheck loopback = new OriginCheck(List.of("http://localhost:8080", "http://127.0.0.1:8080"));
        assertThat(loopback.allows("http://attacker.example:8080")).isFalse();
        assertThat(loopback.allows("http://127.0.0.1.attacker.example:8080")).isFalse();
        assertThat(loopback.allows("http://localhost.:8080")).isFalse();
        assertThat(loopback.allows("http://localhost:8080")).isTrue();
    }

    @Test
    void should_refuse_nothing_but_non_browsers_when_the_list_is_empty() {
        OriginCheck none = new OriginCheck(List.of());
        assertThat(none.allows("http://127.0.0.1:8080")).isFalse();
        assertThat(none.allows(null)).isTrue();
    }

    @Test
    void should_name_a_configured_origin_that_is_not_one() {
        assertThatThrownBy(() -> OriginCheck.normalise("app.example"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'app.example'");
        assertThatThrownBy(() -> OriginCheck.normalise("ftp://app.example"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OriginCheck.normalise("https://user@app.example"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
