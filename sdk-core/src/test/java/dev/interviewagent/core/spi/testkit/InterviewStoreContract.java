package dev.interviewagent.core.spi.testkit;

import static dev.interviewagent.core.spi.testkit.TestInterviews.answer;
import static dev.interviewagent.core.spi.testkit.TestInterviews.newId;
import static dev.interviewagent.core.spi.testkit.TestInterviews.next;
import static dev.interviewagent.core.spi.testkit.TestInterviews.question;
import static dev.interviewagent.core.spi.testkit.TestInterviews.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewStatus;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.exception.ConcurrentTurnException;
import dev.interviewagent.core.spi.InterviewStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link InterviewStore} must meet. Extend it and implement {@link #newStore()}:
 *
 * <pre>{@code
 * class MyStoreTest extends InterviewStoreContract {
 *     @Override protected InterviewStore newStore() { return new MyStore(...); }
 * }
 * }</pre>
 *
 * <p>Ships in the sdk-core test-jar ({@code <classifier>tests</classifier><type>test-jar</type>}). A test-jar brings
 * no transitive dependencies: declare {@code junit-jupiter} and {@code assertj-core} in test scope yourself.
 * Each test uses fresh random interview ids, so a store may be shared between tests.
 */
public abstract class InterviewStoreContract {

    /** Time the tests' interviews start at. */
    protected static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    protected InterviewStore store;

    /** A store to test; called before each test. */
    protected abstract InterviewStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void should_load_what_was_created() {
        InterviewId id = newId();
        Interview created = started(id, "kit:" + id, T0);
        store.create(created, List.of(question(1, T0)));

        assertThat(store.load(id)).contains(created);
        assertThat(store.turns(id)).containsExactly(question(1, T0));
    }

    @Test
    void should_return_empty_when_interview_is_unknown() {
        InterviewId id = newId();
        assertThat(store.load(id)).isEmpty();
        assertThat(store.turns(id)).isEmpty();
        assertThat(store.findByMessageId(id, MessageId.of("x"))).isEmpty();
        assertThat(store.delete(id)).isFalse();
    }

    @Test
    void should_reject_creating_the_same_interview_twice() {
        InterviewId id = newId();
        store.create(started(id, null, T0), List.of(question(1, T0)));
        assertThatThrownBy(() -> store.create(started(id, null, T0), List.of(question(1, T0))))
                .isInstanceOf(ConcurrentTurnException.class);
    }

    @Test
    void should_append_turns_and_bump_version_when_commit_matches_version() {
        InterviewId id = newId();
        Interview v1 = started(id, null, T0);
        store.create(v1, List.of(question(1, T0)));
        Turn a2 = answer(2, "m1", "We check the pump pressure first, then the valves.", T0.plusSeconds(5));
        Interview v2 = next(v1, List.of(a2), T0.plusSeconds(5));
        store.commit(1, v2, List.of(a2));
        Turn q3 = question(3, T0.plusSeconds(6));
        Interview v3 = next(v2, List.of(q3), T0.plusSeconds(6));
        store.commit(2, v3, List.of(q3));

        assertThat(store.load(id)).contains(v3);
        assertThat(store.turns(id)).extracting(Turn::number).containsExactly(1, 2, 3);
        assertThat(store.turns(id).get(1)).isEqualTo(a2);
    }

    @Test
    void should_reject_commit_when_version_is_stale_and_keep_state() {
        InterviewId id = newId();
        Interview v1 = started(id, null, T0);
        store.create(v1, List.of(question(1, T0)));
        Turn a2 = answer(2, "m1", "first writer", T0);
        store.commit(1, next(v1, List.of(a2), T0), List.of(a2));

        Turn other = answer(2, "m2", "second writer", T0);
        assertThatThrownBy(() -> store.commit(1, next(v1, List.of(other), T0), List.of(other)))
                .isInstanceOf(ConcurrentTurnException.class);
        assertThat(store.turns(id)).extracting(Turn::text).containsExactly("Question 1?", "first writer");
        assertThat(store.load(id).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void should_find_answer_by_message_id_and_reject_a_repeat() {
        InterviewId id = newId();
        Interview v1 = started(id, null, T0);
        store.create(v1, List.of(question(1, T0)));
        Turn a2 = answer(2, "msg-42", "an answer", T0);
        Interview v2 = next(v1, List.of(a2), T0);
        store.commit(1, v2, List.of(a2));

        assertThat(store.findByMessageId(id, MessageId.of("msg-42"))).contains(a2);
        assertThat(store.findByMessageId(id, MessageId.of("msg-43"))).isEmpty();
        Turn repeat = answer(3, "msg-42", "the same message again", T0);
        assertThatThrownBy(() -> store.commit(2, next(v2, List.of(repeat), T0), List.of(repeat)))
                .isInstanceOf(ConcurrentTurnException.class);
        assertThat(store.turns(id)).hasSize(2);
    }

    @Test
    void should_keep_message_ids_separate_per_interview() {
        InterviewId first = newId();
        InterviewId second = newId();
        for (InterviewId id : List.of(first, second)) {
            Interview v1 = started(id, null, T0);
            store.create(v1, List.of(question(1, T0)));
            Turn a2 = answer(2, "same-id", "answer of " + id, T0);
            store.commit(1, next(v1, List.of(a2), T0), List.of(a2));
        }
        assertThat(store.findByMessageId(first, MessageId.of("same-id")).orElseThrow().text())
                .isEqualTo("answer of " + first);
        assertThat(store.findByMessageId(second, MessageId.of("same-id")).orElseThrow().text())
                .isEqualTo("answer of " + second);
    }

    @Test
    void should_reject_turns_that_do_not_continue_the_log() {
        InterviewId id = newId();
        Interview v1 = started(id, null, T0);
        store.create(v1, List.of(question(1, T0)));
        Turn gap = answer(3, "m1", "skips turn 2", T0);
        Interview bad = v1.toBuilder().version(2).turnCount(3).build();
        assertThatThrownBy(() -> store.commit(1, bad, List.of(gap))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.load(id).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void should_return_recent_turns_in_order() {
        InterviewId id = newId();
        Interview state = started(id, null, T0);
        store.create(state, List.of(question(1, T0)));
        for (int n = 2; n <= 9; n++) {
            Turn turn = n % 2 == 0 ? answer(n, "m" + n, "answer " + n, T0) : question(n, T0);
            Interview next = next(state, List.of(turn), T0);
            store.commit(state.version(), next, List.of(turn));
            state = next;
        }
        assertThat(store.recentTurns(id, 3)).extracting(Turn::number).containsExactly(7, 8, 9);
        assertThat(store.recentTurns(id, 50)).hasSize(9);
    }

    @Test
    void should_store_text_verbatim_whatever_it_contains() {
        InterviewId id = newId();
        Interview v1 = started(id, null, T0);
        store.create(v1, List.of(question(1, T0)));
        String nasty = "'; DROP TABLE interviews; -- \"quotes\" \\ backslash \u0000? no: 😀 ё Ж 中文 \n new line";
        String text = nasty.replace("\u0000", "");
        Turn a2 = answer(2, "m1", text, T0);
        store.commit(1, next(v1, List.of(a2), T0), List.of(a2));
        assertThat(store.turns(id).get(1).text()).isEqualTo(text);
        assertThat(store.load(id).orElseThrow().knowledge().get(0).text()).isEqualTo(text.strip());
    }

    @Test
    void should_find_active_interview_by_channel_key() {
        InterviewId id = newId();
        String key = "kit:" + id;
        store.create(started(id, key, T0), List.of(question(1, T0)));
        assertThat(store.findActiveByChannelKey(key)).contains(id);
        assertThat(store.findActiveByChannelKey(key + "-other")).isEmpty();

        Interview v1 = store.load(id).orElseThrow();
        store.commit(1, v1.toBuilder().version(2).status(InterviewStatus.COMPLETED).build(), List.of());
        assertThat(store.findActiveByChannelKey(key)).isEmpty();
        assertThat(store.findByChannelKey(key)).containsExactly(id);
    }

    @Test
    void should_list_all_interviews_of_a_channel_key_oldest_first() {
        String key = "kit:" + newId();
        InterviewId older = newId();
        InterviewId newer = newId();
        store.create(started(newer, key, T0.plusSeconds(60)), List.of(question(1, T0)));
        store.create(started(older, key, T0), List.of(question(1, T0)));
        assertThat(store.findByChannelKey(key)).containsExactly(older, newer);
    }

    @Test
    void should_find_idle_active_interviews() {
        InterviewId idle = newId();
        InterviewId fresh = newId();
        store.create(started(idle, null, T0.minus(Duration.ofDays(30))), List.of(question(1, T0)));
        store.create(started(fresh, null, T0), List.of(question(1, T0)));
        List<InterviewId> found = store.findActiveIdleSince(T0.minus(Duration.ofDays(1)), 10_000);
        assertThat(found).contains(idle).doesNotContain(fresh);
    }

    @Test
    void should_delete_everything_about_an_interview() {
        InterviewId id = newId();
        Interview v1 = started(id, "kit:" + id, T0);
        store.create(v1, List.of(question(1, T0)));
        Turn a2 = answer(2, "m1", "text", T0);
        store.commit(1, next(v1, List.of(a2), T0), List.of(a2));

        assertThat(store.delete(id)).isTrue();
        assertThat(store.load(id)).isEmpty();
        assertThat(store.turns(id)).isEmpty();
        assertThat(store.findByMessageId(id, MessageId.of("m1"))).isEmpty();
        assertThat(store.findActiveByChannelKey("kit:" + id)).isEmpty();
    }

    @Test
    void should_let_exactly_one_of_concurrent_writers_win_each_version() throws Exception {
        InterviewId id = newId();
        Interview v1 = started(id, null, T0);
        store.create(v1, List.of(question(1, T0)));
        int writers = 8;
        int rounds = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        AtomicInteger wins = new AtomicInteger();
        List<String> committed = Collections.synchronizedList(new ArrayList<>());
        try {
            for (int round = 0; round < rounds; round++) {
                Interview current = store.load(id).orElseThrow();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> futures = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    String messageId = "r" + round + "-w" + w;
                    futures.add(pool.submit(() -> {
                        Turn turn = answer(current.turnCount() + 1, messageId, messageId, T0);
                        go.await();
                        try {
                            store.commit(current.version(), next(current, List.of(turn), T0), List.of(turn));
                            wins.incrementAndGet();
                            committed.add(messageId);
                        } catch (ConcurrentTurnException expected) {
                            // another writer won this version
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> future : futures) {
                    future.get(30, TimeUnit.SECONDS);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(wins.get()).isEqualTo(rounds);
        Interview last = store.load(id).orElseThrow();
        assertThat(last.version()).isEqualTo(1 + rounds);
        List<Turn> turns = store.turns(id);
        assertThat(turns).extracting(Turn::number).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 1 + rounds).boxed().toList());
        assertThat(turns.subList(1, turns.size())).extracting(Turn::text).containsExactlyElementsOf(committed);
    }
}
