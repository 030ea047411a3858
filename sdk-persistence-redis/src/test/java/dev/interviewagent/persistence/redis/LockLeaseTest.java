package dev.interviewagent.persistence.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.brain.MethodologyBrain;
import dev.interviewagent.core.spi.BrainReply;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.core.spi.InterviewLock;
import dev.interviewagent.core.spi.InterviewerBrain;
import dev.interviewagent.persistence.JdbcInterviewStore;
import dev.interviewagent.persistence.PausedScheduler;
import dev.interviewagent.persistence.TestServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Turns that run longer than the Redis lease: two engines ("nodes") share one PostgreSQL schema and one Redis
 * prefix, and the lease is 1 s. The lease is renewed while a turn runs, so the other node waits instead of taking
 * the interview over and paying for the same answer again; a node that could not renew (paused) and lost its lease
 * to the other writes nothing.
 */
class LockLeaseTest {

    private static final Duration LEASE = Duration.ofSeconds(1);
    private static final Duration MODEL_LATENCY = Duration.ofSeconds(3);

    private String schema;
    private String prefix;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final PausedScheduler paused = new PausedScheduler();

    private record Node(InterviewEngine engine, JdbcInterviewStore database, RedisInterviewLock lock) {
    }

    @BeforeEach
    void setUp() {
        schema = TestServices.newSchema();
        prefix = TestServices.newRedisPrefix();
    }

    @AfterEach
    void tearDown() throws Exception {
        callers.shutdownNow();
        paused.close();
        Collections.reverse(closeables);
        for (AutoCloseable c : closeables) {
            c.close();
        }
        TestServices.dropSchema(schema);
    }

    private Node node(String name, InterviewerBrain brain) {
        return node(name, brain, lock -> lock, null);
    }

    private Node node(String name, InterviewerBrain brain, UnaryOperator<InterviewLock> observe,
                      @Nullable ScheduledExecutorService renewals) {
        JdbcInterviewStore database = TestServices.postgres(schema).poolName(name).maxPoolSize(4).build();
        closeables.add(database);
        RedisConnection redis = RedisConnection.of(TestServices.REDIS_URL, prefix);
        closeables.add(redis);
        RedisInterviewLock.Builder lockBuilder = RedisInterviewLock.builder().redis(redis).lease(LEASE);
        if (renewals != null) {
            lockBuilder.scheduler(renewals);
        }
        RedisInterviewLock lock = lockBuilder.build();
        closeables.add(lock);
        InterviewEngine engine = InterviewEngine.builder().store(RedisInterviewStore.of(database, redis))
                .lock(observe.apply(lock)).brain(brain).lockTimeout(Duration.ofSeconds(20)).build();
        closeables.add(engine);
        return new Node(engine, database, lock);
    }

    @Test
    void should_call_the_model_once_and_store_one_reply_when_a_turn_outlasts_the_lease_and_another_node_tries_it()
            throws Exception {
        SlowBrain brain = new SlowBrain();
        Node a = node("node-a", brain);
        Node b = node("node-b", brain);
        InterviewId id = a.engine().start(StartRequest.builder().language(Language.ENGLISH).build()).interviewId();
        Answer answer = Answer.text("m-1", "We check every order against the list, then pack it in three boxes.");

        CompletableFuture<Reply> onA = CompletableFuture.supplyAsync(() -> a.engine().answer(id, answer), callers);
        assertThat(brain.modelCalled.await(30, TimeUnit.SECONDS)).isTrue();
        // The answer is stored and node A's model call has begun: the client resends to node B, which also asks
        // for the waiting question, while A's turn runs three times longer than the lease.
        CompletableFuture<Reply> resentOnB = CompletableFuture.supplyAsync(() -> b.engine().answer(id, answer),
                callers);
        CompletableFuture<Reply> pendingOnB = CompletableFuture.supplyAsync(() -> b.engine().pending(id), callers);

        Reply first = onA.get(60, TimeUnit.SECONDS);
        Reply resent = resentOnB.get(60, TimeUnit.SECONDS);
        Reply pending = pendingOnB.get(60, TimeUnit.SECONDS);

        assertThat(brain.answerCalls).as("model calls for the one answer").hasValue(1);
        List<Turn> turns = a.database().turns(id);
        assertThat(turns).as("opening, answer, one reply").hasSize(3);
        assertThat(turns.get(2).replyTo()).isEqualTo(MessageId.of("m-1"));
        assertThat(first.duplicate()).isFalse();
        assertThat(resent.duplicate()).isTrue();
        for (Reply reply : List.of(first, resent, pending)) {
            assertThat(reply.message().number()).isEqualTo(3);
            assertThat(reply.message().text()).isEqualTo(turns.get(2).text());
        }
        assertThat(a.engine().status(id).version()).isEqualTo(3);
        assertThat(a.lock().metrics().renewals()).as("the lease was renewed during the turn").isPositive();
        assertThat(a.lock().metrics().lost() + b.lock().metrics().lost()).isZero();
    }

    @Test
    void should_store_nothing_from_a_paused_node_when_another_node_took_its_lease() throws Exception {
        GatedBrain brain = new GatedBrain();
        CountDownLatch aSawLoss = new CountDownLatch(1);
        Node a = node("node-a", brain, lock -> reportingLoss(lock, aSawLoss), paused.executor);
        Node b = node("node-b", brain);
        InterviewId id = a.engine().start(StartRequest.builder().language(Language.ENGLISH).build()).interviewId();
        Answer answer = Answer.text("m-1", "We check every order against the list, then pack it in three boxes.");

        CompletableFuture<Reply> onA = CompletableFuture.supplyAsync(() -> a.engine().answer(id, answer), callers);
        brain.awaitCall(1);
        // Node A is paused (its renewals cannot run) while its model call runs; its lease runs out, and node B,
        // to which the client resent the answer, takes the lock and regenerates the reply (model call 2).
        CompletableFuture<Reply> onB = CompletableFuture.supplyAsync(() -> b.engine().answer(id, answer), callers);
        brain.awaitCall(2);
        brain.release(1);
        // A wakes up holding a reply whose lease B now holds: it must not be written.
        assertThat(aSawLoss.await(30, TimeUnit.SECONDS)).isTrue();
        brain.release(2);

        Reply fromB = onB.get(60, TimeUnit.SECONDS);
        Reply fromA = onA.get(60, TimeUnit.SECONDS);

        List<Turn> turns = a.database().turns(id);
        assertThat(turns).as("opening, answer, one reply").hasSize(3);
        assertThat(turns.get(2).phrasedBy()).as("the reply of the node that held the lock").isEqualTo("gated:2");
        assertThat(fromB.message().phrasedBy()).isEqualTo("gated:2");
        assertThat(fromA.duplicate()).isTrue();
        assertThat(fromA.message().number()).isEqualTo(3);
        assertThat(fromA.message().phrasedBy()).isEqualTo("gated:2");
        assertThat(a.lock().metrics().lost()).isOne();
        assertThat(a.engine().metrics().conflicts()).as("A's turn was abandoned and retried").isPositive();
        assertThat(a.engine().status(id).version()).isEqualTo(3);
        // The paused node's model call is the price of the lost lease; nothing more is spent on the answer.
        assertThat(brain.calls).hasValue(2);
    }

    /** A lock whose leases count {@code lossSeen} down when they answer that they are no longer held. */
    private static InterviewLock reportingLoss(InterviewLock lock, CountDownLatch lossSeen) {
        return (id, timeout) -> {
            InterviewLock.Lease lease = lock.acquire(id, timeout);
            return new InterviewLock.Lease() {
                @Override
                public boolean held() {
                    boolean held = lease.held();
                    if (!held) {
                        lossSeen.countDown();
                    }
                    return held;
                }

                @Override
                public void close() {
                    lease.close();
                }
            };
        };
    }

    /** A model whose n-th call for an answer waits until the test releases it; its replies name the call. */
    private static final class GatedBrain implements InterviewerBrain {
        private final InterviewerBrain phrasing = MethodologyBrain.create();
        private final AtomicInteger calls = new AtomicInteger();
        private final List<CountDownLatch> entered = List.of(new CountDownLatch(1), new CountDownLatch(1));
        private final List<CountDownLatch> released = List.of(new CountDownLatch(1), new CountDownLatch(1));

        @Override
        public String id() {
            return "gated";
        }

        void awaitCall(int n) throws InterruptedException {
            assertThat(entered.get(n - 1).await(30, TimeUnit.SECONDS)).as("model call %d", n).isTrue();
        }

        void release(int n) {
            released.get(n - 1).countDown();
        }

        @Override
        public BrainReply phrase(BrainRequest request) {
            BrainReply reply = phrasing.phrase(request);
            if (request.turnNumber() == 1) {
                return reply;
            }
            int n = calls.incrementAndGet();
            entered.get(n - 1).countDown();
            try {
                if (!released.get(n - 1).await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("model call " + n + " was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            return new BrainReply(reply.message(), "gated:" + n, reply.knowledge(), reply.completeness(),
                    reply.engagement(), reply.transitionReady(), reply.endRequested());
        }
    }

    /** A model that takes {@link #MODEL_LATENCY} per answer (the opening is immediate) and counts its calls. */
    private static final class SlowBrain implements InterviewerBrain {
        private final InterviewerBrain phrasing = MethodologyBrain.create();
        private final AtomicInteger answerCalls = new AtomicInteger();
        private final CountDownLatch modelCalled = new CountDownLatch(1);

        @Override
        public String id() {
            return "slow";
        }

        @Override
        public BrainReply phrase(BrainRequest request) {
            if (request.turnNumber() > 1) {
                answerCalls.incrementAndGet();
                modelCalled.countDown();
                try {
                    Thread.sleep(MODEL_LATENCY.toMillis());   // the model's latency is what this test is about
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            return phrasing.phrase(request);
        }
    }
}
