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
import dev.interviewagent.core.exception.ConcurrentTurnException;
import dev.interviewagent.core.exception.InterviewClosedException;
import dev.interviewagent.persistence.JdbcInterviewStore;
import dev.interviewagent.persistence.TestServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two engines ("nodes") with their own pools, caches and locks share one PostgreSQL schema and one Redis prefix, and
 * answer the same interviews alternately and concurrently.
 */
class MultiNodeTest {

    private String schema;
    private String prefix;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    private record Node(InterviewEngine engine, RedisInterviewStore store, RedisInterviewLock lock,
                        RedisConnection redis) {
    }

    @BeforeEach
    void setUp() {
        schema = TestServices.newSchema();
        prefix = TestServices.newRedisPrefix();
    }

    @AfterEach
    void tearDown() throws Exception {
        Collections.reverse(closeables);
        for (AutoCloseable c : closeables) {
            c.close();
        }
        TestServices.dropSchema(schema);
    }

    private Node node(String name) {
        JdbcInterviewStore database = TestServices.postgres(schema).poolName(name).maxPoolSize(8).build();
        RedisConnection redis = RedisConnection.of(TestServices.REDIS_URL, prefix);
        RedisInterviewStore store = RedisInterviewStore.of(database, redis);
        RedisInterviewLock lock = RedisInterviewLock.of(redis);
        InterviewEngine engine = InterviewEngine.builder().store(store).lock(lock).lockTimeout(Duration.ofSeconds(30))
                .build();
        closeables.add(database);
        closeables.add(redis);
        closeables.add(engine);
        return new Node(engine, store, lock, redis);
    }

    @Test
    void should_lose_duplicate_or_reorder_no_turn_when_two_nodes_answer_the_same_interviews() throws Exception {
        Node a = node("node-a");
        Node b = node("node-b");
        int interviews = 8;
        int workersPerInterview = 4; // two on each node
        int answersPerWorker = 18;   // 8 x 4 x 18 = 576 answers, each two turns: > 1,000 turns
        List<InterviewId> ids = new ArrayList<>();
        for (int i = 0; i < interviews; i++) {
            ids.add(a.engine().start(StartRequest.builder().language(Language.ENGLISH).channelKey("multi:" + i)
                    .build()).interviewId());
        }
        Map<InterviewId, Set<String>> accepted = new ConcurrentHashMap<>();
        AtomicInteger closed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(interviews * workersPerInterview);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (InterviewId id : ids) {
                for (int w = 0; w < workersPerInterview; w++) {
                    int worker = w;
                    futures.add(pool.submit(() -> {
                        for (int n = 0; n < answersPerWorker; n++) {
                            // alternate nodes answer after answer; workers on both nodes race each other
                            Node node = (worker + n) % 2 == 0 ? a : b;
                            String messageId = "w" + worker + "-n" + n;
                            try {
                                Reply reply = answerWithRetry(node.engine(), id, messageId);
                                accepted.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(messageId);
                                assertThat(reply.message().replyTo()).isEqualTo(MessageId.of(messageId));
                            } catch (InterviewClosedException e) {
                                closed.incrementAndGet();
                                return null;
                            }
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        int totalTurns = 0;
        for (InterviewId id : ids) {
            List<Turn> turns = a.store().turns(id);
            totalTurns += turns.size();
            // no reordering or gaps: 1..n; every answer directly followed by the reply to it
            assertThat(turns).extracting(Turn::number).containsExactlyElementsOf(
                    java.util.stream.IntStream.rangeClosed(1, turns.size()).boxed().toList());
            List<String> answered = new ArrayList<>();
            for (int i = 1; i < turns.size(); i += 2) {
                Turn answer = turns.get(i);
                assertThat(answer.isRespondent()).isTrue();
                answered.add(answer.messageId().value());
                if (i + 1 < turns.size()) {
                    assertThat(turns.get(i + 1).replyTo()).isEqualTo(answer.messageId());
                }
            }
            // no loss and no duplicate: every accepted message id stored exactly once
            assertThat(answered).doesNotHaveDuplicates();
            assertThat(answered).containsExactlyInAnyOrderElementsOf(accepted.getOrDefault(id, Set.of()));
            // versions strictly increased: one per stored turn, and both nodes see the same state
            assertThat(a.engine().status(id).version()).isEqualTo(turns.size());
            assertThat(b.engine().status(id).version()).isEqualTo(turns.size());
            // per-worker order is preserved in the log
            for (int w = 0; w < workersPerInterview; w++) {
                String p = "w" + w + "-n";
                List<Integer> sequence = answered.stream().filter(m -> m.startsWith(p))
                        .map(m -> Integer.parseInt(m.substring(p.length()))).toList();
                assertThat(sequence).isSorted();
            }
        }
        assertThat(totalTurns).isGreaterThanOrEqualTo(1000);
        int answers = accepted.values().stream().mapToInt(Set::size).sum();
        assertThat(a.lock().metrics().acquired() + b.lock().metrics().acquired()).isGreaterThanOrEqualTo(answers);
        assertThat(a.lock().metrics().acquired()).isPositive();
        assertThat(b.lock().metrics().acquired()).isPositive();
        assertThat(a.lock().metrics().fallbacks() + b.lock().metrics().fallbacks()).isZero();
        assertThat(a.store().metrics().hits() + b.store().metrics().hits()).isPositive();
    }

    private static Reply answerWithRetry(InterviewEngine engine, InterviewId id, String messageId) {
        for (int attempt = 1; ; attempt++) {
            try {
                // A vague answer: challenged and bounded by the turn caps rather than ending stages on saturation,
                // so each interview runs long enough for the test to exceed 1,000 turns.
                return engine.answer(id, Answer.text(messageId, "As usual, nothing special (" + messageId + ")."));
            } catch (ConcurrentTurnException e) {
                if (attempt == 20) {
                    throw e;
                }
            }
        }
    }
}
