package dev.interviewagent.core.internal.engine;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.internal.knowledge.ContentItems;
import dev.interviewagent.core.internal.knowledge.FailureDetails;
import dev.interviewagent.core.internal.knowledge.KnowledgeExtractor;
import dev.interviewagent.core.internal.knowledge.KnowledgeMerger;
import dev.interviewagent.core.internal.planner.EpisodeProbes;
import dev.interviewagent.core.internal.text.Pleasantries;
import dev.interviewagent.core.internal.understanding.AnswerReading;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import dev.interviewagent.core.spi.MoveType;
import java.util.List;

/**
 * The interview's knowledge after one answer: what the extractor finds in it, completed with what the question it
 * answers implies (an answer to "what went wrong?" describes a mistake even without the words for one), merged
 * into what was known.
 */
public final class AnswerKnowledge {

    private final KnowledgeExtractor extractor;
    private final KnowledgeMerger merger;

    public AnswerKnowledge(KnowledgeExtractor extractor, KnowledgeMerger merger) {
        this.extractor = extractor;
        this.merger = merger;
    }

    /** All the knowledge of {@code state} once answer turn {@code number} ({@code text}) is taken in. */
    public List<KnowledgeItem> after(Interview state, String text, AnswerAnalysis analysis, AnswerReading reading,
                                     int number) {
        // The answer to a follow-up of a mistake on record is a detail of it; with none on record, the answer
        // itself names the mistake.
        boolean detail = answers(state, MoveType.PROBE_FAILURE) && FailureDetails.onRecord(state.knowledge(),
                state.turnCount() - 1) && !FailureDetails.namesNewMistake(text, state.language());
        List<KnowledgeItem> found = ContentItems.complete(
                extractor.extract(Pleasantries.strip(text, state.language()), analysis, state.stage(), number, state.language()),
                reading, text, state.stage(), number, !detail && asksForMistake(state),
                state.pendingQuestion() != null && EpisodeProbes.isCode(state.pendingQuestion().move()),
                state.language());
        List<KnowledgeItem> knowledge = merger.merge(state.knowledge(), found);
        if (detail && found.stream().noneMatch(i -> i.kind() == KnowledgeKind.FAILURE_MODE)) {
            knowledge = FailureDetails.attach(knowledge, state.pendingQuestion().text(), text, state.language());
        }
        return knowledge;
    }

    /** Whether the question waiting for an answer was phrased from {@code move}. */
    private static boolean answers(Interview state, MoveType move) {
        Turn question = state.pendingQuestion();
        return question != null && move.code().equals(question.move());
    }

    /** Whether the question waiting for this answer opened a topic about mistakes: the answer describes one. */
    private static boolean asksForMistake(Interview state) {
        Turn question = state.pendingQuestion();
        if (question == null || question.move() == null) {
            return false;
        }
        MoveType move = MoveType.fromCode(question.move());
        if (move == MoveType.PROBE_FAILURE) {
            return true;
        }
        boolean opensTopic = move == MoveType.NEXT_STAGE || move == MoveType.NEW_TOPIC
                || move == MoveType.DEEPEN_EXAMPLE || move == MoveType.ACKNOWLEDGE_GAP;
        return opensTopic && (state.stage() == Stage.FAILURE_MODES || ContentItems.asksAboutMistakes(question.text(), state.language()));
    }
}
