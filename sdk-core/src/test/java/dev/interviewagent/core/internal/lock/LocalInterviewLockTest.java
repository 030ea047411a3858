package dev.interviewagent.core.internal.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.exception.ConcurrentTurnException;
import dev.interviewagent.core.spi.InterviewLock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalInterviewLockTest {

    private final LocalInterviewLock lock = new LocalInterviewLock();
    private final ExecutorService holders = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        holders.shutdownNow();
    }

    @Test
    void should_let_every_other_interview_in_at_once_when_a_thousand_interviews_are_held() throws Exception {
        List<InterviewId> held = ids(1_000);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Future<?> holder = holders.submit(() -> {
            List<InterviewLock.Lease> leases = new ArrayList<>();
            held.forEach(id -> leases.add(lock.acquire(id, Duration.ofSeconds(1))));
            holding.countDown();
            done.await();
            leases.forEach(InterviewLock.Lease::close);
            return null;
        });
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

        int busy = 0;
        for (InterviewId other : ids(1_000)) {
            try (InterviewLock.Lease lease = lock.acquire(other, Duration.ofMillis(1))) {
                assertThat(lease.held()).isTrue();
            } catch (ConcurrentTurnException e) {
                busy++;
            }
        }
        done.countDown();
        holder.get(30, TimeUnit.SECONDS);

        assertThat(busy).as("unrelated interviews that had to wait").isZero();
        assertThat(lock.interviewsInUse()).isZero();
    }

    @Test
    void should_answer_busy_after_the_timeout_when_the_same_interview_is_held_by_another_turn() throws Exception {
        InterviewId id = InterviewId.random();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Future<?> holder = holders.submit(() -> {
            try (InterviewLock.Lease lease = lock.acquire(id, Duration.ofSeconds(1))) {
                holding.countDown();
                done.await();
            }
            return null;
        });
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> lock.acquire(id, Duration.ofMillis(50)))
                .isInstanceOf(ConcurrentTurnException.class).hasMessageContaining("busy");
        assertThat(lock.interviewsInUse()).as("the holder's entry stays, the waiter's count is gone").isOne();

        done.countDown();
        holder.get(30, TimeUnit.SECONDS);
        try (InterviewLock.Lease lease = lock.acquire(id, Duration.ofMillis(50))) {
            assertThat(lease.held()).isTrue();
        }
        assertThat(lock.interviewsInUse()).isZero();
    }

    @Test
    void should_hand_the_lock_to_a_waiting_turn_of_the_same_interview_when_the_holder_closes() throws Exception {
        InterviewId id = InterviewId.random();
        InterviewLock.Lease first = lock.acquire(id, Duration.ofSeconds(1));
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
            try (InterviewLock.Lease lease = lock.acquire(id, Duration.ofSeconds(30))) {
                return lease.held();
            }
        }, holders);

        first.close();
        first.close();      // a second close is harmless and releases nothing more

        assertThat(second.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.held()).isFalse();
        assertThat(lock.interviewsInUse()).isZero();
    }

    @Test
    void should_give_up_and_forget_the_wait_when_the_waiting_thread_is_interrupted() throws Exception {
        InterviewId id = InterviewId.random();
        try (InterviewLock.Lease held = lock.acquire(id, Duration.ofSeconds(1))) {
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> lock.acquire(id, Duration.ofSeconds(30)))
                    .isInstanceOf(ConcurrentTurnException.class).hasMessageContaining("interrupted");
            assertThat(Thread.interrupted()).as("the interrupt flag is kept").isTrue();
            assertThat(lock.interviewsInUse()).isOne();
        }
        assertThat(lock.interviewsInUse()).isZero();
    }

    private static List<InterviewId> ids(int count) {
        List<InterviewId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(InterviewId.random());
        }
        return ids;
    }
}
