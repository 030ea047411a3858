package dev.interviewagent.core.spi.testkit;

import static dev.interviewagent.core.spi.testkit.TestInterviews.answer;
import static dev.interviewagent.core.spi.testkit.TestInterviews.newId;
import static dev.interviewagent.core.spi.testkit.TestInterviews.next;
import static dev.interviewagent.core.spi.testkit.TestInterviews.question;
import static dev.interviewagent.core.spi.testkit.TestInterviews.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.CloseReason;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewStatus;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.exception.ConcurrentTurnException;
import dev.interviewagent.core.experiment.StyleAssignment;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.spi.InterviewCursor;
import dev.interviewagent.core.spi.InterviewPage;
import dev.interviewagent.core.spi.InterviewQuery;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.core.spi.InterviewSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
 * Each test uses fresh random interview ids, so a store may be shared between tests. The listing cases
 * ({@code should_list_…}) keep to a channel of their own, so interviews of other tests never show up in them.
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
    void should_keep_the_style_experiment_arm_recorded_on_an_interview() {
        InterviewId id = newId();
        StyleAssignment assignment = new StyleAssignment("styles-2026", "conversational");
        Map<String, String> attributes = new HashMap<>(started(id, null, T0).attributes());
        attributes.putAll(assignment.attributes());
        Interview created = started(id, null, T0).toBuilder().style("conversational").attributes(attributes).build();
        store.create(created, List.of(question(1, T0)));
        Turn a2 = answer(2, "m1", "We check the pump pressure first.", T0.plusSeconds(5));
        store.commit(1, next(created, List.of(a2), T0.plusSeconds(5)), List.of(a2));

        assertThat(store.load(id).flatMap(StyleAssignment::recordedOn)).contains(assignment);
        InterviewId plain = newId();
        store.create(started(plain, null, T0), List.of(question(1, T0)));
        assertThat(store.load(plain).flatMap(StyleAssignment::recordedOn)).isEmpty();
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
    void should_return_a_range_of_turns_in_order_cut_to_the_log() {
        InterviewId id = newId();
        Interview state = started(id, null, T0);
        store.create(state, List.of(question(1, T0)));
        for (int n = 2; n <= 9; n++) {
            Turn turn = n % 2 == 0 ? answer(n, "m" + n, "answer " + n, T0) : question(n, T0);
            Interview next = next(state, List.of(turn), T0);
            store.commit(state.version(), next, List.of(turn));
            state = next;
        }
        assertThat(store.turnRange(id, 3, 5)).extracting(Turn::number).containsExactly(3, 4, 5);
        assertThat(store.turnRange(id, 4, 4)).singleElement().satisfies(t -> assertThat(t.text())
                .isEqualTo("answer 4"));
        assertThat(store.turnRange(id, 8, 50)).extracting(Turn::number).containsExactly(8, 9);
        assertThat(store.turnRange(id, 1, 9)).extracting(Turn::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(store.turnRange(id, 10, 20)).isEmpty();
        assertThat(store.turnRange(id, 5, 4)).isEmpty();
        assertThat(store.turnRange(newId(), 1, 5)).isEmpty();
        assertThatThrownBy(() -> store.turnRange(id, 0, 5)).isInstanceOf(IllegalArgumentException.class);
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

    // ------------------------------------------------------------------------------------------------ listing

    @Test
    void should_list_summaries_of_a_channel_newest_change_first() {
        String channel = newChannel();
        Interview a = stored(listed(channel + ":1", T0, T0.plusSeconds(10)));
        Interview b = stored(listed(channel + ":2", T0.plusSeconds(1), T0.plusSeconds(30)));
        Interview c = stored(listed(channel + ":3", T0.plusSeconds(2), T0.plusSeconds(20)));
        stored(listed(channel + "x:1", T0, T0.plusSeconds(40)));   // another channel sharing the prefix
        stored(listed(channel, T0, T0.plusSeconds(50)));            // a key without ':' has no channel

        InterviewPage page = store.list(InterviewQuery.builder().channel(channel).build());

        assertThat(page.items()).containsExactly(InterviewSummary.of(b), InterviewSummary.of(c),
                InterviewSummary.of(a));
        assertThat(page.items().get(0).channel()).isEqualTo(channel);
        assertThat(page.items().get(0).channelKey()).isEqualTo(channel + ":2");
        assertThat(page.nextCursor()).isEmpty();
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void should_list_by_one_or_several_statuses() {
        String channel = newChannel();
        Interview active = stored(listed(channel + ":1", T0, T0.plusSeconds(1)));
        Interview completed = stored(ended(listed(channel + ":2", T0, T0.plusSeconds(2)), CloseReason.NORMAL));
        Interview early = stored(ended(listed(channel + ":3", T0, T0.plusSeconds(3)), CloseReason.EARLY));
        Interview abandoned = stored(listed(channel + ":4", T0, T0.plusSeconds(4)).toBuilder()
                .status(InterviewStatus.ABANDONED).build());

        assertThat(ids(InterviewQuery.builder().channel(channel).statuses(InterviewStatus.ACTIVE)))
                .containsExactly(active.id());
        assertThat(ids(InterviewQuery.builder().channel(channel)
                .statuses(InterviewStatus.COMPLETED, InterviewStatus.ENDED_EARLY)))
                .containsExactly(early.id(), completed.id());
        assertThat(ids(InterviewQuery.builder().channel(channel).statuses(List.of())))
                .containsExactly(abandoned.id(), early.id(), completed.id(), active.id());
        InterviewSummary closed = store.list(InterviewQuery.builder().channel(channel)
                .statuses(InterviewStatus.COMPLETED).build()).items().get(0);
        assertThat(closed.closeReason()).isEqualTo(CloseReason.NORMAL);
        assertThat(closed.status()).isEqualTo(InterviewStatus.COMPLETED);
    }

    @Test
    void should_list_by_language() {
        String channel = newChannel();
        Interview english = stored(listed(channel + ":1", T0, T0.plusSeconds(1)));
        Interview russian = stored(listed(channel + ":2", T0, T0.plusSeconds(2)).toBuilder()
                .language(Language.RUSSIAN).build());

        assertThat(ids(InterviewQuery.builder().channel(channel).language(Language.RUSSIAN)))
                .containsExactly(russian.id());
        assertThat(ids(InterviewQuery.builder().channel(channel).language(Language.ENGLISH)))
                .containsExactly(english.id());
        assertThat(store.list(InterviewQuery.builder().channel(channel).language(Language.RUSSIAN).build())
                .items().get(0).language()).isEqualTo(Language.RUSSIAN);
    }

    @Test
    void should_list_by_style() {
        String channel = newChannel();
        stored(listed(channel + ":1", T0, T0.plusSeconds(1)));
        Interview journalist = stored(listed(channel + ":2", T0, T0.plusSeconds(2)).toBuilder()
                .style("journalist").build());

        assertThat(ids(InterviewQuery.builder().channel(channel).style("journalist")))
                .containsExactly(journalist.id());
        assertThat(ids(InterviewQuery.builder().channel(channel).style("mentor"))).isEmpty();
    }

    @Test
    void should_list_the_interviews_of_one_respondent_by_channel_key() {
        String channel = newChannel();
        Interview first = stored(ended(listed(channel + ":7", T0, T0.plusSeconds(1)), CloseReason.NORMAL));
        Interview second = stored(listed(channel + ":7", T0.plusSeconds(60), T0.plusSeconds(61)));
        stored(listed(channel + ":8", T0, T0.plusSeconds(2)));

        assertThat(ids(InterviewQuery.builder().channelKey(channel + ":7")))
                .containsExactly(second.id(), first.id());
        assertThat(ids(InterviewQuery.builder().channelKey(channel + ":7").statuses(InterviewStatus.ACTIVE)))
                .containsExactly(second.id());
    }

    @Test
    void should_list_by_start_time_from_inclusive_to_exclusive() {
        String channel = newChannel();
        Instant h1 = T0.plus(Duration.ofHours(1));
        Instant h2 = T0.plus(Duration.ofHours(2));
        Interview early = stored(listed(channel + ":1", T0, h2.plusSeconds(3)));
        Interview middle = stored(listed(channel + ":2", h1, h2.plusSeconds(2)));
        Interview late = stored(listed(channel + ":3", h2, h2.plusSeconds(1)));

        assertThat(ids(InterviewQuery.builder().channel(channel).startedFrom(h1).startedBefore(h2)))
                .containsExactly(middle.id());
        assertThat(ids(InterviewQuery.builder().channel(channel).startedFrom(h1)))
                .containsExactly(middle.id(), late.id());
        assertThat(ids(InterviewQuery.builder().channel(channel).startedBefore(h1)))
                .containsExactly(early.id());
    }

    @Test
    void should_list_by_last_change_from_inclusive_to_exclusive() {
        String channel = newChannel();
        Instant h1 = T0.plus(Duration.ofHours(1));
        Instant h2 = T0.plus(Duration.ofHours(2));
        Interview old = stored(listed(channel + ":1", T0, T0));
        Interview middle = stored(listed(channel + ":2", T0, h1));
        Interview recent = stored(listed(channel + ":3", T0, h2));

        assertThat(ids(InterviewQuery.builder().channel(channel).updatedFrom(h1).updatedBefore(h2)))
                .containsExactly(middle.id());
        assertThat(ids(InterviewQuery.builder().channel(channel).updatedFrom(h1)))
                .containsExactly(recent.id(), middle.id());
        assertThat(ids(InterviewQuery.builder().channel(channel).updatedBefore(h1)))
                .containsExactly(old.id());
    }

    @Test
    void should_list_with_all_filters_combined() {
        String channel = newChannel();
        Instant now = T0.plus(Duration.ofHours(10));
        Interview match = stored(russian(listed(channel + ":1", T0, now.minus(Duration.ofMinutes(30)))));
        stored(russian(listed(channel + ":2", T0, now.minus(Duration.ofHours(2)))));               // too old
        stored(ended(russian(listed(channel + ":3", T0, now.minusSeconds(60))), CloseReason.EARLY)); // ended
        stored(listed(channel + ":4", T0, now.minusSeconds(30)));                                  // English
        stored(russian(listed(channel + ":5", T0, now.minusSeconds(20))).toBuilder().style("journalist").build());
        stored(russian(listed(channel + ":6", now.minusSeconds(5), now.minusSeconds(5))));          // started late

        InterviewQuery query = InterviewQuery.builder()
                .statuses(InterviewStatus.ACTIVE)
                .language(Language.RUSSIAN)
                .style("master")
                .channel(channel)
                .startedBefore(now.minus(Duration.ofHours(1)))
                .updatedFrom(now.minus(Duration.ofHours(1)))
                .updatedBefore(now)
                .build();

        assertThat(store.list(query).items()).containsExactly(InterviewSummary.of(match));
    }

    @Test
    void should_page_through_in_a_stable_order_when_timestamps_tie() {
        String channel = newChannel();
        List<Interview> created = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            // five share one updatedAt, three another, three stand alone
            Instant updated = i < 5 ? T0.plusSeconds(60) : i < 8 ? T0.plusSeconds(120) : T0.plusSeconds(i);
            created.add(stored(listed(channel + ":" + i, T0, updated)));
        }
        List<InterviewSummary> expected = created.stream().map(InterviewSummary::of)
                .sorted(InterviewSummary.NEWEST_FIRST).toList();
        InterviewQuery query = InterviewQuery.builder().channel(channel).pageSize(3).build();

        List<InterviewPage> pages = new ArrayList<>();
        InterviewPage page = store.list(query);
        pages.add(page);
        while (page.hasNext() && pages.size() < 20) {
            page = store.list(query.after(page.nextCursor().orElseThrow()));
            pages.add(page);
        }

        assertThat(pages).extracting(p -> p.items().size()).containsExactly(3, 3, 3, 2);
        assertThat(pages.subList(0, 3)).allMatch(InterviewPage::hasNext);
        assertThat(pages.stream().flatMap(p -> p.items().stream()).toList()).isEqualTo(expected);
        assertThat(store.list(query.toBuilder().pageSize(11).build()).nextCursor()).isEmpty();
        assertThat(store.list(query.toBuilder().pageSize(10).build()).nextCursor()).isPresent();
    }

    @Test
    void should_neither_repeat_nor_skip_unchanged_interviews_when_others_change_between_pages() {
        String channel = newChannel();
        List<Interview> byAge = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            byAge.add(stored(listed(channel + ":" + i, T0, T0.plusSeconds(i * 60L))));
        }
        InterviewQuery query = InterviewQuery.builder().channel(channel).pageSize(3).build();
        InterviewPage first = store.list(query);
        assertThat(first.items()).extracting(InterviewSummary::id)
                .containsExactly(byAge.get(7).id(), byAge.get(6).id(), byAge.get(5).id());

        // between pages: one not yet shown and one already shown change, one is deleted, one is created
        touch(byAge.get(1), T0.plusSeconds(1200));
        touch(byAge.get(6), T0.plusSeconds(1260));
        store.delete(byAge.get(3).id());
        stored(listed(channel + ":9", T0, T0.plusSeconds(1800)));

        List<InterviewId> rest = new ArrayList<>();
        InterviewPage page = first;
        while (page.hasNext() && rest.size() < 50) {
            page = store.list(query.after(page.nextCursor().orElseThrow()));
            page.items().forEach(item -> rest.add(item.id()));
        }
        assertThat(rest).containsExactly(byAge.get(4).id(), byAge.get(2).id(), byAge.get(0).id());
    }

    @Test
    void should_reflect_a_commit_in_the_listing() {
        String channel = newChannel();
        Interview v1 = stored(listed(channel + ":1", T0, T0));
        InterviewQuery active = InterviewQuery.builder().channel(channel).statuses(InterviewStatus.ACTIVE).build();
        assertThat(store.list(active).items()).extracting(InterviewSummary::id).containsExactly(v1.id());

        Turn a2 = answer(2, "m1", "an answer", T0.plusSeconds(300));
        Interview v2 = next(v1, List.of(a2), T0.plusSeconds(300)).toBuilder().stage(Stage.WRAP_UP)
                .status(InterviewStatus.COMPLETED).closeReason(CloseReason.NORMAL).endedAt(T0.plusSeconds(300))
                .build();
        store.commit(1, v2, List.of(a2));

        assertThat(store.list(active).items()).isEmpty();
        InterviewSummary summary = store.list(InterviewQuery.builder().channel(channel).build()).items().get(0);
        assertThat(summary).isEqualTo(InterviewSummary.of(v2));
        assertThat(summary.stage()).isEqualTo(Stage.WRAP_UP);
        assertThat(summary.turnCount()).isEqualTo(2);
        assertThat(summary.updatedAt()).isEqualTo(T0.plusSeconds(300));
    }

    @Test
    void should_return_an_empty_page_without_cursor_when_nothing_matches() {
        stored(listed(newChannel() + ":1", T0, T0));
        InterviewPage page = store.list(InterviewQuery.builder().channel(newChannel()).build());
        assertThat(page.items()).isEmpty();
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void should_reject_a_page_size_outside_1_to_500() {
        for (int bad : new int[] {0, -1, 501, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> InterviewQuery.builder().pageSize(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pageSize");
        }
        String channel = newChannel();
        Interview newer = stored(listed(channel + ":1", T0, T0.plusSeconds(2)));
        Interview older = stored(listed(channel + ":2", T0, T0.plusSeconds(1)));
        assertThat(ids(InterviewQuery.builder().channel(channel).pageSize(InterviewQuery.MAX_PAGE_SIZE)))
                .containsExactly(newer.id(), older.id());
        InterviewPage one = store.list(InterviewQuery.builder().channel(channel).pageSize(1).build());
        assertThat(one.items()).extracting(InterviewSummary::id).containsExactly(newer.id());
        assertThat(one.hasNext()).isTrue();
    }

    @Test
    void should_refuse_a_cursor_issued_for_other_filters_and_accept_it_back_from_text() {
        String channel = newChannel();
        stored(listed(channel + ":1", T0, T0.plusSeconds(2)));
        Interview second = stored(listed(channel + ":2", T0, T0.plusSeconds(1)));
        InterviewQuery query = InterviewQuery.builder().channel(channel).pageSize(1).build();
        InterviewCursor cursor = store.list(query).nextCursor().orElseThrow();

        assertThatThrownBy(() -> InterviewQuery.builder().channel(newChannel()).after(cursor).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor");
        assertThatThrownBy(() -> query.toBuilder().language(Language.RUSSIAN).after(cursor).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor");
        assertThatThrownBy(() -> InterviewCursor.of("not-a-cursor"))
                .isInstanceOf(IllegalArgumentException.class);

        InterviewCursor fromText = InterviewCursor.of(cursor.value());
        InterviewPage rest = store.list(query.toBuilder().pageSize(10).after(fromText).build());
        assertThat(rest.items()).extracting(InterviewSummary::id).containsExactly(second.id());
        assertThat(rest.hasNext()).isFalse();
    }

    @Test
    void should_not_list_deleted_interviews() {
        String channel = newChannel();
        Interview kept = stored(listed(channel + ":1", T0, T0));
        Interview deleted = stored(listed(channel + ":2", T0, T0.plusSeconds(1)));

        assertThat(store.delete(deleted.id())).isTrue();

        assertThat(ids(InterviewQuery.builder().channel(channel))).containsExactly(kept.id());
        assertThat(ids(InterviewQuery.builder().channelKey(channel + ":2"))).isEmpty();
    }

    /** A channel no other test uses. */
    private static String newChannel() {
        return "list" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A started interview (one question) bound to {@code channelKey}, last changed at {@code updatedAt}. */
    private static Interview listed(String channelKey, Instant startedAt, Instant updatedAt) {
        return started(newId(), channelKey, startedAt).toBuilder().updatedAt(updatedAt).build();
    }

    private static Interview russian(Interview interview) {
        return interview.toBuilder().language(Language.RUSSIAN).build();
    }

    private static Interview ended(Interview interview, CloseReason reason) {
        return interview.toBuilder().status(reason.status()).closeReason(reason).endedAt(interview.updatedAt())
                .build();
    }

    private Interview stored(Interview interview) {
        store.create(interview, List.of(question(1, interview.createdAt())));
        return interview;
    }

    /** Commits one answer at {@code at}, which moves the interview to the front of the listing. */
    private void touch(Interview interview, Instant at) {
        Interview current = store.load(interview.id()).orElseThrow();
        Turn answer = answer(current.turnCount() + 1, "touch-" + at.getEpochSecond(), "changed", at);
        store.commit(current.version(), next(current, List.of(answer), at), List.of(answer));
    }

    /** The ids of every page of {@code query}, in listing order, checking no interview shows up twice. */
    private List<InterviewId> ids(InterviewQuery.Builder query) {
        InterviewQuery first = query.build();
        List<InterviewId> ids = new ArrayList<>();
        Set<InterviewId> seen = new HashSet<>();
        InterviewPage page = store.list(first);
        for (int pages = 1; ; pages++) {
            for (InterviewSummary item : page.items()) {
                assertThat(seen.add(item.id())).as("%s listed twice", item.id()).isTrue();
                ids.add(item.id());
            }
            if (!page.hasNext()) {
                return ids;
            }
            assertThat(pages).as("pages of %s", first).isLessThan(100);
            page = store.list(first.after(page.nextCursor().orElseThrow()));
        }
    }
}
