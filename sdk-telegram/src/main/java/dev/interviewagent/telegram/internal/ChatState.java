package dev.interviewagent.telegram.internal;

import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the channel remembers about a conversation between updates: where it is in the setup, what it chose, and
 * the interviews it started (each interview itself lives in the engine's store). {@link ChatStates} keeps it
 * durably. Read and changed only on the conversation's lane.
 */
final class ChatState {

    /** Where a conversation is in the setup flow. */
    enum Phase { IDLE, LANGUAGE, STYLE, PROFILE, ROLE, INDUSTRY, YEARS }

    Language language;
    Phase phase = Phase.IDLE;
    String style;
    @Nullable String role;
    @Nullable String industry;
    @Nullable Integer years;
    final Set<InterviewId> interviews = new LinkedHashSet<>();
    /** Set once the respondent's data was deleted: this state is never stored again. */
    boolean forgotten;

    ChatState(Language language, String style) {
        this.language = language;
        this.style = style;
    }

    /** Back to the first setup step, with the profile answers of an earlier setup forgotten. */
    void restartSetup() {
        phase = Phase.LANGUAGE;
        role = null;
        industry = null;
        years = null;
    }

    /** Whether the setup is past its buttons and waits for a typed profile answer. */
    boolean awaitsProfileText() {
        return phase == Phase.ROLE || phase == Phase.INDUSTRY || phase == Phase.YEARS;
    }

    /** The interview this conversation started last, if any. */
    Optional<InterviewId> lastInterview() {
        InterviewId last = null;
        for (InterviewId id : interviews) {
            last = id;
        }
        return Optional.ofNullable(last);
    }
}
