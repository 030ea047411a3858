package dev.interviewagent.core.channel;

import java.util.Objects;

/**
 * What a channel can render, and how its respondents act on it. The {@link ChannelBridge} respects it: no buttons
 * where there are none, no deltas without streaming, texts split to the channel's length limit, and interviews it
 * starts carry the channel's {@link #controls()} so that messages name this channel's commands or buttons only.
 *
 * @param buttons          inline choices (confirm / retry / type instead); without them the choices are sent as text
 * @param voiceReplies     the channel can play the interviewer's messages as audio
 * @param streamingEdits   the channel can show a message growing as deltas arrive
 * @param maxMessageLength the longest text one message may carry (e.g. 4096 on Telegram); at least 200
 * @param controls         how respondents finish early, pause, see status, get the report and help on this channel;
 *                         {@link ChannelControls#NEUTRAL} for wording that names no command or button
 */
public record ChannelCapabilities(boolean buttons, boolean voiceReplies, boolean streamingEdits,
                                  int maxMessageLength, ChannelControls controls) {

    public ChannelCapabilities {
        if (maxMessageLength < 200) {
            throw new IllegalArgumentException("maxMessageLength must be >= 200, was " + maxMessageLength);
        }
        Objects.requireNonNull(controls, "controls");
    }

    /** Capabilities with {@link ChannelControls#NEUTRAL} controls: messages name no command or button. */
    public ChannelCapabilities(boolean buttons, boolean voiceReplies, boolean streamingEdits, int maxMessageLength) {
        this(buttons, voiceReplies, streamingEdits, maxMessageLength, ChannelControls.NEUTRAL);
    }

    /** A plain text channel: no buttons, no voice, no streaming, {@code maxMessageLength} per message. */
    public static ChannelCapabilities plainText(int maxMessageLength) {
        return new ChannelCapabilities(false, false, false, maxMessageLength);
    }

    /** These capabilities with other controls. */
    public ChannelCapabilities withControls(ChannelControls controls) {
        return new ChannelCapabilities(buttons, voiceReplies, streamingEdits, maxMessageLength, controls);
    }
}
