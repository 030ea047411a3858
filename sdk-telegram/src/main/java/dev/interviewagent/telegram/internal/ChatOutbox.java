package dev.interviewagent.telegram.internal;

import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.core.exception.InterviewException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The Bot API calls of each chat, one after another in the order they were queued, on the shared executor. A call
 * that must be retried (a 429's {@code retry_after}, the backoff after a network error or 5xx) is scheduled on the
 * timer and holds no thread while it waits, so one rate-limited chat never delays the others. Callers do not wait
 * for delivery: a call's final failure goes to the {@link FailureListener} (which tells the chat), and
 * {@link #then} runs an action once the chat's earlier calls have finished.
 */
public final class ChatOutbox {

    private static final Logger log = LoggerFactory.getLogger(ChatOutbox.class);

    /** Runs a task after a delay without holding a thread meanwhile. */
    @FunctionalInterface
    public interface Timer {
        void schedule(Duration delay, Runnable task);
    }

    /** Told when a call failed for good. */
    @FunctionalInterface
    public interface FailureListener {
        void failed(String conversation, RuntimeException failure);
    }

    private final TelegramApi api;
    private final Executor executor;
    private final Timer timer;
    private final KeyedSerialExecutor chats;
    private volatile FailureListener failures = (conversation, failure) -> { };

    public ChatOutbox(TelegramApi api, Executor executor, Timer timer) {
        this.api = api;
        this.executor = executor;
        this.timer = timer;
        this.chats = new KeyedSerialExecutor(executor);
    }

    /** Where final failures of reported calls go. */
    public void onFailure(FailureListener listener) {
        this.failures = listener;
    }

    /**
     * Queues a call behind the earlier calls to the chat of {@code conversation}. The call runs when they are done
     * (so it may read their results), with Telegram's retry rules.
     *
     * @param report whether a final failure is passed to the {@link FailureListener}
     * @return the call's result once delivered; a final failure completes it exceptionally
     */
    public <T> CompletableFuture<@Nullable T> call(String conversation, String method, TelegramApi.Call<T> call,
                                                  boolean report) {
        CompletableFuture<@Nullable T> result = new CompletableFuture<>();
        chats.submitAsync(Conversations.chatId(conversation), () -> {
            attempt(method, call, 1, result);
            return result.handle((ignored, failure) -> {
                if (failure != null) {
                    RuntimeException cause = unwrap(failure);
                    if (report) {
                        failures.failed(conversation, cause);
                    } else {
                        log.debug("{} failed: {}", method, cause.getClass().getSimpleName());
                    }
                }
                return null;
            });
        });
        return result;
    }

    /** Runs {@code action} once the earlier calls to the chat of {@code conversation} have finished. */
    public void then(String conversation, Runnable action) {
        chats.submit(Conversations.chatId(conversation), action);
    }

    private <T> void attempt(String method, TelegramApi.Call<T> call, int attempt,
                             CompletableFuture<@Nullable T> result) {
        try {
            result.complete(call.run());
        } catch (TelegramApiException e) {
            Duration delay;
            try {
                delay = api.retry(method, e, attempt);
            } catch (RuntimeException last) {
                result.completeExceptionally(last);
                return;
            }
            try {
                timer.schedule(delay, () -> resume(method, call, attempt + 1, result));
            } catch (RejectedExecutionException closed) {
                result.completeExceptionally(stopped(method, closed));
            }
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    private <T> void resume(String method, TelegramApi.Call<T> call, int attempt,
                            CompletableFuture<@Nullable T> result) {
        try {
            executor.execute(() -> attempt(method, call, attempt, result));
        } catch (RejectedExecutionException closed) {
            result.completeExceptionally(stopped(method, closed));
        }
    }

    private static InterviewException stopped(String method, Exception cause) {
        return new InterviewException(ErrorCode.UNAVAILABLE, method + " not retried: the channel is closing", cause);
    }

    private static RuntimeException unwrap(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        return cause instanceof RuntimeException runtime ? runtime
                : new InterviewException(ErrorCode.INTERNAL, "call failed", cause);
    }

    /** Waits until every queued call and action has finished. Returns false on timeout. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return chats.awaitIdle(timeout);
    }
}
