package dev.interviewagent.websocket.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TurnExecutorTest {

    private final TurnExecutor executor = new TurnExecutor(4, 100);

    @AfterEach
    void close() {
        executor.close();
    }

    @Test
    void should_run_the_frames_of_one_lane_in_order_one_at_a_time() throws InterruptedException {
        TurnExecutor.Lane lane = executor.lane();
        List<Integer> ran = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(10);
        for (int i = 0; i < 10; i++) {
            int n = i;
            assertThat(lane.submit(() -> {
                ran.add(n);
                done.countDown();
            }, () -> { })).isTrue();
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void should_refuse_more_than_a_connection_may_have_waiting_and_more_than_the_executor_takes()
            throws InterruptedException {
        CountDownLatch hold = new CountDownLatch(1);
        Runnable held = () -> {
            try {
                hold.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        TurnExecutor.Lane lane = executor.lane();
        for (int i = 0; i < TurnExecutor.MAX_WAITING_PER_CONNECTION; i++) {
            assertThat(lane.submit(held, () -> { })).isTrue();
        }
        assertThat(lane.submit(held, () -> { })).as("the connection's share").isFalse();

        TurnExecutor small = new TurnExecutor(1, 1);
        try {
            assertThat(small.lane().submit(held, () -> { })).isTrue();
            assertThat(small.lane().submit(held, () -> { })).isTrue();
            assertThat(small.lane().submit(held, () -> { })).as("one running and one waiting in all").isFalse();
            assertThat(small.inFlight()).isEqualTo(2);
        } finally {
            hold.countDown();
            small.close();
        }
    }

    @Test
    void should_discard_what_waits_when_closed() throws InterruptedException {
        CountDownLatch hold = new CountDownLatch(1);
        CountDownLatch discarded = new CountDownLatch(1);
        TurnExecutor one = new TurnExecutor(1, 10);
        TurnExecutor.Lane lane = one.lane();
        lane.submit(() -> {
            try {
                hold.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, () -> { });
        lane.submit(() -> { }, discarded::countDown);
        one.close();
        hold.countDown();
        assertThat(discarded.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(lane.submit(() -> { }, () -> { })).as("closed").isFalse();
    }
}
