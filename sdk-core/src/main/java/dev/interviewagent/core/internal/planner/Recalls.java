package dev.interviewagent.core.internal.planner;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.spi.Move;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which earlier answer a question refers back to ("Earlier you said …"): once per stage, words that bear on the
 * stage's topic first, never the same words twice, and at a stage's start the answer just given when there is
 * nothing earlier.
 */
final class Recalls {

    private Recalls() {
    }

    /** Refers back to an earlier answer once per stage, as soon as there is one to refer to. */
    static Move withRecallIfDue(Interview interview, Move move) {
        return withRecallIfDue(interview, move, recall -> true);
    }

    /** {@link #withRecallIfDue(Interview, Move)} with only the earlier answers that {@code fit}. */
    static Move withRecallIfDue(Interview interview, Move move, Predicate<Interview.Recall> fit) {
        if (move.recall() != null || interview.progress(move.stage()).referencedBack()) {
            return move;
        }
        return move.withRecall(pickRecall(interview, move.stage(), fit).orElse(null));
    }

    static Optional<Interview.Recall> pickRecall(Interview interview, Stage stage) {
        return pickRecall(interview, stage, recall -> true);
    }

    /**
     * The answer just given, as the bridge into the next stage when there is nothing earlier to refer to (after the
     * greeting): the new stage still starts from the expert's own words.
     */
    static Optional<Interview.Recall> bridgeFromLastAnswer(Interview interview) {
        List<Interview.Recall> recalls = interview.recalls();
        if (recalls.isEmpty()) {
            return Optional.empty();
        }
        Interview.Recall last = recalls.get(recalls.size() - 1);
        return last.turn() == interview.turnCount() && !interview.memory().wasQuoted(Fragments.normalise(last.quote()))
                ? Optional.of(last) : Optional.empty();
    }

    private static Optional<Interview.Recall> pickRecall(Interview interview, Stage stage,
                                                         Predicate<Interview.Recall> fit) {
        List<Interview.Recall> candidates = new ArrayList<>();
        int lastTurn = interview.turnCount();
        for (Interview.Recall recall : interview.recalls()) {
            // Referring back to the answer just given is not "earlier"; prefer answers from before this stage.
            if (recall.turn() < lastTurn && !interview.memory().wasQuoted(Fragments.normalise(recall.quote()))
                    && fit.test(recall)) {
                candidates.add(recall);
            }
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        List<Interview.Recall> earlierStages = candidates.stream().filter(r -> r.stage() != stage).toList();
        List<Interview.Recall> pool = earlierStages.isEmpty() ? candidates : earlierStages;
        // Words that bear on the new topic come first (a mistake before the failure stage, a feel before mastery);
        // otherwise the latest few answers are the freshest to refer to, the one with most substance first, and one
        // not used for the previous stage (the pool rotates with the stage).
        Optional<Interview.Recall> onTopic = RecallTopics.onTopic(pool, stage, interview.language());
        if (onTopic.isPresent()) {
            return onTopic;
        }
        List<Interview.Recall> latest = pool.subList(Math.max(0, pool.size() - 4), pool.size());
        List<Interview.Recall> ranked = new ArrayList<>(latest);
        ranked.sort(Comparator.comparingInt((Interview.Recall r) -> r.quote().length()).reversed());
        return Optional.of(ranked.get(stage.index() % Math.min(2, ranked.size())));
    }
}
