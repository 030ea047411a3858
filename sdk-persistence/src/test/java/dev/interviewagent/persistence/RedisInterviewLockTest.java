package dev.interviewagent.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.exception.ConcurrentTurnException;
import dev.interviewagent.core.spi.InterviewLock;
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
