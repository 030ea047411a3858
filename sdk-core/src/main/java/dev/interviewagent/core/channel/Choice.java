package dev.interviewagent.core.channel;

import java.util.Objects;

/**
 * A choice offered with a message: a button where the channel has buttons, a line of text otherwise.
 *
 * @param action what comes back in {@link InboundMessage.ButtonPress#action()}, e.g. {@code transcript:confirm}
 * @param label  the localised label
 */
public record Choice(String action, String label) {

    /** Confirm a low-confidence transcript as the answer. */
    public static final String CONFIRM_TRANSCRIPT = "transcript:confirm";
    /** Record the answer again. */
    public static final String RETRY_TRANSCRIPT = "transcript:retry";
    /** Type the answer instead. */
    public static final String TYPE_INSTEAD = "transcript:type";

    public Choice {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(label, "label");
    }
}
