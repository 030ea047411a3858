package dev.interviewagent.telegram.internal;

import dev.interviewagent.core.EngineMetrics;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.channel.ChannelBridge;
import dev.interviewagent.core.channel.ChannelCommand;
import dev.interviewagent.core.channel.InboundMessage;
import dev.interviewagent.core.report.ReportFormat;
import dev.interviewagent.telegram.internal.CallbackData.Confirmation.Subject;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.telegram.telegrambots.meta.api.objects.User;

/**
 * The bot commands ({@code /start}, {@code /status}, …): each either acts through the {@link ChannelBridge}, starts
 * a step of the {@link SetupWizard}, or asks for a confirmation whose buttons the {@link ButtonRouter} takes.
 * {@code /metrics} answers only the admins' user ids.
 */
final class CommandRouter {

    private final ChannelBridge bridge;
    private final SetupWizard wizard;
    private final ChatReplies replies;
    private final Set<Long> adminIds;
    private final Supplier<EngineMetrics> metrics;

    CommandRouter(ChannelBridge bridge, SetupWizard wizard, ChatReplies replies, Set<Long> adminIds,
                  Supplier<EngineMetrics> metrics) {
        this.bridge = bridge;
        this.wizard = wizard;
        this.replies = replies;
        this.adminIds = Set.copyOf(adminIds);
        this.metrics = metrics;
    }

    /** The command's name: {@code /Report@SomeBot json} is {@code report}. */
    static String name(String line) {
        return line.strip().substring(1).split("[\\s@]", 2)[0].toLowerCase(Locale.ROOT);
    }

    /** Handles a message starting with {@code /}. */
    void handle(String conversation, ChatState state, MessageId messageId, String line, @Nullable User from,
                Optional<InterviewId> active) {
        switch (name(line)) {
            case "start" -> {
                if (active.isPresent()) {
                    replies.ask(conversation, state, "start.running", ChatReplies.row(
                            ChatReplies.button(state, new CallbackData.StartChoice(false), "start.resume"),
                            ChatReplies.button(state, new CallbackData.StartChoice(true), "start.new")));
                } else {
                    wizard.begin(conversation, state);
                }
            }
            case "status" -> ifActive(conversation, state, active, id -> bridge.handle(conversation, id,
                    new InboundMessage.Command(messageId, ChannelCommand.STATUS, null)));
            case "repeat" -> ifActive(conversation, state, active, id -> bridge.handle(conversation, id,
                    new InboundMessage.Command(messageId, ChannelCommand.REPEAT, null)));
            case "complete" -> ifActive(conversation, state, active, id -> replies.ask(conversation, state,
                    "complete.confirm", ChatReplies.yesNo(state, Subject.COMPLETE, "complete")));
            case "report" -> report(conversation, state, messageId, active.isPresent() ? active
                    : state.lastInterview());
            case "language" -> wizard.askLanguage(conversation, state);
            case "style" -> wizard.askStyle(conversation, state);
            case "reset" -> replies.ask(conversation, state, "reset.confirm",
                    ChatReplies.yesNo(state, Subject.RESET, "reset"));
            case "help" -> replies.say(conversation, state, "help.text");
            case "delete_my_data" -> replies.ask(conversation, state, "delete.confirm",
                    ChatReplies.yesNo(state, Subject.DELETE, "delete"));
            case "metrics" -> {
                if (from != null && adminIds.contains(from.getId())) {
                    EngineMetrics m = metrics.get();
                    replies.plain(conversation, UiText.get(state.language, "metrics.text", m.started(),
                            m.answers(), m.completed(), m.duplicates(), m.brainFallbacks(), m.guardRepairs(),
                            m.conflicts(), m.recoveries(), m.rejected()));
                } else {
                    replies.say(conversation, state, "admin.only");
                }
            }
            default -> replies.say(conversation, state, "unknown.command");
        }
    }

    /** The report of the running interview, or else of the last one: Markdown, then the JSON document. */
    private void report(String conversation, ChatState state, MessageId messageId, Optional<InterviewId> id) {
        if (id.isEmpty()) {
            replies.say(conversation, state, "no.interview");
            return;
        }
        bridge.handle(conversation, id.get(), new InboundMessage.Command(messageId, ChannelCommand.REPORT,
                ReportFormat.MARKDOWN.code()));
        bridge.handle(conversation, id.get(), new InboundMessage.Command(messageId, ChannelCommand.REPORT,
                ReportFormat.JSON.code()));
    }

    /** Runs {@code action} on the running interview, or says there is none. */
    void ifActive(String conversation, ChatState state, Optional<InterviewId> active,
                  Consumer<InterviewId> action) {
        if (active.isPresent()) {
            action.accept(active.get());
        } else {
            replies.say(conversation, state, "no.interview");
        }
    }
}
