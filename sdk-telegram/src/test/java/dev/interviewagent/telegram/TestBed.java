package dev.interviewagent.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.telegram.fake.FakeBotApi;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A channel polling a fake Bot API, with helpers to talk to it like a user would. */
final class TestBed implements AutoCloseable {

    static final String TOKEN = "123456:TEST-token_for-the-fake";
    static final Duration WAIT = Duration.ofSeconds(20);

    final FakeBotApi api;
    final InterviewEngine engine;
    final TelegramChannel channel;
    /** Every retry wait the channel asked for, blocking (sleeper) or scheduled, in order; none is waited. */
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final ScheduledThreadPoolExecutor scheduler = new RecordingScheduler(sleeps);

    TestBed(InterviewEngine engine, Consumer<TelegramChannelBuilder> customise) {
        this.api = FakeBotApi.start(TOKEN);
        this.engine = engine;
        TelegramChannelBuilder builder = TelegramChannel.builder(TOKEN, engine).apiUrl(api.url())
                .sleeper(sleeps::add).scheduler(scheduler).initialBackoff(Duration.ofMillis(1));
        customise.accept(builder);
        this.channel = builder.build();
    }

    TestBed(InterviewEngine engine) {
        this(engine, b -> { });
    }

    /** Starts long polling against the fake. */
    TestBed polling() {
        channel.start();
        return this;
    }

    /** Delivers an update through getUpdates and waits until the channel has handled it. */
    int send(ObjectNode update) {
        int id = api.push(update);
        api.awaitTaken(id, WAIT);
        idle();
        return id;
    }

    void idle() {
        try {
            assertThat(channel.awaitIdle(WAIT)).as("channel idle").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The last text sent to the chat, as the person sees it. */
    String last(long chat) {
        List<String> messages = api.messages(String.valueOf(chat));
        assertThat(messages).as("messages to chat %s", chat).isNotEmpty();
        return messages.get(messages.size() - 1);
    }

    /** The callback data of the buttons under the last message with buttons in the chat. */
    List<String> lastButtons(long chat) {
        List<FakeBotApi.Call> calls = api.calls("sendMessage", String.valueOf(chat));
        for (int i = calls.size() - 1; i >= 0; i--) {
            var markup = calls.get(i).params().path("reply_markup");
            if (!markup.isMissingNode() && !markup.isNull()) {
                List<String> data = new java.util.ArrayList<>();
                markup.path("inline_keyboard").forEach(row -> row.forEach(b -> data.add(b.path("callback_data")
                        .asText())));
                return data;
            }
        }
        throw new AssertionError("no buttons in chat " + chat);
    }

    /** The labels of the buttons under the last message with buttons in the chat. */
    List<String> lastButtonLabels(long chat) {
        List<FakeBotApi.Call> calls = api.calls("sendMessage", String.valueOf(chat));
        for (int i = calls.size() - 1; i >= 0; i--) {
            var markup = calls.get(i).params().path("reply_markup");
            if (!markup.isMissingNode() && !markup.isNull()) {
                List<String> labels = new java.util.ArrayList<>();
                markup.path("inline_keyboard").forEach(row -> row.forEach(b -> labels.add(b.path("text")
                        .asText())));
                return labels;
            }
        }
        throw new AssertionError("no buttons in chat " + chat);
    }

    int messageCount(long chat) {
        return api.messages(String.valueOf(chat)).size();
    }

    List<String> messagesSince(long chat, int from) {
        List<String> all = api.messages(String.valueOf(chat));
        return all.subList(from, all.size());
    }

    @Override
    public void close() {
        channel.close();
        engine.close();
        api.close();
        scheduler.shutdownNow();
    }

    /** Records one-shot delays (the channel's retry waits) and runs the task at once; repeats run as asked. */
    static final class RecordingScheduler extends ScheduledThreadPoolExecutor {
        private final List<Duration> delays;

        RecordingScheduler(List<Duration> delays) {
            super(1, r -> {
                Thread t = new Thread(r, "test-timer");
                t.setDaemon(true);
                return t;
            });
            this.delays = delays;
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            delays.add(Duration.ofNanos(unit.toNanos(delay)));
            return super.schedule(command, 0, unit);
        }
    }
}
