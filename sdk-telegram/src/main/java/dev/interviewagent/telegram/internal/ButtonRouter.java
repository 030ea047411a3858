package dev.interviewagent.telegram.internal;

import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.channel.ChannelBridge;
import dev.interviewagent.core.channel.ChannelCommand;
import dev.interviewagent.core.channel.InboundMessage;
import dev.interviewagent.telegram.internal.CallbackData.Confirmation;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inline buttons, decoded by {@link CallbackData}: setup choices go to the {@link SetupWizard}, confirmations
 * and transcript choices act through the {@link ChannelBridge}. Data that is no button of the bot is refused with
 * "this button is no longer active" and reaches no handler.
 */
final class ButtonRouter {

    private static final Logger log = LoggerFactory.getLogger(ButtonRouter.class);

    private final ChannelBridge bridge;
    private final SetupWizard wizard;
    private final CommandRouter commands;
    private final DataDeletion deletion;
    private final ChatReplies replies;
    private final TypingIndicator typing;

    ButtonRouter(ChannelBridge bridge, SetupWizard wizard, CommandRouter commands, DataDeletion deletion,
                 ChatReplies replies, TypingIndicator typing) {
        this.bridge = bridge;
        this.wizard = wizard;
        this.commands = commands;
        this.deletion = deletion;
        this.replies = replies;
        this.typing = typing;
    }

    void handle(String conversation, ChatState state, MessageId messageId, CallbackData data,
                Optional<InterviewId> active) {
        if (data instanceof CallbackData.PickLanguage pick) {
            wizard.pickLanguage(conversation, state, pick.language(), active.isPresent());
        } else if (data instanceof CallbackData.PickStyle pick) {
            wizard.pickStyle(conversation, state, pick.code(), active.isPresent());
        } else if (data instanceof CallbackData.AboutStyles) {
            wizard.aboutStyles(conversation, state);
        } else if (data instanceof CallbackData.ProfileStep step) {
            wizard.profileStep(conversation, state, step.step(), messageId);
        } else if (data instanceof CallbackData.StartChoice choice) {
            start(conversation, state, messageId, choice.fresh(), active);
        } else if (data instanceof Confirmation confirmation) {
            confirmed(conversation, state, messageId, confirmation, active);
        } else if (data instanceof CallbackData.TranscriptChoice choice) {
            commands.ifActive(conversation, state, active, id -> typing.whileRunning(conversation,
                    () -> bridge.handle(conversation, id, new InboundMessage.ButtonPress(messageId, choice.action()))));
        } else if (data instanceof CallbackData.Refused refused) {
            log.debug("callback data refused: {}", refused.reason());
            replies.say(conversation, state, "button.expired");
        }
    }

    private void start(String conversation, ChatState state, MessageId messageId, boolean fresh,
                       Optional<InterviewId> active) {
        if (fresh) {
            active.ifPresent(id -> archive(id, messageId));
            wizard.begin(conversation, state);
        } else if (active.isPresent()) {
            bridge.resume(conversation, active.get(), null);
        } else {
            wizard.begin(conversation, state);
        }
    }

    private void confirmed(String conversation, ChatState state, MessageId messageId, Confirmation confirmation,
                           Optional<InterviewId> active) {
        String subject = confirmation.subject().name().toLowerCase(Locale.ROOT);
        if (!confirmation.yes()) {
            replies.say(conversation, state, subject + ".cancelled");
            return;
        }
        switch (confirmation.subject()) {
            case COMPLETE -> commands.ifActive(conversation, state, active, id -> typing.whileRunning(conversation,
                    () -> bridge.handle(conversation, id, new InboundMessage.Command(messageId,
                            ChannelCommand.COMPLETE, null))));
            case RESET -> {
                active.ifPresent(id -> archive(id, messageId));
                replies.say(conversation, state, "reset.done");
                wizard.begin(conversation, state);
            }
            case DELETE -> deletion.run(conversation, state, active);
        }
    }

    /** Leaves the running interview for a new one: it stays stored with its report, no longer active. */
    private void archive(InterviewId id, MessageId messageId) {
        bridge.archive(id, MessageId.of("archive-" + messageId.value()));
        log.info("{} archived by the respondent", id);
    }
}
