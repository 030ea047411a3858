package dev.interviewagent.telegram.internal;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Who an update is from, as the channel keys its interviews: in a private chat the chat ({@code <chatId>}); in a
 * group or supergroup each member on their own ({@code <chatId>:<userId>}), so two members never answer into each
 * other's interview. Messages go to the chat part.
 */
public final class Conversations {

    private Conversations() {
    }

    /** The conversation of an update, or empty for updates the channel does not handle (no chat). */
    public static Optional<String> of(Update update) {
        Message message = update.getMessage();
        if (message != null && message.getChat() != null) {
            return Optional.of(of(message.getChat(), message.getFrom()));
        }
        CallbackQuery query = update.getCallbackQuery();
        if (query != null && query.getMessage() != null && query.getMessage().getChat() != null) {
            return Optional.of(of(query.getMessage().getChat(), query.getFrom()));
        }
        return Optional.empty();
    }

    /** Whether the update comes from a private chat (the default mode answers nowhere else). */
    public static boolean isPrivate(Update update) {
        Message message = update.getMessage();
        if (message != null && message.getChat() != null) {
            return "private".equals(message.getChat().getType());
        }
        CallbackQuery query = update.getCallbackQuery();
        return query != null && query.getMessage() != null && query.getMessage().isUserMessage();
    }

    private static String of(Chat chat, @Nullable User from) {
        boolean group = Boolean.TRUE.equals(chat.isGroupChat()) || Boolean.TRUE.equals(chat.isSuperGroupChat());
        return group && from != null ? chat.getId() + ":" + from.getId() : String.valueOf(chat.getId());
    }

    /** The Telegram chat of a conversation. */
    public static String chatId(String conversation) {
        int colon = conversation.indexOf(':');
        return colon < 0 ? conversation : conversation.substring(0, colon);
    }
}
