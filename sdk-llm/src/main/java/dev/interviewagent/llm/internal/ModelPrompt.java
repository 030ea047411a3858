package dev.interviewagent.llm.internal;

import java.util.List;
import java.util.Objects;

/**
 * A conversation for the model: the system prompt and the messages after it. Immutable.
 *
 * @param system   the system prompt (style + contract)
 * @param messages the user/assistant messages, oldest first; the last one is a user message
 */
record ModelPrompt(String system, List<Message> messages) {

    ModelPrompt {
        Objects.requireNonNull(system, "system");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a prompt needs at least one message");
        }
    }

    /** One message. {@code assistant} is true for the model's own earlier output. */
    record Message(boolean assistant, String text) {
        Message {
            Objects.requireNonNull(text, "text");
        }
    }

    /** This prompt followed by the model's rejected reply and a correction. */
    ModelPrompt withCorrection(String rejectedReply, String correction) {
        List<Message> more = new java.util.ArrayList<>(messages);
        if (!rejectedReply.isBlank()) {
            more.add(new Message(true, rejectedReply));
        }
        more.add(new Message(false, correction));
        return new ModelPrompt(system, more);
    }
}
