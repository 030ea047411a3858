package dev.interviewagent.core.channel;

/**
 * What a channel can render. The {@link ChannelBridge} respects it: no buttons where there are none, no deltas
 * without streaming, texts split to the channel's length limit.
 *
 * @param buttons          inline choices (confirm / retry / type instead); without them the choices are sent as text
 * @param voiceReplies     the channel can play the interviewer's messages as audio
 * @param streamingEdits   the channel can show a message growing as deltas arrive
 * @param maxMessageLength the longest text one message may carry (e.g. 4096 on Telegram); at least 200
 */
public record ChannelCapabilities(boolean buttons, boolean voiceReplies, boolean streamingEdits,
                                  int maxMessageLength) {

    public ChannelCapabilities {
        if (maxMessageLength < 200) {
            throw new IllegalArgumentException("maxMessageLength must be >= 200, was " + maxMessageLength);
        }
    }

    /** A plain text channel: no buttons, no voice, no streaming, {@code maxMessageLength} per message. */
    public static ChannelCapabilities plainText(int maxMessageLength) {
        return new ChannelCapabilities(false, false, false, maxMessageLength);
    }
}
