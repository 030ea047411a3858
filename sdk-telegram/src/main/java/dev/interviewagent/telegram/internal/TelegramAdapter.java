package dev.interviewagent.telegram.internal;

import dev.interviewagent.core.InterviewSnapshot;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.StageProgress;
import dev.interviewagent.core.channel.ChannelAdapter;
import dev.interviewagent.core.channel.ChannelCapabilities;
import dev.interviewagent.core.channel.ChannelControls;
import dev.interviewagent.core.channel.Choice;
import dev.interviewagent.core.channel.OutboundEvent;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.i18n.Messages;
import dev.interviewagent.core.report.ReportFormat;
import dev.interviewagent.core.report.ReportRenderer;
import dev.interviewagent.telegram.SpeechSynthesizer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendVoice;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Renders {@link OutboundEvent}s as Telegram messages: MarkdownV2 with every dynamic text escaped, split to 4096
 * characters at paragraph or sentence boundaries, inline buttons for choices, a growing message for streamed
 * deltas, JSON reports as documents, and optional voice replies. Conversations are chats, or members of a group
 * ({@code <chatId>:<userId>}, see {@link Conversations}); messages go to the chat. Sending queues the calls on the
 * chat's {@link ChatOutbox} and returns: they are delivered in order, and a final failure is reported to the chat.
 * Thread-safe across chats; the channel sends the events of one conversation in order.
 */
public final class TelegramAdapter implements ChannelAdapter {

    /** Telegram's longest message text. */
    public static final int MAX_MESSAGE_LENGTH = 4096;

    private static final Logger log = LoggerFactory.getLogger(TelegramAdapter.class);
    private static final Duration EDIT_INTERVAL = Duration.ofMillis(700);
    private static final int BAR_CELLS = 10;

    private final TelegramApi api;
    private final ChatOutbox outbox;
    private final Function<String, Language> languageOf;
    private final SpeechSynthesizer synthesizer;
    private final Clock clock;
    private final ReportRenderer renderer = new ReportRenderer();
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();
    private final ChannelCapabilities capabilities;

    private static final class Stream {
        final int turn;
        final StringBuilder text = new StringBuilder();
        @Nullable CompletableFuture<@Nullable Message> preview;
        Instant lastEdit = Instant.EPOCH;

        Stream(int turn) {
            this.turn = turn;
        }
    }

    public TelegramAdapter(TelegramApi api, ChatOutbox outbox, Function<String, Language> languageOf,
                           SpeechSynthesizer synthesizer, Clock clock) {
        this.api = api;
        this.outbox = outbox;
        this.languageOf = languageOf;
        this.synthesizer = synthesizer;
        this.clock = clock;
        // Telegram respondents act by bot commands: the greeting says "send /complete", /help lists the rest
        this.capabilities = new ChannelCapabilities(true, synthesizer != SpeechSynthesizer.NONE, true,
                MAX_MESSAGE_LENGTH, ChannelControls.commands());
    }

    @Override
    public ChannelCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public void send(String conversation, OutboundEvent event) {
        if (event instanceof OutboundEvent.Session e) {
            String text = e.resumed() ? UiText.get(e.language(), "session.resumed")
                    : UiText.get(e.language(), "session.new", styleName(e.style(), e.language()));
            sendPlain(conversation, text, null);
        } else if (event instanceof OutboundEvent.Question e) {
            question(conversation, e);
        } else if (event instanceof OutboundEvent.Delta e) {
            delta(conversation, e);
        } else if (event instanceof OutboundEvent.StageChanged e) {
            Language language = languageOf.apply(conversation);
            sendPlain(conversation, UiText.get(language, "stage.changed", stageName(e.from(), language),
                    stageName(e.to(), language), e.to().index()), null);
        } else if (event instanceof OutboundEvent.Transcript e) {
            Language language = languageOf.apply(conversation);
            if (e.needsConfirmation()) {
                sendPlain(conversation, UiText.get(language, "transcript.confirm", e.text()),
                        keyboardRows(e.choices().stream().map(List::of).toList()));
            } else {
                sendPlain(conversation, UiText.get(language, "transcript.heard", e.text()), null);
            }
        } else if (event instanceof OutboundEvent.Completed e) {
            streams.remove(conversation);
            Language language = Language.fromCode(e.report().language()).orElse(languageOf.apply(conversation));
            sendPlain(conversation, e.message(), null);
            sendMarkdownReport(conversation, UiText.get(language, "report.header"),
                    renderer.render(e.report(), ReportFormat.MARKDOWN));
            sendJsonReport(conversation, e.interviewId().value(), renderer.render(e.report(), ReportFormat.JSON),
                    language);
        } else if (event instanceof OutboundEvent.Report e) {
            Language language = languageOf.apply(conversation);
            if (e.format() == ReportFormat.JSON) {
                sendJsonReport(conversation, e.interviewId().value(), e.content(), language);
            } else {
                sendMarkdownReport(conversation, UiText.get(language, "report.header"), e.content());
            }
        } else if (event instanceof OutboundEvent.Status e) {
            sendFormatted(conversation, statusText(e.interview()), null);
        } else if (event instanceof OutboundEvent.History) {
            log.debug("history not sent: a Telegram chat keeps the conversation itself");
        } else if (event instanceof OutboundEvent.Notice e) {
            sendPlain(conversation, e.text(), null);
        } else if (event instanceof OutboundEvent.Error e) {
            streams.remove(conversation);
            sendPlain(conversation, "⚠️ " + e.message(), null);
        }
    }

    // ------------------------------------------------------------------------------------------ question, deltas

    private void question(String conversation, OutboundEvent.Question e) {
        Stream stream = streams.remove(conversation);
        List<String> parts = MarkdownV2.split(e.text(), MAX_MESSAGE_LENGTH, MarkdownV2::escape);
        CompletableFuture<@Nullable Message> preview = stream == null ? null : stream.preview;
        if (preview != null) {
            String chat = Conversations.chatId(conversation);
            if (parts.size() == 1) {
                // the preview becomes the question; if it never arrived, the question is sent instead
                outbox.call(conversation, "editMessageText", () -> {
                    Integer id = messageId(preview);
                    return id != null ? api.once(edit(chat, id, parts.get(0))) : api.once(message(chat, parts.get(0),
                            null));
                }, true);
                voice(conversation, e.text());
                return;
            }
            outbox.call(conversation, "deleteMessage", () -> {
                Integer id = messageId(preview);
                return id == null ? null : api.once(DeleteMessage.builder().chatId(chat).messageId(id).build());
            }, false);
        }
        sendParts(conversation, parts, null);
        voice(conversation, e.text());
    }

    /** The id of a sent message; its call ran before the caller's (same chat, in order), so it is complete. */
    private static @Nullable Integer messageId(CompletableFuture<@Nullable Message> sent) {
        if (!sent.isDone() || sent.isCompletedExceptionally()) {
            return null;
        }
        Message message = sent.join();
        return message == null ? null : message.getMessageId();
    }

    private void delta(String conversation, OutboundEvent.Delta e) {
        Stream stream = streams.compute(conversation, (k, s) -> s == null || s.turn != e.turn() ? new Stream(e.turn())
                : s);
        stream.text.append(e.text());
        String preview = stream.text.toString().strip();
        if (preview.isEmpty() || preview.length() > MAX_MESSAGE_LENGTH / 2) {
            return;
        }
        String formatted = MarkdownV2.escape(preview) + " …";
        String chat = Conversations.chatId(conversation);
        Instant now = clock.instant();
        if (stream.preview == null) {
            stream.preview = outbox.call(conversation, "sendMessage", () -> api.once(message(chat, formatted, null)),
                    false);
            stream.lastEdit = now;
        } else if (Duration.between(stream.lastEdit, now).compareTo(EDIT_INTERVAL) >= 0) {
            CompletableFuture<@Nullable Message> sent = stream.preview;
            outbox.call(conversation, "editMessageText", () -> {
                Integer id = messageId(sent);
                return id == null ? null : api.once(edit(chat, id, formatted));
            }, false);
            stream.lastEdit = now;
        }
    }

    private static EditMessageText edit(String chat, int messageId, String formatted) {
        return EditMessageText.builder().chatId(chat).messageId(messageId).text(formatted)
                .parseMode(ParseMode.MARKDOWNV2).build();
    }

    private static SendMessage message(String chat, String formatted, @Nullable InlineKeyboardMarkup markup) {
        var builder = SendMessage.builder().chatId(chat).text(formatted).parseMode(ParseMode.MARKDOWNV2);
        if (markup != null) {
            builder.replyMarkup(markup);
        }
        return builder.build();
    }

    private void voice(String conversation, String text) {
        if (synthesizer == SpeechSynthesizer.NONE) {
            return;
        }
        byte[] audio;
        try {
            audio = synthesizer.synthesize(text, languageOf.apply(conversation));
        } catch (RuntimeException e) {
            log.warn("voice reply failed: {}", e.getClass().getSimpleName());
            return;
        }
        String chat = Conversations.chatId(conversation);
        outbox.call(conversation, "sendVoice", () -> api.once(SendVoice.builder().chatId(chat)
                .voice(new InputFile(new ByteArrayInputStream(audio), "question.ogg")).build()), false);
    }

    // ------------------------------------------------------------------------------------------ reports, status

    private void sendMarkdownReport(String conversation, String header, String markdown) {
        List<String> parts = new ArrayList<>();
        parts.add(MarkdownV2.bold(header));
        parts.addAll(MarkdownV2.split(markdown, MAX_MESSAGE_LENGTH, MarkdownV2::fromMarkdown));
        sendParts(conversation, parts, null);
    }

    private void sendJsonReport(String conversation, String interviewId, String json, Language language) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        String chat = Conversations.chatId(conversation);
        String caption = UiText.get(language, "report.caption");
        // a fresh stream per attempt: a retried upload must send the whole file again
        outbox.call(conversation, "sendDocument", () -> api.once(SendDocument.builder().chatId(chat)
                .document(new InputFile(new ByteArrayInputStream(bytes), "report-" + interviewId + ".json"))
                .caption(caption).build()), true);
    }

    /** Sends an interview's report as a JSON document (for data exports). */
    public void sendJsonDocument(String conversation, String interviewId, String json, Language language) {
        sendJsonReport(conversation, interviewId, json, language);
    }

    private String statusText(InterviewSnapshot interview) {
        Language language = interview.language();
        StageProgress current = interview.currentProgress();
        Instant end = interview.endedAt() != null ? interview.endedAt() : clock.instant();
        long minutes = Math.max(0, Duration.between(interview.createdAt(), end).toMinutes());
        StringBuilder out = new StringBuilder();
        out.append(MarkdownV2.bold(UiText.get(language, "status.header"))).append('\n');
        out.append(MarkdownV2.escape(UiText.get(language, "status.stage", interview.stage().index(),
                stageName(interview.stage(), language)))).append("\n\n");
        for (StageProgress p : interview.stages()) {
            String icon = switch (p.status()) {
                case COMPLETED -> "✅";
                case ACTIVE -> "▶️";
                case SKIPPED -> "⏭";
                case PENDING -> "▫️";
            };
            out.append(icon).append(' ').append(MarkdownV2.escape(p.stage().index() + ". "
                    + Messages.forLanguage(language).stageName(p.stage()))).append('\n');
            out.append(MarkdownV2.escape("   " + bar(p.completeness()) + " " + p.completeness() + "%")).append('\n');
        }
        out.append('\n').append(MarkdownV2.escape(UiText.get(language, "status.details", current.depth(),
                current.maxDepth(), current.examples(), minutes, interview.turnCount(),
                Messages.forLanguage(language).status(interview.status()))));
        return out.toString();
    }

    /** A ten-cell progress bar. */
    public static String bar(int percent) {
        int filled = Math.max(0, Math.min(BAR_CELLS, Math.round(percent / (100f / BAR_CELLS))));
        return "▰".repeat(filled) + "▱".repeat(BAR_CELLS - filled);
    }

    /** The localised name of a stage with its emoji (from core's {@link Messages}). */
    public static String stageName(Stage stage, Language language) {
        Messages messages = Messages.forLanguage(language);
        return messages.stageEmoji(stage) + " " + messages.stageName(stage);
    }

    private static String styleName(String code, Language language) {
        var bundle = UiText.bundle(language);
        return bundle.containsKey("style." + code) ? bundle.getString("style." + code) : code;
    }

    // ------------------------------------------------------------------------------------------ sending

    /** Sends localised or user text (escaped) with optional buttons, split as needed. */
    public void sendPlain(String conversation, String text, @Nullable InlineKeyboardMarkup markup) {
        sendParts(conversation, MarkdownV2.split(text, MAX_MESSAGE_LENGTH, MarkdownV2::escape), markup);
    }

    /** Sends text that is already MarkdownV2, split as needed (at boundaries that keep entities intact). */
    public void sendFormatted(String conversation, String formatted, @Nullable InlineKeyboardMarkup markup) {
        sendParts(conversation, formatted.length() <= MAX_MESSAGE_LENGTH ? List.of(formatted)
                : MarkdownV2.split(formatted, MAX_MESSAGE_LENGTH, s -> s), markup);
    }

    private void sendParts(String conversation, List<String> parts, @Nullable InlineKeyboardMarkup markup) {
        sendParts(conversation, parts, markup, true);
    }

    private void sendParts(String conversation, List<String> parts, @Nullable InlineKeyboardMarkup markup,
                           boolean report) {
        String chat = Conversations.chatId(conversation);
        for (int i = 0; i < parts.size(); i++) {
            SendMessage method = message(chat, parts.get(i), i == parts.size() - 1 ? markup : null);
            outbox.call(conversation, "sendMessage", () -> api.once(method), report);
        }
    }

    /**
     * Sends a failure notice; its own failure is only logged (a chat that cannot be reached is not told so
     * again).
     */
    public void sendFailureNotice(String conversation, String text) {
        streams.remove(conversation);
        sendParts(conversation, MarkdownV2.split(text, MAX_MESSAGE_LENGTH, MarkdownV2::escape), null, false);
    }

    /** Inline buttons, one list per row. */
    public static InlineKeyboardMarkup keyboardRows(List<List<Choice>> rows) {
        List<InlineKeyboardRow> keyboard = new ArrayList<>();
        for (List<Choice> row : rows) {
            InlineKeyboardRow r = new InlineKeyboardRow();
            for (Choice choice : row) {
                r.add(InlineKeyboardButton.builder().text(choice.label()).callbackData(choice.action()).build());
            }
            keyboard.add(r);
        }
        return InlineKeyboardMarkup.builder().keyboard(keyboard).build();
    }
}
