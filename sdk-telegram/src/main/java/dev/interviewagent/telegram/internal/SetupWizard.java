package dev.interviewagent.telegram.internal;

import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Profile;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.channel.ChannelBridge;
import dev.interviewagent.core.channel.Choice;
import dev.interviewagent.core.guide.InterviewStyle;
import dev.interviewagent.core.guide.InterviewStyles;
import dev.interviewagent.telegram.internal.CallbackData.ProfileStep;
import dev.interviewagent.telegram.internal.ChatState.Phase;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * The setup before an interview: language, then style (buttons), then an optional profile — role, industry and
 * years of experience, typed, each skippable — and the start of the interview through the {@link ChannelBridge}.
 * The steps live in the conversation's {@link ChatState}, so a setup survives a restart half done. Language and
 * style can also be changed outside the setup ({@code /language}, {@code /style}); they apply to the next interview.
 */
final class SetupWizard {

    private final ChannelBridge bridge;
    private final InterviewStyles styles;
    private final ChatReplies replies;
    private final TypingIndicator typing;

    SetupWizard(ChannelBridge bridge, InterviewStyles styles, ChatReplies replies, TypingIndicator typing) {
        this.bridge = bridge;
        this.styles = styles;
        this.replies = replies;
        this.typing = typing;
    }

    /** Starts the setup from its first step. */
    void begin(String conversation, ChatState state) {
        state.restartSetup();
        askLanguage(conversation, state);
    }

    /** Offers the languages, the conversation's current one (at first its Telegram locale's) first and marked. */
    void askLanguage(String conversation, ChatState state) {
        List<Choice> buttons = new ArrayList<>();
        buttons.add(new Choice(new CallbackData.PickLanguage(state.language).encode(), "✓ "
                + UiText.get(state.language, "language.name." + state.language.code())));
        for (Language language : Language.available()) {
            if (language != state.language) {
                buttons.add(new Choice(new CallbackData.PickLanguage(language).encode(), UiText.get(language,
                        "language.name." + language.code())));
            }
        }
        replies.ask(conversation, state, "language.prompt", ChatReplies.row(buttons.toArray(Choice[]::new)));
    }

    /** Offers the styles of the catalog, one per row, the chosen one marked, and what they are. */
    void askStyle(String conversation, ChatState state) {
        List<List<Choice>> rows = new ArrayList<>();
        for (InterviewStyle style : styles.all()) {
            String label = (style.code().equals(state.style) ? "✓ " : "") + style.name(state.language);
            rows.add(List.of(new Choice(new CallbackData.PickStyle(style.code()).encode(), label)));
        }
        rows.add(List.of(ChatReplies.button(state, new CallbackData.AboutStyles(), "style.about")));
        replies.ask(conversation, state, "style.prompt", TelegramAdapter.keyboardRows(rows));
    }

    /** A language button: the next step of the setup, or a change for the next interview. */
    void pickLanguage(String conversation, ChatState state, Language language, boolean interviewRunning) {
        state.language = language;
        if (interviewRunning && state.phase == Phase.IDLE) {
            replies.say(conversation, state, "language.next_interview");
        } else if (state.phase == Phase.LANGUAGE) {
            state.phase = Phase.STYLE;
            askStyle(conversation, state);
        } else {
            replies.say(conversation, state, "language.set");
        }
    }

    /** A style button; a code the catalog does not have (any more) is ignored. */
    void pickStyle(String conversation, ChatState state, String code, boolean interviewRunning) {
        if (styles.find(code).isEmpty()) {
            return;
        }
        state.style = code;
        if (state.phase == Phase.STYLE) {
            state.phase = Phase.PROFILE;
            replies.ask(conversation, state, "profile.prompt", ChatReplies.row(
                    ChatReplies.button(state, new ProfileStep(ProfileStep.Step.FILL), "profile.fill"),
                    ChatReplies.button(state, new ProfileStep(ProfileStep.Step.SKIP), "profile.skip")));
        } else {
            replies.say(conversation, state, interviewRunning ? "style.next_interview" : "style.set");
        }
    }

    /** Describes every style, then offers them again. */
    void aboutStyles(String conversation, ChatState state) {
        StringBuilder about = new StringBuilder(UiText.get(state.language, "style.about.header"));
        for (InterviewStyle style : styles.all()) {
            about.append("\n\n").append(style.name(state.language)).append(" — ")
                    .append(style.description(state.language));
        }
        replies.plain(conversation, about.toString());
        askStyle(conversation, state);
    }

    /** A profile button: fill in, skip this field, or skip the rest and start. */
    void profileStep(String conversation, ChatState state, ProfileStep.Step step, MessageId messageId) {
        if (state.phase == Phase.IDLE || state.phase == Phase.LANGUAGE || state.phase == Phase.STYLE) {
            replies.say(conversation, state, "button.expired");
        } else if (step == ProfileStep.Step.FILL) {
            state.phase = Phase.ROLE;
            replies.ask(conversation, state, "profile.role", skipButtons(state));
        } else if (step == ProfileStep.Step.NEXT && state.phase == Phase.ROLE) {
            state.phase = Phase.INDUSTRY;
            replies.ask(conversation, state, "profile.industry", skipButtons(state));
        } else if (step == ProfileStep.Step.NEXT && state.phase == Phase.INDUSTRY) {
            state.phase = Phase.YEARS;
            replies.ask(conversation, state, "profile.years", skipButtons(state));
        } else {
            startInterview(conversation, state, messageId);
        }
    }

    /** A typed answer to the profile step the setup is at ({@link ChatState#awaitsProfileText()}). */
    void profileText(String conversation, ChatState state, MessageId messageId, String text) {
        switch (state.phase) {
            case ROLE -> {
                if (validField(conversation, state, text)) {
                    state.role = text.strip();
                    state.phase = Phase.INDUSTRY;
                    replies.ask(conversation, state, "profile.industry", skipButtons(state));
                }
            }
            case INDUSTRY -> {
                if (validField(conversation, state, text)) {
                    state.industry = text.strip();
                    state.phase = Phase.YEARS;
                    replies.ask(conversation, state, "profile.years", skipButtons(state));
                }
            }
            case YEARS -> {
                Integer years = parseYears(text);
                if (years == null) {
                    replies.ask(conversation, state, "profile.years.invalid", skipButtons(state));
                } else {
                    state.years = years;
                    startInterview(conversation, state, messageId);
                }
            }
            default -> throw new IllegalStateException("no profile step at phase " + state.phase);
        }
    }

    private boolean validField(String conversation, ChatState state, String text) {
        String value = text.strip();
        if (value.isEmpty() || value.length() > Profile.MAX_FIELD_LENGTH
                || value.chars().anyMatch(Character::isISOControl)) {
            replies.ask(conversation, state, "profile.invalid", skipButtons(state));
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

    private static InlineKeyboardMarkup skipButtons(ChatState state) {
        return ChatReplies.row(ChatReplies.button(state, new ProfileStep(ProfileStep.Step.NEXT), "profile.skip_field"),
                ChatReplies.button(state, new ProfileStep(ProfileStep.Step.SKIP), "profile.skip"));
    }

    /**
     * Starts the interview the setup describes. Its idempotency key is the update's message id, so a replayed
     * update starts it once.
     */
    private void startInterview(String conversation, ChatState state, MessageId messageId) {
        state.phase = Phase.IDLE;
        Profile profile = new Profile(null, state.role, null, state.industry, state.years, null);
        String channelKey = ChatFlow.channelKey(conversation);
        StartRequest request = StartRequest.builder().language(state.language).style(state.style).profile(profile)
                .channelKey(channelKey).idempotencyKey(channelKey + ":" + messageId.value())
                .attribute("channel", "telegram").build();
        typing.whileRunning(conversation, () -> {
            InterviewId id = bridge.start(conversation, request, null);
            if (id != null) {
                state.interviews.add(id);
            }
        });
    }
}
