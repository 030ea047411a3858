package dev.interviewagent.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final RetryPolicy DOUBLING = new RetryPolicy(4, Duration.ofMillis(100), 2.0,
            Duration.ofMillis(350), Duration.ofSeconds(5), false);

    @Test
    void should_double_the_wait_up_to_the_cap() {
        assertThat(DOUBLING.waitAfter(1, null, () -> 0.5)).contains(Duration.ofMillis(100));
        assertThat(DOUBLING.waitAfter(2, null, () -> 0.5)).contains(Duration.ofMillis(200));
        assertThat(DOUBLING.waitAfter(3, null, () -> 0.5)).contains(Duration.ofMillis(350));
    }

    @Test
    void should_stop_when_the_attempts_are_spent() {
        assertThat(DOUBLING.waitAfter(4, null, () -> 0.5)).isEmpty();
        assertThat(DOUBLING.withMaxAttempts(1).waitAfter(1, null, () -> 0.5)).isEmpty();
    }

    @Test
    void should_wait_at_least_a_retry_after_within_the_limit_and_give_up_past_it() {
        assertThat(DOUBLING.waitAfter(1, Duration.ofSeconds(2), () -> 0.5)).contains(Duration.ofSeconds(2));
        assertThat(DOUBLING.waitAfter(3, Duration.ofMillis(10), () -> 0.5)).contains(Duration.ofMillis(350));
        assertThat(DOUBLING.waitAfter(1, Duration.ofSeconds(6), () -> 0.5)).isEmpty();
    }

    @Test
    void should_keep_half_of_the_wait_fixed_with_equal_jitter() {
        RetryPolicy jittered = DOUBLING.withJitter(true);
        assertThat(jittered.waitAfter(2, null, () -> 0.0)).contains(Duration.ofMillis(100));
        assertThat(jittered.waitAfter(2, null, () -> 0.999_999)).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofMillis(199), Duration.ofMillis(200)));
    }

    @Test
    void should_not_overflow_after_many_retries() {
        RetryPolicy many = new RetryPolicy(1_000, Duration.ofSeconds(1), 10.0, Duration.ofMinutes(1),
                Duration.ZERO, false);
        assertThat(many.backoff(999)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void should_refuse_values_out_of_range() {
        assertThatThrownBy(() -> DOUBLING.withMaxAttempts(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), 2.0, Duration.ofSeconds(1),
                Duration.ZERO, false)).hasMessageContaining("initialBackoff must be <= maxBackoff");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1),
                Duration.ZERO, false)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> DOUBLING.waitAfter(0, null, () -> 0.5)).hasMessageContaining("attempt");
    }
}
