package dev.interviewagent.core.spi.testkit;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewSnapshot;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Profile;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builders of interviews and turns for contract tests, independent of the engine. */
public final class TestInterviews {

    private TestInterviews() {
    }

    /**
     * The whole state behind a snapshot the engine handed out. The engine's snapshots are its stored states, so a
     * test that checks what the engine keeps (the memory, the member check, the codec's round trip) reads it here.
     */
    public static Interview whole(InterviewSnapshot snapshot) {
        return (Interview) snapshot;
    }

    public static InterviewId newId() {
        return InterviewId.of("kit-" + UUID.randomUUID());
    }

    /** A new interview (version 1, one question turn) as the engine would create it. */
    public static Interview started(InterviewId id, String channelKey, Instant at) {
        Interview initial = Interview.start(id, Language.ENGLISH, "master", "expertise", 1,
                new Profile("Ada", "Engineer", "Acme", "Energy", 12, "training"), channelKey, Map.of("k", "v"), at);
        return initial.toBuilder().version(1).turnCount(1).pendingQuestion(question(1, at)).build();
    }

    public static Turn question(int number, Instant at) {
        return new Turn(number, Turn.Role.INTERVIEWER, Turn.Kind.QUESTION, "Question " + number + "?", Stage.GREETING,
                Turn.Modality.TEXT, at, null, null, number > 1 ? MessageId.of("m" + (number - 1)) : null, "open", 1,
                "methodology", false);
    }

    public static Turn answer(int number, String messageId, String text, Instant at) {
        return new Turn(number, Turn.Role.RESPONDENT, Turn.Kind.ANSWER, text, Stage.GREETING, Turn.Modality.TEXT,
                at, null, MessageId.of(messageId), null, null, 0, null, false);
    }

    /** {@code state} one version up with {@code turns} appended and an item of knowledge added. */
    public static Interview next(Interview state, List<Turn> turns, Instant at) {
        Interview.Builder next = state.toBuilder().version(state.version() + 1)
                .turnCount(state.turnCount() + turns.size()).updatedAt(at);
        for (Turn turn : turns) {
            if (turn.isInterviewer()) {
                next.pendingQuestion(turn);
            } else {
                next.addKnowledge(List.of(KnowledgeItem.of(KnowledgeKind.EXAMPLE, turn.text(), turn.stage(),
                        turn.number(), KnowledgeItem.SOURCE_ANALYZER)));
            }
        }
        return next.build();
    }
}
