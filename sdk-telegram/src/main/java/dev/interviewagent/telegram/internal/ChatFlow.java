package dev.interviewagent.telegram.internal;

import dev.interviewagent.core.EngineMetrics;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Profile;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.channel.ChannelBridge;
import dev.interviewagent.core.channel.ChannelCommand;
import dev.interviewagent.core.channel.Choice;
import dev.interviewagent.core.channel.InboundMessage;
import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.core.exception.InterviewException;
import dev.interviewagent.core.guide.InterviewStyle;
import dev.interviewagent.core.report.ReportFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import dev.interviewagent.telegram.RespondentData;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The conversation of one bot with its chats: the setup flow (language, style, optional profile), the commands,
 * answers by text and voice, and the confirmations. A conversation is a private chat, or one member of a group
 * (see {@link Conversations}); each has its own setup state and interview (channel key
 * {@code telegram:<conversation>}). Called on the conversation's serial lane, so its updates never run at once.
 */
public final class ChatFlow {

    private static final Logger log = LoggerFactory.getLogger(ChatFlow.class);
    private static final int MAX_CHATS = 100_000;
    private static final Duration TYPING_REPEAT = Duration.ofSeconds(4);

    /** Where a chat is in the setup flow. */
    enum Phase { IDLE, LANGUAGE, STYLE, PROFILE, ROLE, INDUSTRY, YEARS }

    /** What the flow remembers about a chat (the interview itself lives in the engine's store). */
    static final class ChatState {
        Language language;
        Phase phase = Phase.IDLE;
        String style;
        @Nullable String role;
        @Nullable String industry;
        @Nullable Integer years;
        final Set<InterviewId> interviews = new LinkedHashSet<>();

        ChatState(Language language, String style) {
            this.language = language;
            this.style = style;
        }
    }

    private final InterviewEngine engine;
    private final ChannelBridge bridge;
    private final TelegramAdapter adapter;
    private final TelegramApi api;
    private final ChatOutbox outbox;
    private final Set<Long> adminIds;
    private final boolean privateOnly;
    private final boolean voiceEnabled;
    private final ScheduledExecutorService scheduler;
    private final @Nullable RespondentData respondentData;
    private final Map<String, ChatState> chats = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ChatState> eldest) {
            return size() > MAX_CHATS;
        }
    };

    public ChatFlow(InterviewEngine engine, ChannelBridge bridge, TelegramAdapter adapter, TelegramApi api,
                    ChatOutbox outbox, Set<Long> adminIds, boolean privateOnly, boolean voiceEnabled,
                    ScheduledExecutorService scheduler, @Nullable RespondentData respondentData) {
        this.engine = engine;
        this.bridge = bridge;
        this.adapter = adapter;
        this.api = api;
        this.outbox = outbox;
        this.adminIds = Set.copyOf(adminIds);
        this.privateOnly = privateOnly;
        this.voiceEnabled = voiceEnabled;
        this.scheduler = scheduler;
        this.respondentData = respondentData;
    }

    /** The UI language of a conversation (its interview's, its chosen one, or English). */
    public Language languageOf(String conversation) {
        synchronized (chats) {
            ChatState state = chats.get(conversation);
            if (state != null) {
                return state.language;
            }
        }
        return Language.ENGLISH;
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
                : dev.interviewagent.core.i18n.Messages.forLanguage(language).error(code);
        try {
            adapter.sendFailureNotice(conversation, "⚠️ " + text);
        } catch (RuntimeException sendFailure) {
            log.warn("could not deliver an error message: {}", sendFailure.getClass().getSimpleName());
        }
    }

    // ------------------------------------------------------------------------------------------ messages

    private void message(String conversation, int updateId, Message message) {
        Chat chat = message.getChat();
        if (privateOnly && !"private".equals(chat.getType())) {
            return;
        }
        ChatState state = state(conversation, message.getFrom());
        MessageId messageId = MessageId.of("tg-" + updateId);
        if (message.hasText() && message.getText().startsWith("/")) {
            command(conversation, state, updateId, message.getText(), message.getFrom());
        } else if (message.hasText()) {
            text(conversation, state, messageId, message.getText());
        } else if (message.hasVoice()) {
            audio(conversation, state, messageId, message.getVoice().getFileId(), message.getVoice().getFileSize(),
                    "ogg");
        } else if (message.hasAudio()) {
            audio(conversation, state, messageId, message.getAudio().getFileId(), message.getAudio().getFileSize(),
                    format(message.getAudio().getMimeType(), message.getAudio().getFileName()));
        } else if (message.hasDocument() && message.getDocument().getMimeType() != null
                && message.getDocument().getMimeType().startsWith("audio/")) {
            audio(conversation, state, messageId, message.getDocument().getFileId(),
                    message.getDocument().getFileSize(),
                    format(message.getDocument().getMimeType(), message.getDocument().getFileName()));
        } else {
            say(conversation, state, "unsupported.content");
        }
    }

    private ChatState state(String conversation, @Nullable User from) {
        synchronized (chats) {
            ChatState state = chats.get(conversation);
            if (state != null) {
                return state;
            }
        }
        // only this chat's lane creates its state, so the store is read outside the shared lock
        Language language = from == null ? Language.ENGLISH
                : Language.fromCode(from.getLanguageCode()).orElse(Language.ENGLISH);
        ChatState created = new ChatState(language, dev.interviewagent.core.guide.InterviewStyles.DEFAULT_STYLE);
        active(conversation).ifPresent(id -> {
            created.interviews.add(id);
            created.language = engine.status(id).language();
        });
        synchronized (chats) {
            chats.put(conversation, created);
        }
        return created;
    }

    private Optional<InterviewId> active(String conversation) {
        return engine.findActive(channelKey(conversation));
    }

    /** The engine's channel key of a chat. */
    public static String channelKey(String conversation) {
        return "telegram:" + conversation;
    }

    private void text(String conversation, ChatState state, MessageId messageId, String text) {
        switch (state.phase) {
            case ROLE -> {
                if (profileField(conversation, state, text)) {
                    state.role = text.strip();
                    state.phase = Phase.INDUSTRY;
                    ask(conversation, state, "profile.industry", skipButton(state));
                }
            }
            case INDUSTRY -> {
                if (profileField(conversation, state, text)) {
                    state.industry = text.strip();
                    state.phase = Phase.YEARS;
                    ask(conversation, state, "profile.years", skipButton(state));
                }
            }
            case YEARS -> {
                Integer years = parseYears(text);
                if (years == null) {
                    ask(conversation, state, "profile.years.invalid", skipButton(state));
                } else {
                    state.years = years;
                    startInterview(conversation, state, messageId);
                }
            }
            default -> {
                Optional<InterviewId> id = active(conversation);
                if (id.isPresent()) {
                    withTyping(conversation, () -> bridge.handle(conversation, id.get(),
                            new InboundMessage.Text(messageId, text)));
                } else if (state.phase == Phase.IDLE) {
                    say(conversation, state, "start.hint");
                } else {
                    say(conversation, state, "setup.use_buttons");
                }
            }
        }
    }

    private boolean profileField(String conversation, ChatState state, String text) {
        String value = text.strip();
        if (value.isEmpty() || value.length() > Profile.MAX_FIELD_LENGTH
                || value.chars().anyMatch(Character::isISOControl)) {
            ask(conversation, state, "profile.invalid", skipButton(state));
            return false;
        }
        return true;
    }

    private static @Nullable Integer parseYears(String text) {
        try {
            int years = Integer.parseInt(text.strip());
            return years >= 0 && years <= 80 ? years : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void audio(String conversation, ChatState state, MessageId messageId, String fileId,
                       @Nullable Long declaredSize, String format) {
        Optional<InterviewId> id = active(conversation);
        if (id.isEmpty()) {
            say(conversation, state, state.phase == Phase.IDLE ? "start.hint" : "setup.use_buttons");
            return;
        }
        if (!voiceEnabled) {
            say(conversation, state, "voice.disabled");
            return;
        }
        if (declaredSize != null && declaredSize > TelegramApi.MAX_DOWNLOAD_BYTES) {
            say(conversation, state, "voice.too_large");
            return;
        }
        withTyping(conversation, () -> {
            byte[] bytes = api.download(fileId);
            bridge.handle(conversation, id.get(), new InboundMessage.Audio(messageId, format, bytes));
        });
    }

    private static String format(@Nullable String mimeType, @Nullable String fileName) {
        String mime = mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT);
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (mime.contains("ogg") || mime.contains("opus") || name.endsWith(".ogg") || name.endsWith(".oga")
                || name.endsWith(".opus")) {
            return "ogg";
        }
        if (mime.contains("mpeg") || mime.contains("mp3") || name.endsWith(".mp3")) {
            return "mp3";
        }
        if (mime.contains("mp4") || mime.contains("m4a") || mime.contains("aac") || name.endsWith(".m4a")) {
            return "m4a";
        }
        if (mime.contains("wav") || name.endsWith(".wav")) {
            return "wav";
        }
        if (mime.contains("webm") || name.endsWith(".webm")) {
            return "webm";
        }
        int dot = name.lastIndexOf('.');
        return dot >= 0 ? name.substring(dot + 1) : "ogg";
    }

    // ------------------------------------------------------------------------------------------ commands

    private void command(String conversation, ChatState state, int updateId, String line, @Nullable User from) {
        String name = line.strip().substring(1).split("[\\s@]", 2)[0].toLowerCase(Locale.ROOT);
        MessageId messageId = MessageId.of("tg-" + updateId);
        Optional<InterviewId> active = active(conversation);
        switch (name) {
            case "start" -> {
                if (active.isPresent()) {
                    ask(conversation, state, "start.running", rows(row(choice(state, "start:resume", "start.resume"),
                            choice(state, "start:new", "start.new"))));
                } else {
                    beginSetup(conversation, state);
                }
            }
            case "status" -> ifActive(conversation, state, active, id -> bridge.handle(conversation, id,
                    new InboundMessage.Command(messageId, ChannelCommand.STATUS, null)));
            case "complete" -> ifActive(conversation, state, active, id -> ask(conversation, state,
                    "complete.confirm", rows(row(choice(state, "complete:yes", "complete.yes"),
                            choice(state, "complete:no", "complete.no")))));
            case "report" -> {
                Optional<InterviewId> id = active.isPresent() ? active : last(state);
                if (id.isEmpty()) {
                    say(conversation, state, "no.interview");
                } else {
                    bridge.handle(conversation, id.get(), new InboundMessage.Command(messageId, ChannelCommand.REPORT,
                            ReportFormat.MARKDOWN.code()));
                    bridge.handle(conversation, id.get(), new InboundMessage.Command(messageId, ChannelCommand.REPORT,
                            ReportFormat.JSON.code()));
                }
            }
            case "language" -> askLanguage(conversation, state);
            case "style" -> askStyle(conversation, state);
            case "reset" -> ask(conversation, state, "reset.confirm", rows(row(choice(state, "reset:yes",
                    "reset.yes"), choice(state, "reset:no", "reset.no"))));
            case "help" -> say(conversation, state, "help.text");
            case "delete_my_data" -> ask(conversation, state, "delete.confirm", rows(row(choice(state, "delete:yes",
                    "delete.yes"), choice(state, "delete:no", "delete.no"))));
            case "metrics" -> {
                if (from != null && adminIds.contains(from.getId())) {
                    EngineMetrics m = engine.metrics();
                    adapter.sendPlain(conversation, UiText.get(state.language, "metrics.text", m.started(),
                            m.answers(), m.completed(), m.duplicates(), m.brainFallbacks(), m.guardRepairs(),
                            m.conflicts(), m.recoveries(), m.rejected()), null);
                } else {
                    say(conversation, state, "admin.only");
                }
            }
            default -> say(conversation, state, "unknown.command");
        }
    }

    private void ifActive(String conversation, ChatState state, Optional<InterviewId> active,
                          java.util.function.Consumer<InterviewId> action) {
        if (active.isPresent()) {
            action.accept(active.get());
        } else {
            say(conversation, state, "no.interview");
        }
    }

    private static Optional<InterviewId> last(ChatState state) {
        InterviewId last = null;
        for (InterviewId id : state.interviews) {
            last = id;
        }
        return Optional.ofNullable(last);
    }

    private void beginSetup(String conversation, ChatState state) {
        state.phase = Phase.LANGUAGE;
        state.role = null;
        state.industry = null;
        state.years = null;
        askLanguage(conversation, state);
    }

    private void askLanguage(String conversation, ChatState state) {
        List<Choice> buttons = new ArrayList<>();
        // the chat's current language (from the user's Telegram locale at first) comes first and is marked
        buttons.add(new Choice("lang:" + state.language.code(), "✓ " + UiText.get(state.language,
                "language.name." + state.language.code())));
        for (Language language : Language.values()) {
            if (language != state.language) {
                buttons.add(new Choice("lang:" + language.code(), UiText.get(language,
                        "language.name." + language.code())));
            }
        }
        ask(conversation, state, "language.prompt", rows(buttons));
    }

    private void askStyle(String conversation, ChatState state) {
        List<List<Choice>> rows = new ArrayList<>();
        for (InterviewStyle style : engine.styles().all()) {
            String label = (style.code().equals(state.style) ? "✓ " : "") + style.name(state.language);
            rows.add(List.of(new Choice("style:" + style.code(), label)));
        }
        rows.add(List.of(choice(state, "style:about", "style.about")));
        ask(conversation, state, "style.prompt", TelegramAdapter.keyboardRows(rows));
    }

    private void askProfile(String conversation, ChatState state) {
        state.phase = Phase.PROFILE;
        ask(conversation, state, "profile.prompt", rows(row(choice(state, "profile:fill", "profile.fill"),
                choice(state, "profile:skip", "profile.skip"))));
    }

    private org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup skipButton(
            ChatState state) {
        return rows(row(choice(state, "profile:next", "profile.skip_field"), choice(state, "profile:skip",
                "profile.skip")));
    }

    private void startInterview(String conversation, ChatState state, MessageId messageId) {
        state.phase = Phase.IDLE;
        Profile profile = new Profile(null, state.role, null, state.industry, state.years, null);
        StartRequest request = StartRequest.builder().language(state.language).style(state.style).profile(profile)
                .channelKey(channelKey(conversation))
                .idempotencyKey(channelKey(conversation) + ":" + messageId.value())
                .attribute("channel", "telegram").build();
        withTyping(conversation, () -> {
            InterviewId id = bridge.start(conversation, request, null);
            if (id != null) {
                state.interviews.add(id);
            }
        });
    }

    // ------------------------------------------------------------------------------------------ callbacks

    private void callback(String conversation, int updateId, CallbackQuery query) {
        answerCallback(conversation, query.getId());
        if (query.getMessage() == null) {
            return;
        }
        if (privateOnly && !query.getMessage().isUserMessage()) {
            return;
        }
        ChatState state = state(conversation, query.getFrom());
        String data = query.getData() == null ? "" : query.getData();
        MessageId messageId = MessageId.of("tg-" + updateId);
        String[] parts = data.split(":", 2);
        String value = parts.length > 1 ? parts[1] : "";
        Optional<InterviewId> active = active(conversation);
        switch (parts[0]) {
            case "lang" -> {
                Optional<Language> language = Language.fromCode(value);
                if (language.isEmpty()) {
                    return;
                }
                if (active.isPresent() && state.phase == Phase.IDLE) {
                    state.language = language.get();
                    say(conversation, state, "language.next_interview");
                    return;
                }
                state.language = language.get();
                if (state.phase == Phase.LANGUAGE) {
                    state.phase = Phase.STYLE;
                    askStyle(conversation, state);
                } else {
                    say(conversation, state, "language.set");
                }
            }
            case "style" -> {
                if ("about".equals(value)) {
                    StringBuilder about = new StringBuilder(UiText.get(state.language, "style.about.header"));
                    for (InterviewStyle style : engine.styles().all()) {
                        about.append("\n\n").append(style.name(state.language)).append(" — ")
                                .append(style.description(state.language));
                    }
                    adapter.sendPlain(conversation, about.toString(), null);
                    askStyle(conversation, state);
                    return;
                }
                if (engine.styles().find(value).isEmpty()) {
                    return;
                }
                state.style = value;
                if (state.phase == Phase.STYLE) {
                    askProfile(conversation, state);
                } else {
                    say(conversation, state, active.isPresent() ? "style.next_interview" : "style.set");
                }
            }
            case "profile" -> {
                if (state.phase == Phase.IDLE || state.phase == Phase.LANGUAGE || state.phase == Phase.STYLE) {
                    say(conversation, state, "button.expired");
                } else if ("fill".equals(value)) {
                    state.phase = Phase.ROLE;
                    ask(conversation, state, "profile.role", skipButton(state));
                } else if ("next".equals(value) && state.phase == Phase.ROLE) {
                    state.phase = Phase.INDUSTRY;
                    ask(conversation, state, "profile.industry", skipButton(state));
                } else if ("next".equals(value) && state.phase == Phase.INDUSTRY) {
                    state.phase = Phase.YEARS;
                    ask(conversation, state, "profile.years", skipButton(state));
                } else {
                    startInterview(conversation, state, messageId);
                }
            }
            case "start" -> {
                if ("new".equals(value)) {
                    active.ifPresent(id -> archive(id, messageId));
                    beginSetup(conversation, state);
                } else if (active.isPresent()) {
                    bridge.resume(conversation, active.get(), null);
                } else {
                    beginSetup(conversation, state);
                }
            }
            case "complete" -> {
                if (!"yes".equals(value)) {
                    say(conversation, state, "complete.cancelled");
                } else {
                    ifActive(conversation, state, active, id -> withTyping(conversation, () -> bridge.handle(
                            conversation, id, new InboundMessage.Command(messageId, ChannelCommand.COMPLETE, null))));
                }
            }
            case "reset" -> {
                if (!"yes".equals(value)) {
                    say(conversation, state, "reset.cancelled");
                } else {
                    active.ifPresent(id -> archive(id, messageId));
                    say(conversation, state, "reset.done");
                    beginSetup(conversation, state);
                }
            }
            case "delete" -> {
                if (!"yes".equals(value)) {
                    say(conversation, state, "delete.cancelled");
                } else {
                    deleteData(conversation, state, active);
                }
            }
            case "transcript" -> ifActive(conversation, state, active, id -> withTyping(conversation,
                    () -> bridge.handle(conversation, id, new InboundMessage.ButtonPress(messageId, data))));
            default -> say(conversation, state, "button.expired");
        }
    }

    private void answerCallback(String conversation, String callbackQueryId) {
        AnswerCallbackQuery answer = AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).build();
        outbox.call(conversation, "answerCallbackQuery", () -> api.once(answer), false);
    }

    private void archive(InterviewId id, MessageId messageId) {
        // The engine has no "archive" call: completing keeps the interview and its report, no longer active.
        engine.complete(id, MessageId.of("archive-" + messageId.value()));
        log.info("{} archived by the respondent", id);
    }

    private void deleteData(String conversation, ChatState state, Optional<InterviewId> active) {
        Set<InterviewId> ids = new LinkedHashSet<>(state.interviews);
        active.ifPresent(ids::add);
        int deleted = 0;
        if (respondentData != null) {
            // the store knows every interview of the chat, also those from before a restart
            String json = respondentData.export(channelKey(conversation));
            adapter.sendJsonDocument(conversation, "my-data", json, state.language);
            deleted += respondentData.delete(channelKey(conversation));
        }
        for (InterviewId id : ids) {
            try {
                if (respondentData != null && !exists(id)) {
                    continue;
                }
                String json = engine.report(id, ReportFormat.JSON);
                adapter.sendJsonDocument(conversation, id.value(), json, state.language);
            } catch (InterviewException e) {
                if (e.code() != ErrorCode.NOT_FOUND) {
                    throw e;
                }
                continue;
            }
            if (engine.delete(id)) {
                deleted++;
            }
        }
        Language language = state.language;
        synchronized (chats) {
            chats.remove(conversation);
        }
        adapter.sendPlain(conversation, deleted == 0 ? UiText.get(language, "delete.none")
                : UiText.get(language, "delete.done", deleted), null);
    }

    private boolean exists(InterviewId id) {
        try {
            engine.status(id);
            return true;
        } catch (InterviewException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private void withTyping(String conversation, Runnable work) {
        SendChatAction action = SendChatAction.builder().chatId(Conversations.chatId(conversation))
                .action(ActionType.TYPING.toString()).build();
        Runnable typing = () -> outbox.call(conversation, "sendChatAction", () -> {
            try {
                return api.once(action);
            } catch (org.telegram.telegrambots.meta.exceptions.TelegramApiException e) {
                // a missed typing indicator is not worth a retry
                log.debug("typing indicator failed: {}", e.getClass().getSimpleName());
                return null;
            }
        }, false);
        typing.run();
        ScheduledFuture<?> repeat = scheduler.scheduleAtFixedRate(typing, TYPING_REPEAT.toMillis(),
                TYPING_REPEAT.toMillis(), TimeUnit.MILLISECONDS);
        try {
            work.run();
        } finally {
            repeat.cancel(false);
        }
    }

    private void say(String conversation, ChatState state, String key) {
        adapter.sendPlain(conversation, UiText.get(state.language, key), null);
    }

    private void ask(String conversation, ChatState state, String key,
                     org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup markup) {
        adapter.sendPlain(conversation, UiText.get(state.language, key), markup);
    }

    private static Choice choice(ChatState state, String action, String key) {
        return new Choice(action, UiText.get(state.language, key));
    }

    private static List<Choice> row(Choice... choices) {
        return List.of(choices);
    }

    private static org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup rows(
            List<Choice> singleRow) {
        return TelegramAdapter.keyboardRows(List.of(singleRow));
    }
}
