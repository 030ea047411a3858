package dev.interviewagent.persistence.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.exception.ConcurrentTurnException;
import dev.interviewagent.core.spi.InterviewLock;
import dev.interviewagent.persistence.PausedScheduler;
import dev.interviewagent.persistence.TestServices;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedisInterviewLockTest {

    private RedisConnection nodeA;
    private RedisConnection nodeB;

    @BeforeEach
    void connect() {
        String prefix = TestServices.newRedisPrefix();
        nodeA = RedisConnection.of(TestServices.REDIS_URL, prefix);
        nodeB = RedisConnection.of(TestServices.REDIS_URL, prefix);
    }

    @AfterEach
    void disconnect() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void should_exclude_the_other_node_when_one_holds_the_lock() {
        RedisInterviewLock a = RedisInterviewLock.of(nodeA);
        RedisInterviewLock b = RedisInterviewLock.of(nodeB);
        InterviewId id = InterviewId.random();

        try (InterviewLock.Lease held = a.acquire(id, Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> b.acquire(id, Duration.ofMillis(100)))
                    .isInstanceOf(ConcurrentTurnException.class);
        }
        try (InterviewLock.Lease now = b.acquire(id, Duration.ofSeconds(1))) {
            assertThat(b.metrics().acquired()).isEqualTo(1);
        }
        assertThat(b.metrics().timeouts()).isEqualTo(1);
    }

    @Test
    void should_never_let_two_nodes_inside_at_once_when_they_race() throws Exception {
        RedisInterviewLock a = RedisInterviewLock.of(nodeA);
        RedisInterviewLock b = RedisInterviewLock.of(nodeB);
        InterviewId id = InterviewId.random();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        AtomicInteger entries = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                RedisInterviewLock lock = t % 2 == 0 ? a : b;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        try (InterviewLock.Lease lease = lock.acquire(id, Duration.ofSeconds(20))) {
                            maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            entries.incrementAndGet();
                            inside.decrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(entries.get()).isEqualTo(320);
        assertThat(maxInside.get()).isEqualTo(1);
    }

    @Test
    void should_keep_the_other_node_out_when_the_holder_runs_five_times_longer_than_its_lease() {
        RedisInterviewLock a = RedisInterviewLock.builder().redis(nodeA).lease(Duration.ofMillis(200)).build();
        RedisInterviewLock b = RedisInterviewLock.builder().redis(nodeB).lease(Duration.ofMillis(200)).build();
        InterviewId id = InterviewId.random();

        try (InterviewLock.Lease held = a.acquire(id, Duration.ofSeconds(1))) {
            // b polls for five leases' worth of time while a holds on
            assertThatThrownBy(() -> b.acquire(id, Duration.ofSeconds(1)))
                    .isInstanceOf(ConcurrentTurnException.class);
            assertThat(held.held()).isTrue();
        }
        assertThat(a.metrics().renewals()).isPositive();
        assertThat(a.metrics().lost()).isZero();
        try (InterviewLock.Lease now = b.acquire(id, Duration.ofSeconds(1))) {
            assertThat(b.metrics().acquired()).isEqualTo(1);
        }
        a.close();
        b.close();
    }

    @Test
    void should_say_the_lease_is_lost_and_leave_the_new_holder_alone_when_another_node_took_it() {
        try (PausedScheduler paused = new PausedScheduler()) {
            RedisInterviewLock a = RedisInterviewLock.builder().redis(nodeA).lease(Duration.ofMillis(200))
                    .scheduler(paused.executor).build();
            RedisInterviewLock b = RedisInterviewLock.of(nodeB);
            InterviewId id = InterviewId.random();

            InterviewLock.Lease stale = a.acquire(id, Duration.ofSeconds(1));
            // a cannot renew (paused); b takes the lock once a's lease has run out
            try (InterviewLock.Lease taken = b.acquire(id, Duration.ofSeconds(10))) {
                assertThat(stale.held()).isFalse();
                assertThat(a.metrics().lost()).isOne();
                stale.close();
                // a's release did not free b's lock
                assertThatThrownBy(() -> RedisInterviewLock.of(nodeA).acquire(id, Duration.ofMillis(100)))
                        .isInstanceOf(ConcurrentTurnException.class);
                assertThat(taken.held()).isTrue();
            }
        }
    }

    @Test
    void should_take_an_expired_lease_back_when_nobody_else_holds_the_lock() {
        try (PausedScheduler paused = new PausedScheduler()) {
            RedisInterviewLock a = RedisInterviewLock.builder().redis(nodeA).lease(Duration.ofMillis(200))
                    .scheduler(paused.executor).build();
            RedisInterviewLock b = RedisInterviewLock.of(nodeB);
            InterviewId id = InterviewId.random();

            try (InterviewLock.Lease lease = a.acquire(id, Duration.ofSeconds(1))) {
                // a's lease runs out unrenewed; another node passes through and leaves
                b.acquire(id, Duration.ofSeconds(10)).close();
                assertThat(lease.held()).as("free again: a takes it back").isTrue();
                assertThat(a.metrics().renewals()).isOne();
                assertThatThrownBy(() -> b.acquire(id, Duration.ofMillis(100)))
                        .isInstanceOf(ConcurrentTurnException.class);
            }
            try (InterviewLock.Lease now = b.acquire(id, Duration.ofSeconds(1))) {
                assertThat(now.held()).isTrue();
            }
        }
    }

    @Test
    void should_reject_a_lease_under_100_ms_when_built() {
        assertThatThrownBy(() -> RedisInterviewLock.builder().redis(nodeA).lease(Duration.ofMillis(99)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lease");
    }

    @Test
    void should_fall_back_to_the_in_process_lock_when_redis_is_unreachable() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (RedisConnection down = RedisConnection.builder().url("redis://127.0.0.1:" + closedPort)
                .timeout(Duration.ofMillis(100)).build()) {
            RedisInterviewLock lock = RedisInterviewLock.of(down);
            InterviewId id = InterviewId.random();
            try (InterviewLock.Lease lease = lock.acquire(id, Duration.ofSeconds(1))) {
                assertThat(lock.metrics().fallbacks()).isEqualTo(1);
                assertThat(down.metrics().available()).isFalse();
            }
            try (InterviewLock.Lease again = lock.acquire(id, Duration.ofSeconds(1))) {
                assertThat(lock.metrics().fallbacks()).isEqualTo(2);
            }
        }
    }
}
