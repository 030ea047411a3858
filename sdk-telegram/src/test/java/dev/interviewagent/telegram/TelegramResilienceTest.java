package dev.interviewagent.telegram;

import static dev.interviewagent.telegram.fake.FakeBotApi.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.channel.ChannelInbox;
import dev.interviewagent.telegram.fake.FakeBotApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Rate limits, network failures, redelivered updates and many chats at once. */
class TelegramResilienceTest {

    private TestBed bed;
    private ExecutorService pool;

    @AfterEach
    void stop() {
        if (bed != null) {
            bed.close();
        }
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private InterviewId startInterview(long chat) {
        bed.send(text(chat, "en", "/start"));
        bed.send(FakeBotApi.callback(chat, "en", 1, "lang:en"));
        bed.send(FakeBotApi.callback(chat, "en", 2, "style:master"));
        bed.send(FakeBotApi.callback(chat, "en", 3, "profile:skip"));
        return bed.engine.findActive("telegram:" + chat).orElseThrow();
    }

    @Test
    void should_wait_retry_after_and_deliver_when_telegram_answers_429() {
        bed = new TestBed(InterviewEngine.builder().build()).polling();
        bed.api.rateLimitNext("sendMessage", 2, 3);

        bed.send(text(4001, "en", "/help"));

        assertThat(bed.sleeps).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
        assertThat(bed.api.calls().stream().filter(c -> c.method().equals("sendMessage") && c.status() == 429))
                .hasSize(2);
        assertThat(bed.last(4001)).contains("/status");
    }

    @Test
    void should_deliver_to_other_chats_when_one_chat_waits_out_a_429() throws Exception {
        // one thread for every chat, a timer that fires only when told, and a sleeper that never returns: if the
        // 429's wait held the pool thread (or slept anywhere), the second chat would never get its answer
        pool = Executors.newFixedThreadPool(1);
        ManualTimer timer = new ManualTimer();
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        bed = new TestBed(InterviewEngine.builder().build(), b -> b.executor(pool).scheduler(timer)
                .sleeper(d -> never.await())).polling();
        bed.api.rateLimitNext("sendMessage", 1, 30);

        bed.api.push(text(4101, "en", "/help"));
        bed.api.await(c -> c.method().equals("sendMessage") && c.status() == 429, 1, TestBed.WAIT);
        bed.api.push(text(4102, "en", "/help"));
        bed.api.await(c -> c.method().equals("sendMessage") && c.status() == 200 && "4102".equals(c.chatId()), 1,
                TestBed.WAIT);

        assertThat(bed.api.calls("sendMessage", "4101")).as("the rate-limited chat still waits").isEmpty();
        assertThat(timer.delays()).containsExactly(Duration.ofSeconds(30));
        timer.fireAll();
        bed.idle();
        assertThat(bed.last(4101)).contains("/status");
        timer.shutdownNow();
    }

    /** Holds one-shot tasks until {@link #fireAll()}; records their delays. */
    static final class ManualTimer extends java.util.concurrent.ScheduledThreadPoolExecutor {
        private final List<Duration> delays = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final List<Runnable> held = new java.util.concurrent.CopyOnWriteArrayList<>();

        ManualTimer() {
            super(1);
        }

        @Override
        public java.util.concurrent.ScheduledFuture<?> schedule(Runnable command, long delay,
                                                                java.util.concurrent.TimeUnit unit) {
            delays.add(Duration.ofNanos(unit.toNanos(delay)));
            held.add(command);
            return super.schedule(() -> { }, 1, java.util.concurrent.TimeUnit.DAYS);
        }

        List<Duration> delays() {
            return List.copyOf(delays);
        }

        void fireAll() {
            List<Runnable> due = List.copyOf(held);
            held.clear();
            for (Runnable task : due) {
                // not execute(): it goes through schedule() and would be held again
                super.schedule(task, 0, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        }
    }

    @Test
    void should_not_confirm_a_polled_update_until_the_inbox_has_stored_it() {
        ChannelInbox memory = ChannelInbox.inMemory();
        List<Long> offsetsWhileDown = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger(3);
        FakeBotApi[] fake = new FakeBotApi[1];
        ChannelInbox flaky = new ChannelInbox() {
            @Override
            public boolean add(Entry entry) {
                if (failures.getAndDecrement() > 0) {
                    offsetsWhileDown.add(fake[0].confirmedOffset());
                    throw new dev.interviewagent.core.exception.StoreException("database down");
                }
                return memory.add(entry);
            }

            @Override
            public List<Entry> pending(String scope) {
                return memory.pending(scope);
            }

            @Override
            public void done(String scope, String id) {
                memory.done(scope, id);
            }
        };
        bed = new TestBed(InterviewEngine.builder().build(), b -> b.inbox(flaky));
        fake[0] = bed.api;
        bed.polling();

        int id = bed.send(text(4201, "en", "/help"));

        assertThat(offsetsWhileDown).hasSize(3).allSatisfy(offset -> assertThat(offset).isLessThanOrEqualTo(id));
        assertThat(bed.sleeps).containsExactly(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(4));
        assertThat(bed.last(4201)).contains("/status");
        assertThat(memory.pending("telegram:123456")).isEmpty();
    }

    @Test
    void should_report_rate_limited_when_retry_after_is_longer_than_allowed() {
        bed = new TestBed(InterviewEngine.builder().build(), b -> b.maxRetryAfter(Duration.ofSeconds(5)))
                .polling();
        bed.api.rateLimitNext("sendMessage", 1, 30);

        bed.send(text(4002, "en", "/help"));

        assertThat(bed.sleeps).isEmpty();
        // the help text was dropped; the user is told to slow down instead
        assertThat(bed.last(4002)).isEqualTo("⚠️ " + dev.interviewagent.core.i18n.Messages.forLanguage(
                dev.interviewagent.core.Language.ENGLISH).error(dev.interviewagent.core.exception.ErrorCode.RATE_LIMITED));
    }

    @Test
    void should_retry_with_backoff_when_the_network_fails() {
        bed = new TestBed(InterviewEngine.builder().build(), b -> b.initialBackoff(Duration.ofMillis(100)))
                .polling();
        bed.api.script("sendMessage", 1, 0);
        bed.api.script("sendMessage", 2, 502);

        bed.send(text(4003, "en", "/help"));

        // OkHttp may silently retry a dropped connection once; every failure it reports is backed off, doubling
        assertThat(bed.sleeps).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 0; i < bed.sleeps.size(); i++) {
            assertThat(bed.sleeps.get(i)).isEqualTo(Duration.ofMillis(100L << i));
        }
        assertThat(bed.api.calls().stream().filter(c -> c.method().equals("sendMessage") && c.status() != 200))
                .hasSize(3);
        assertThat(bed.last(4003)).contains("/status");
    }

    @Test
    void should_handle_an_update_once_when_it_is_redelivered() {
        bed = new TestBed(InterviewEngine.builder().build()).polling();
        long chat = 4004;
        InterviewId id = startInterview(chat);
        int before = bed.messageCount(chat);
        ObjectNode answer = text(chat, "en", "I run the night shift of a water plant since 2015, twelve operators.");
        int updateId = bed.api.push(answer);
        bed.api.pushAgain(answer);
        bed.api.awaitTaken(updateId, TestBed.WAIT);
        bed.idle();

        assertThat(bed.engine.transcript(id)).filteredOn(Turn::isRespondent).hasSize(1);
        assertThat(bed.messagesSince(chat, before)).isNotEmpty().doesNotHaveDuplicates();
        assertThat(bed.messagesSince(chat, before).stream().filter(m -> m.startsWith("Stage done"))).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void should_keep_per_chat_order_when_100_chats_write_at_once() {
        pool = Executors.newFixedThreadPool(8);
        bed = new TestBed(InterviewEngine.builder().brain(TestBrains.echo()).build(), b -> b.executor(pool))
                .polling();
        int chats = 100;
        int perChat = 4;
        List<Long> ids = new ArrayList<>();
        for (int c = 0; c < chats; c++) {
            long chat = 50_000 + c;
            ids.add(chat);
            bed.api.push(text(chat, "en", "/start"));
            bed.api.push(FakeBotApi.callback(chat, "en", 1, "lang:en"));
            bed.api.push(FakeBotApi.callback(chat, "en", 2, "style:master"));
            bed.api.push(FakeBotApi.callback(chat, "en", 3, "profile:skip"));
        }
        int last = 0;
        for (int i = 0; i < perChat; i++) {
            for (long chat : ids) {
                last = bed.api.push(text(chat, "en", "answer-" + chat + "-" + i));
            }
        }
        bed.api.awaitTaken(last, Duration.ofSeconds(60));
        bed.idle();

        for (long chat : ids) {
            List<String> got = bed.api.messages(String.valueOf(chat)).stream().filter(m -> m.startsWith("Got "))
                    .toList();
            assertThat(got).as("chat %s", chat).hasSize(perChat);
            for (int i = 0; i < perChat; i++) {
                assertThat(got.get(i)).as("chat %s reply %s", chat, i).startsWith("Got answer-" + chat + "-" + i + ",");
            }
        }
    }

    @Test
    void should_reply_in_groups_when_private_only_is_off() {
        bed = new TestBed(InterviewEngine.builder().build(), b -> b.privateChatsOnly(false)).polling();
        bed.send(FakeBotApi.groupText(-100600, 4005, "/help"));
        assertThat(bed.api.calls("sendMessage", "-100600")).hasSize(1);
    }

    static Update toUpdate(ObjectNode json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .treeToValue(json, Update.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
