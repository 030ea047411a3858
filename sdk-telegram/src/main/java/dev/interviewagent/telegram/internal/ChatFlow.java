package dev.interviewagent.telegram.internal;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.channel.ChannelBridge;
import dev.interviewagent.core.channel.InboundMessage;
import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.core.exception.InterviewException;
import dev.interviewagent.core.guide.InterviewStyles;
import dev.interviewagent.core.i18n.Messages;
import dev.interviewagent.telegram.RespondentData;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * The conversation of one bot with its chats: takes each update, finds its conversation's {@link ChatState}, and
 * passes it on — commands to the {@link CommandRouter}, buttons (decoded by {@link CallbackData}) to the
 * {@link ButtonRouter}, profile answers to the {@link SetupWizard}, and answers by text and voice to the
 * {@link ChannelBridge}; then saves the state if it changed ({@link ChatStates}). A conversation is a private chat,
 * or one member of a group (see {@link Conversations}); each has its own setup state and interview (channel key
 * {@code telegram:<conversation>}). Called on the conversation's serial lane, so its updates never run at once.
 */
public final class ChatFlow {

    private static final Logger log = LoggerFactory.getLogger(ChatFlow.class);

    private final ChannelBridge bridge;
    private final TelegramAdapter adapter;
    private final TelegramApi api;
    private final ChatOutbox outbox;
    private final ChatStates states;
    private final boolean privateOnly;
    private final boolean voiceEnabled;
    private final ChatReplies replies;
    private final TypingIndicator typing;
    private final SetupWizard wizard;
    private final CommandRouter commands;
    private final ButtonRouter buttons;

    /**
     * @param engine only for the style catalog, the admins' metrics and data deletion; every interview turn goes
     *               through {@code bridge}
     */
    public ChatFlow(InterviewEngine engine, ChannelBridge bridge, TelegramAdapter adapter, TelegramApi api,
                    ChatOutbox outbox, ChatStates states, Set<Long> adminIds, boolean privateOnly,
                    boolean voiceEnabled, ScheduledExecutorService scheduler, @Nullable RespondentData respondentData) {
        this.bridge = bridge;
        this.adapter = adapter;
        this.api = api;
        this.outbox = outbox;
        this.states = states;
        this.privateOnly = privateOnly;
        this.voiceEnabled = voiceEnabled;
        this.replies = new ChatReplies(adapter);
        this.typing = new TypingIndicator(api, outbox, scheduler);
        this.wizard = new SetupWizard(bridge, engine.styles(), replies, typing);
        this.commands = new CommandRouter(bridge, wizard, replies, adminIds, engine::metrics);
        this.buttons = new ButtonRouter(bridge, wizard, commands,
                new DataDeletion(engine, respondentData, adapter, states), replies, typing);
    }

    /** The engine's channel key of a conversation. */
    public static String channelKey(String conversation) {
        return "telegram:" + conversation;
    }

    /** The UI language of a conversation (its interview's, its chosen one, or English). */
    public Language languageOf(String conversation) {
        return states.cachedLanguage(conversation).orElse(Language.ENGLISH);
    }

    /** Handles one update of one conversation. Never throws. */
    public void handle(Update update) {
        Optional<String> conversation = Conversations.of(update);
        if (conversation.isEmpty()) {
            return;
        }
        try {
            if (update.getCallbackQuery() != null) {
                callback(conversation.get(), update.getUpdateId(), update.getCallbackQuery());
            } else if (update.getMessage() != null) {
                message(conversation.get(), update.getUpdateId(), update.getMessage());
            }
        } catch (InterviewException e) {
            log.debug("update {} failed: {}", update.getUpdateId(), e.code().wireValue());
            notifyFailure(conversation.get(), e);
        } catch (RuntimeException e) {
            log.error("update {} failed", update.getUpdateId(), e);
            notifyFailure(conversation.get(), e);
        }
    }

    /** Tells the conversation that something failed, in its language; a failure to tell it is only logged. */
    public void notifyFailure(String conversation, RuntimeException e) {
        ErrorCode code = e instanceof InterviewException ie ? ie.code() : ErrorCode.INTERNAL;
        if (code == ErrorCode.INTERNAL && !(e instanceof InterviewException)) {
            log.debug("telling {} about a failure: {}", conversation, e.getClass().getSimpleName());
        }
        Language language = languageOf(conversation);
        String text = code == ErrorCode.TOO_LARGE ? UiText.get(language, "voice.too_large")
                : Messages.forLanguage(language).error(code);
        try {
            adapter.sendFailureNotice(conversation, "⚠️ " + text);
        } catch (RuntimeException sendFailure) {
            log.warn("could not deliver an error message: {}", sendFailure.getClass().getSimpleName());
        }
    }

    private void message(String conversation, int updateId, Message message) {
        if (privateOnly && !"private".equals(message.getChat().getType())) {
            return;
        }
        ChatState state = state(conversation, message.getFrom());
        MessageId messageId = MessageId.of("tg-" + updateId);
        try {
            if (message.hasText() && message.getText().startsWith("/")) {
                commands.handle(conversation, state, messageId, message.getText(), message.getFrom(),
                        active(conversation));
            } else if (message.hasText()) {
                text(conversation, state, messageId, message.getText());
            } else if (message.hasVoice()) {
                audio(conversation, state, messageId, message.getVoice().getFileId(),
                        message.getVoice().getFileSize(), "ogg");
            } else if (message.hasAudio()) {
                audio(conversation, state, messageId, message.getAudio().getFileId(),
                        message.getAudio().getFileSize(),
                        AudioFormats.of(message.getAudio().getMimeType(), message.getAudio().getFileName()));
            } else if (message.hasDocument() && message.getDocument().getMimeType() != null
                    && message.getDocument().getMimeType().startsWith("audio/")) {
                audio(conversation, state, messageId, message.getDocument().getFileId(),
                        message.getDocument().getFileSize(),
                        AudioFormats.of(message.getDocument().getMimeType(), message.getDocument().getFileName()));
            } else {
                replies.say(conversation, state, "unsupported.content");
            }
        } finally {
            states.save(conversation, state);
        }
    }

    private void callback(String conversation, int updateId, CallbackQuery query) {
        answerCallback(conversation, query.getId());
        if (query.getMessage() == null || (privateOnly && !query.getMessage().isUserMessage())) {
            return;
        }
        ChatState state = state(conversation, query.getFrom());
        try {
            buttons.handle(conversation, state, MessageId.of("tg-" + updateId), CallbackData.decode(query.getData()),
                    active(conversation));
        } finally {
            states.save(conversation, state);
        }
    }

    /** The conversation's state; a new one speaks the user's Telegram language, or its running interview's. */
    private ChatState state(String conversation, @Nullable User from) {
        return states.get(conversation, () -> {
            Language language = from == null ? Language.ENGLISH
                    : Language.fromCode(from.getLanguageCode()).orElse(Language.ENGLISH);
            ChatState created = new ChatState(language, InterviewStyles.DEFAULT_STYLE);
            active(conversation).ifPresent(id -> {
                created.interviews.add(id);
                created.language = bridge.languageOf(id);
            });
            return created;
        });
    }

    private Optional<InterviewId> active(String conversation) {
        return bridge.findActive(channelKey(conversation));
    }

    private void text(String conversation, ChatState state, MessageId messageId, String text) {
        if (state.awaitsProfileText()) {
            wizard.profileText(conversation, state, messageId, text);
            return;
        }
        Optional<InterviewId> id = active(conversation);
        if (id.isPresent()) {
            typing.whileRunning(conversation, () -> bridge.handle(conversation, id.get(),
                    new InboundMessage.Text(messageId, text)));
        } else {
            replies.say(conversation, state, state.phase == ChatState.Phase.IDLE ? "start.hint"
                    : "setup.use_buttons");
        }
    }

    private void audio(String conversation, ChatState state, MessageId messageId, String fileId,
                       @Nullable Long declaredSize, String format) {
        Optional<InterviewId> id = active(conversation);
        if (id.isEmpty()) {
            replies.say(conversation, state, state.phase == ChatState.Phase.IDLE ? "start.hint"
                    : "setup.use_buttons");
            return;
        }
        if (!voiceEnabled) {
            replies.say(conversation, state, "voice.disabled");
            return;
        }
        if (declaredSize != null && declaredSize > TelegramApi.MAX_DOWNLOAD_BYTES) {
            replies.say(conversation, state, "voice.too_large");
            return;
        }
        typing.whileRunning(conversation, () -> {
            byte[] bytes = api.download(fileId);
            bridge.handle(conversation, id.get(), new InboundMessage.Audio(messageId, format, bytes));
        });
    }

    private void answerCallback(String conversation, String callbackQueryId) {
        AnswerCallbackQuery answer = AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).build();
        outbox.call(conversation, "answerCallbackQuery", () -> api.once(answer), false);
    }
}
