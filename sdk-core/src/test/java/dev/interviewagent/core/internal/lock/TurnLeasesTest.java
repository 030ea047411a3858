package dev.interviewagent.core.internal.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.exception.ConcurrentTurnException;
import dev.interviewagent.core.spi.InterviewLock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TurnLeasesTest {

    /** A lock whose leases can be made to look lost, as a distributed lease taken over by another node. */
    private static final class LosableLock implements InterviewLock {
        final AtomicBoolean lost = new AtomicBoolean();
        final AtomicInteger closed = new AtomicInteger();

        @Override
        public Lease acquire(InterviewId id, Duration timeout) {
            return new Lease() {
                @Override
                public boolean held() {
                    return !lost.get();
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        }
    }

    private final LosableLock lock = new LosableLock();
    private final TurnLeases leases = new TurnLeases(lock, Duration.ofSeconds(1));
    private final InterviewId id = InterviewId.random();

    @Test
    void should_refuse_a_write_when_the_turn_lost_its_lease() {
        try (InterviewLock.Lease lease = leases.acquire(id)) {
            assertThatCode(() -> leases.ensureHeld(id)).doesNotThrowAnyException();
            lock.lost.set(true);
            assertThat(lease.held()).isFalse();
            assertThatThrownBy(() -> leases.ensureHeld(id)).isInstanceOf(ConcurrentTurnException.class)
                    .hasMessageContaining("lost its lock");
        }
        assertThat(lock.closed).hasValue(1);
    }

    @Test
    void should_forget_the_lease_when_the_turn_ends() {
        lock.lost.set(true);
        leases.acquire(id).close();
        // no turn runs for the interview now: nothing to check against
        assertThatCode(() -> leases.ensureHeld(id)).doesNotThrowAnyException();
    }
}
