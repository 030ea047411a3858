package dev.interviewagent.samples.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.core.HistoryPage;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.channel.ChannelAdapter;
import dev.interviewagent.core.channel.ChannelCapabilities;
import dev.interviewagent.core.channel.ChannelControl;
import dev.interviewagent.core.channel.ChannelControls;
import dev.interviewagent.core.channel.Choice;
import dev.interviewagent.core.channel.MessageSplitter;
import dev.interviewagent.core.channel.OutboundEvent;
import dev.interviewagent.core.channel.ProtocolJson;
import dev.interviewagent.core.i18n.Messages;
import dev.interviewagent.core.report.KnowledgeReport;
import dev.interviewagent.core.report.ReportFormat;
import dev.interviewagent.core.report.ReportRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The console as a {@link ChannelAdapter}: renders the bridge's events for a person at a terminal, or, in JSON mode,
 * as one {@link ProtocolJson} object per line (the samples' wire protocol). Each delivered message goes to a
 * {@link Sink} as one string; the console's sink prints it as its own line(s).
 *
 * <p>Human texts are in the interview's language (taken from the {@code session} event, else the default). Long
 * texts are split with {@link MessageSplitter} to {@link #HUMAN_MAX_MESSAGE} characters. In JSON mode a line holds
 * one event; only a {@code notice} text or a Markdown {@code report} whose line would exceed
 * {@link #JSON_MAX_LINE} is split into several objects of the same type carrying {@code part} and {@code parts}, and a
 * {@code history} page that would exceed it leaves its oldest turns for the earlier page.
 *
 * <p>When an interview completes and a reports directory is set, the final report is also written there as
 * {@code <id>.md} and {@code <id>.json} (JSON mode adds their paths as {@code reportFiles}). Thread-safe if the sink
 * is.
 */
public final class ConsoleChannel implements ChannelAdapter {

    /** Longest message in human mode. */
    public static final int HUMAN_MAX_MESSAGE = 4000;
    /** Longest line in JSON mode. */
    public static final int JSON_MAX_LINE = 1 << 20;

    /** The console's commands (input lines starting with a slash). */
    private static final ChannelControls CONTROLS = ChannelControls.commands();

    /** How events are rendered. */
    public enum Mode { HUMAN, JSON }

    /** Where rendered messages go: one call per message, in order. */
    @FunctionalInterface
    public interface Sink {
        void deliver(String conversation, String message);
    }

    private final Mode mode;
    private final Sink sink;
    private final Language defaultLanguage;
    private final @Nullable Path reportsDir;
    private final ProtocolJson json = new ProtocolJson();
    private final ObjectMapper mapper = new ObjectMapper();
    private final ReportRenderer renderer = new ReportRenderer();
    private final Map<String, Language> languages = new ConcurrentHashMap<>();

    /**
     * @param reportsDir where final reports are saved; null to save none
     */
    public ConsoleChannel(Mode mode, Sink sink, Language defaultLanguage, @Nullable Path reportsDir) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.defaultLanguage = Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        this.reportsDir = reportsDir;
    }

    /**
     * The console's lines {@code /complete}, {@code /status}, {@code /report}, {@code /help}, {@code /repeat} are
     * commands; at a terminal, end of input (Ctrl-D) pauses. Messages name these and nothing of other channels.
     */
    @Override
    public ChannelCapabilities capabilities() {
        ChannelControls controls = mode == Mode.HUMAN ? CONTROLS.withPause(ChannelControl.key("Ctrl-D")) : CONTROLS;
        return ChannelCapabilities.plainText(mode == Mode.JSON ? JSON_MAX_LINE : HUMAN_MAX_MESSAGE)
                .withControls(controls);
    }

    @Override
    public void send(String conversation, OutboundEvent event) {
        if (event instanceof OutboundEvent.Session session) {
            languages.put(conversation, session.language());
        }
        List<Path> saved = event instanceof OutboundEvent.Completed completed ? save(completed) : List.of();
        if (mode == Mode.JSON) {
            sendJson(conversation, event, saved);
        } else {
            sendHuman(conversation, event, saved);
        }
    }

    // ------------------------------------------------------------------------------------------------ JSON

    private void sendJson(String conversation, OutboundEvent event, List<Path> saved) {
        if (event instanceof OutboundEvent.History history) {   // too long: the oldest turns go to the earlier page
            sink.deliver(conversation, json.toJson(history, JSON_MAX_LINE));
            return;
        }
        ObjectNode node = tree(json.toJson(event));
        if (!saved.isEmpty()) {
            node.putObject("reportFiles").put("markdown", saved.get(0).toString()).put("json", saved.get(1).toString());
        }
        String line = node.toString();
        String field = event instanceof OutboundEvent.Notice ? "text"
                : event instanceof OutboundEvent.Report r && r.format() == ReportFormat.MARKDOWN ? "content" : null;
        if (line.length() <= JSON_MAX_LINE || field == null) {
            sink.deliver(conversation, line);
            return;
        }
        // JSON escaping can make a character up to six long; pieces of a sixth of the limit always fit.
        List<String> pieces = MessageSplitter.split(node.path(field).asText(), JSON_MAX_LINE / 6 - 1024);
        for (int i = 0; i < pieces.size(); i++) {
            ObjectNode part = node.deepCopy();
            part.put(field, pieces.get(i)).put("part", i + 1).put("parts", pieces.size());
            sink.deliver(conversation, part.toString());
        }
    }

    /** The event's line as a tree, to add the saved report files or cut a long field into parts. */
    private ObjectNode tree(String line) {
        try {
            return (ObjectNode) mapper.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the protocol wrote invalid JSON", e);
        }
    }

    // ------------------------------------------------------------------------------------------------ human

    private void sendHuman(String conversation, OutboundEvent event, List<Path> saved) {
        Language language = languages.getOrDefault(conversation, defaultLanguage);
        String text;
        if (event instanceof OutboundEvent.Session e) {
            text = t(language, e.resumed() ? "session.resumed" : "session.started", e.interviewId(), e.language().code(),
                    e.style()) + "\n" + t(language, "session.hint", e.interviewId());
        } else if (event instanceof OutboundEvent.Question e) {
            text = "[" + e.stageIndex() + "/9 " + e.stage().code() + " · " + e.completeness() + " %]\n" + e.text();
        } else if (event instanceof OutboundEvent.Delta) {
            return; // no streaming on a terminal: the full question follows
        } else if (event instanceof OutboundEvent.StageChanged e) {
            Messages names = Messages.forLanguage(language);
            text = t(language, "stage.changed", names.stageName(e.from()), e.to().index(), names.stageName(e.to()),
                    e.completeness());
        } else if (event instanceof OutboundEvent.Transcript e) {
            StringBuilder b = new StringBuilder(t(language, "transcript.heard", e.text(),
                    Math.round(e.confidence() * 100), e.quality().wireValue()));
            List<Choice> choices = e.choices();
            for (int i = 0; i < choices.size(); i++) {
                b.append("\n  ").append(i + 1).append(") ").append(choices.get(i).label());
            }
            text = b.toString();
        } else if (event instanceof OutboundEvent.Completed e) {
            text = e.message() + "\n\n" + summary(language, e, saved);
        } else if (event instanceof OutboundEvent.Report e) {
            text = e.content();
        } else if (event instanceof OutboundEvent.Status e) {
            Messages names = Messages.forLanguage(language);
            StringBuilder b = new StringBuilder(e.summary());
            for (var p : e.interview().stages()) {
                b.append("\n  ").append(p.stage().index()).append(". ").append(names.stageName(p.stage()))
                        .append(" — ").append(t(language, "stage.status." + p.status().code())).append(", ").append(p.completeness()).append(" %");
            }
            text = b.toString();
        } else if (event instanceof OutboundEvent.History e) {
            text = history(language, e.page());
        } else if (event instanceof OutboundEvent.Notice e) {
            text = e.text();
        } else if (event instanceof OutboundEvent.Error e) {
            text = "! " + e.message() + " (" + e.code().wireValue() + ")";
        } else {
            text = String.valueOf(event);
        }
        for (String part : MessageSplitter.split(text, HUMAN_MAX_MESSAGE)) {
            sink.deliver(conversation, part);
        }
    }

    /** The conversation so far as a person reads it: who said what, in order; commands are left out. */
    private static String history(Language language, HistoryPage page) {
        StringBuilder b = new StringBuilder(t(language, "history.header"));
        if (page.more()) {
            b.append("\n").append(t(language, "history.earlier", page.next()));
        }
        for (Turn turn : page.turns()) {
            if (turn.kind() == Turn.Kind.COMMAND) {
                continue;
            }
            b.append("\n\n").append(t(language, turn.isInterviewer() ? "history.interviewer" : "history.you"))
                    .append(' ').append(turn.text());
        }
        return b.append("\n\n").append(t(language, "history.footer")).toString();
    }

    private String summary(Language language, OutboundEvent.Completed e, List<Path> saved) {
        KnowledgeReport r = e.report();
        long done = r.stages().stream().filter(s -> "completed".equals(s.status())).count();
        String summary = t(language, "completed.summary", e.reason().code(), done, r.stages().size(),
                Math.round(r.durationMinutes()), r.keyInsights().size(), r.examples().size(), r.processes().size(),
                r.failureModes().size());
        return saved.isEmpty() ? summary + "\n" + t(language, "completed.no_files", e.interviewId())
                : summary + "\n" + t(language, "completed.files", saved.get(0), saved.get(1));
    }

    /** Writes the final report as Markdown and JSON; returns their paths, or none if there is nowhere to write. */
    private List<Path> save(OutboundEvent.Completed completed) {
        if (reportsDir == null) {
            return List.of();
        }
        InterviewId id = completed.interviewId();
        try {
            Files.createDirectories(reportsDir);
            Path markdown = reportsDir.resolve(id.value() + ".md");
            Path jsonFile = reportsDir.resolve(id.value() + ".json");
            Files.writeString(markdown, renderer.markdown(completed.report()), StandardCharsets.UTF_8);
            Files.writeString(jsonFile, renderer.json(completed.report()), StandardCharsets.UTF_8);
            List<Path> paths = new ArrayList<>();
            paths.add(markdown);
            paths.add(jsonFile);
            return paths;
        } catch (IOException e) {
            // The report is still in the completed event and in the store; losing the files is not fatal.
            return List.of();
        }
    }

    /** A text of the console's own bundle in {@code language}. */
    static String text(Language language, String key, Object... args) {
        return t(language, key, args);
    }

    private static String t(Language language, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle("dev.interviewagent.samples.console.console",
                language.locale(), ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), language.locale()).format(args);
    }
}
