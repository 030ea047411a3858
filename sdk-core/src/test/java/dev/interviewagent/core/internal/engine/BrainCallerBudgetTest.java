package dev.interviewagent.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The least time worth giving a brain, by timeout: never the whole timeout, never a sliver. */
class BrainCallerBudgetTest {

    @Test
    void should_leave_the_brain_an_eighth_of_a_long_timeout_and_at_least_250_ms_or_half_of_a_short_one() {
        assertThat(BrainCaller.minimumBudget(Duration.ofSeconds(4))).isEqualTo(Duration.ofMillis(500));
        assertThat(BrainCaller.minimumBudget(Duration.ofSeconds(30))).isEqualTo(Duration.ofMillis(3_750));
        assertThat(BrainCaller.minimumBudget(Duration.ofSeconds(1))).isEqualTo(Duration.ofMillis(250));
        assertThat(BrainCaller.minimumBudget(Duration.ofMillis(200))).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void should_keep_an_eighth_of_the_timeout_back_from_the_brain_for_the_phrasing_commit_and_send_after_it() {
        assertThat(BrainCaller.reserve(Duration.ofSeconds(4))).isEqualTo(Duration.ofMillis(500));
        assertThat(BrainCaller.reserve(Duration.ofSeconds(30))).isEqualTo(Duration.ofMillis(3_750));
        assertThat(BrainCaller.reserve(Duration.ofSeconds(4)).plus(BrainCaller.minimumBudget(Duration.ofSeconds(4))))
                .as("a turn may still wait three quarters of the timeout and be given to the brain")
                .isEqualTo(Duration.ofSeconds(1));
    }
}
