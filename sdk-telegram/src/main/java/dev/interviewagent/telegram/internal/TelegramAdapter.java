package dev.interviewagent.telegram.internal;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.StageProgress;
import dev.interviewagent.core.channel.ChannelAdapter;
import dev.interviewagent.core.channel.ChannelCapabilities;
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
 * deltas, JSON reports as documents, and optional voice replies. Thread-safe across chats; the channel sends the
 * events of one chat in order.
 */
public final class TelegramAdapter implements ChannelAdapter {

    /** Telegram's longest message text. */
    public static final int MAX_MESSAGE_LENGTH = 4096;

    private static final Logger log = LoggerFactory.getLogger(TelegramAdapter.class);
    private static final Duration EDIT_INTERVAL = Duration.ofMillis(700);
    private static final int BAR_CELLS = 10;

    private final TelegramApi api;
    private final Function<String, Language> languageOf;
    private final SpeechSynthesizer synthesizer;
    private final Clock clock;
    private final ReportRenderer renderer = new ReportRenderer();
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();
    private final ChannelCapabilities capabilities;

    private static final class Stream {
        final int turn;
        final StringBuilder text = new StringBuilder();
        @Nullable Integer messageId;
        Instant lastEdit = Instant.EPOCH;

        Stream(int turn) {
            this.turn = turn;
        }
    }

    public TelegramAdapter(TelegramApi api, Function<String, Language> languageOf, SpeechSynthesizer synthesizer,
                           Clock clock) {
        this.api = api;
        this.languageOf = languageOf;
        this.synthesizer = synthesizer;
        this.clock = clock;
        this.capabilities = new ChannelCapabilities(true, synthesizer != SpeechSynthesizer.NONE, true,
                MAX_MESSAGE_LENGTH);
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
        if (stream != null && stream.messageId != null) {
            if (parts.size() == 1) {
                edit(conversation, stream.messageId, parts.get(0));
                voice(conversation, e.text());
                return;
            }
            try {
                api.execute(DeleteMessage.builder().chatId(conversation).messageId(stream.messageId).build());
            } catch (RuntimeException ex) {
                log.debug("could not delete the streamed message: {}", ex.toString());
            }
        }
        sendParts(conversation, parts, null);
        voice(conversation, e.text());
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
        Instant now = clock.instant();
        if (stream.messageId == null) {
            Message sent = api.execute(SendMessage.builder().chatId(conversation).text(formatted)
                    .parseMode(ParseMode.MARKDOWNV2).build());
            stream.messageId = sent == null ? null : sent.getMessageId();
            stream.lastEdit = now;
        } else if (Duration.between(stream.lastEdit, now).compareTo(EDIT_INTERVAL) >= 0) {
            edit(conversation, stream.messageId, formatted);
            stream.lastEdit = now;
        }
    }

    private void edit(String conversation, int messageId, String formatted) {
        api.execute(EditMessageText.builder().chatId(conversation).messageId(messageId).text(formatted)
                .parseMode(ParseMode.MARKDOWNV2).build());
    }

    private void voice(String conversation, String text) {
        if (synthesizer == SpeechSynthesizer.NONE) {
            return;
        }
        try {
            byte[] audio = synthesizer.synthesize(text, languageOf.apply(conversation));
            api.execute(SendVoice.builder().chatId(conversation)
                    .voice(new InputFile(new ByteArrayInputStream(audio), "question.ogg")).build());
        } catch (RuntimeException e) {
            log.warn("voice reply failed: {}", e.getClass().getSimpleName());
        }
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
        api.execute(SendDocument.builder().chatId(conversation)
                .document(new InputFile(new ByteArrayInputStream(bytes), "report-" + interviewId + ".json"))
                .caption(UiText.get(language, "report.caption")).build());
    }

    /** Sends an interview's report as a JSON document (for data exports). */
    public void sendJsonDocument(String conversation, String interviewId, String json, Language language) {
        sendJsonReport(conversation, interviewId, json, language);
    }

    private String statusText(Interview interview) {
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
        for (int i = 0; i < parts.size(); i++) {
            var builder = SendMessage.builder().chatId(conversation).text(parts.get(i))
                    .parseMode(ParseMode.MARKDOWNV2);
            if (markup != null && i == parts.size() - 1) {
                builder.replyMarkup(markup);
            }
            api.execute(builder.build());
        }
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
