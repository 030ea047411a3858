package dev.interviewagent.telegram.internal;

import dev.interviewagent.core.channel.Choice;
import java.util.List;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/** The bot's own lines to a conversation (setup, commands, confirmations), in the conversation's language. */
final class ChatReplies {

    private final TelegramAdapter adapter;

    ChatReplies(TelegramAdapter adapter) {
        this.adapter = adapter;
    }

    /** Sends the text of {@code key}. */
    void say(String conversation, ChatState state, String key) {
        adapter.sendPlain(conversation, UiText.get(state.language, key), null);
    }

    /** Sends the text of {@code key} with buttons. */
    void ask(String conversation, ChatState state, String key, InlineKeyboardMarkup buttons) {
        adapter.sendPlain(conversation, UiText.get(state.language, key), buttons);
    }

    /** Sends a text as it is (already localised), with no buttons. */
    void plain(String conversation, String text) {
        adapter.sendPlain(conversation, text, null);
    }

    /** A button carrying {@code data}, labelled with the text of {@code key}. */
    static Choice button(ChatState state, CallbackData data, String key) {
        return new Choice(data.encode(), UiText.get(state.language, key));
    }

    /** One row of buttons. */
    static InlineKeyboardMarkup row(Choice... buttons) {
        return TelegramAdapter.keyboardRows(List.of(List.of(buttons)));
    }

    /** Yes and no buttons for a question asked before acting. */
    static InlineKeyboardMarkup yesNo(ChatState state, CallbackData.Confirmation.Subject subject, String keyPrefix) {
        return row(button(state, new CallbackData.Confirmation(subject, true), keyPrefix + ".yes"),
                button(state, new CallbackData.Confirmation(subject, false), keyPrefix + ".no"));
    }
}
