package dev.interviewagent.websocket.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.spi.testkit.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final MutableClock clock = MutableClock.at("2025-03-01T10:00:00Z");

    @Test
    void should_admit_a_burst_then_refuse_until_time_refills_the_bucket_at_the_average_rate() {
        RateLimiter limiter = new RateLimiter(2, 4, clock);
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.tryAcquire()).as("frame %d of the burst", i + 1).isTrue();
        }
        assertThat(limiter.tryAcquire()).isFalse();

        clock.advance(Duration.ofMillis(499));
        assertThat(limiter.tryAcquire()).as("less than one token refilled").isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(limiter.tryAcquire()).as("one token after half a second at 2/s").isTrue();
        assertThat(limiter.tryAcquire()).isFalse();
    }

    @Test
    void should_never_hold_more_than_the_burst_however_long_the_connection_was_quiet() {
        RateLimiter limiter = new RateLimiter(10, 3, clock);
        clock.advance(Duration.ofHours(1));
        int admitted = 0;
        while (limiter.tryAcquire()) {
            admitted++;
        }
        assertThat(admitted).isEqualTo(3);
    }
}
