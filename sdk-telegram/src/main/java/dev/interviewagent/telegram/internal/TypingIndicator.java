package dev.interviewagent.telegram.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Shows "typing…" in a chat while the bot works on a reply. Telegram clears the indicator after about five seconds,
 * so it is sent again every {@link #REPEAT} on the scheduler until the work is done.
 */
final class TypingIndicator {

    private static final Logger log = LoggerFactory.getLogger(TypingIndicator.class);
    static final Duration REPEAT = Duration.ofSeconds(4);

    private final TelegramApi api;
    private final ChatOutbox outbox;
    private final ScheduledExecutorService scheduler;

    TypingIndicator(TelegramApi api, ChatOutbox outbox, ScheduledExecutorService scheduler) {
        this.api = api;
        this.outbox = outbox;
        this.scheduler = scheduler;
    }

    /** Runs {@code work} on this thread with the indicator shown in the chat of {@code conversation}. */
    void whileRunning(String conversation, Runnable work) {
        SendChatAction action = SendChatAction.builder().chatId(Conversations.chatId(conversation))
                .action(ActionType.TYPING.toString()).build();
        Runnable typing = () -> outbox.call(conversation, "sendChatAction", () -> {
            try {
                return api.once(action);
            } catch (TelegramApiException e) {
                // a missed typing indicator is not worth a retry
                log.debug("typing indicator failed: {}", e.getClass().getSimpleName());
                return null;
            }
        }, false);
        typing.run();
        ScheduledFuture<?> repeat = scheduler.scheduleAtFixedRate(typing, REPEAT.toMillis(), REPEAT.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            work.run();
        } finally {
            repeat.cancel(false);
        }
    }
}
