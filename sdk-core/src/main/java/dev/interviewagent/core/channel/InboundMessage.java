package dev.interviewagent.core.channel;

import dev.interviewagent.core.MessageId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a respondent sent through a channel. Every message carries the channel's id for it, so a repeated delivery is
 * handled once.
 */
public sealed interface InboundMessage {

    MessageId messageId();

    /** A typed answer. */
    record Text(MessageId messageId, String text) implements InboundMessage {
        public Text {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A spoken answer.
     *
     * @param format the container as the client declared it ({@code ogg}, {@code webm}, {@code wav}, {@code mp3},
     *               {@code m4a}); the transcriber checks the bytes themselves
     * @param bytes  the audio; not copied, do not change it after handing it over
     */
    record Audio(MessageId messageId, String format, byte[] bytes) implements InboundMessage {
        public Audio {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /** A command such as {@code /complete}, with an optional argument (e.g. the report format). */
    record Command(MessageId messageId, ChannelCommand command, @Nullable String argument) implements InboundMessage {
        public Command {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(command, "command");
        }
    }

    /** A press of a button the channel rendered; {@code action} is the button's {@link Choice#action()}. */
    record ButtonPress(MessageId messageId, String action) implements InboundMessage {
        public ButtonPress {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(action, "action");
        }
    }
}
