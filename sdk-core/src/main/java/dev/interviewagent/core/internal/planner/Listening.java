package dev.interviewagent.core.internal.planner;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewMemory;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.internal.knowledge.FailureDetails;
import dev.interviewagent.core.internal.understanding.AnswerReading;
import dev.interviewagent.core.internal.understanding.ContentLabel;
import dev.interviewagent.core.spi.Move;
import dev.interviewagent.core.spi.MoveType;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The moves that follow what the expert just said, not a ladder: a story gets probed critical-decision style
 * (cue, decision point, basis, counterfactual), "you just know" gets the cue behind it, steps get the step that
 * takes judgement, a mistake gets its warning sign and fix. Pure: it reads the interview (whose memory already holds
 * this answer) and returns a move or nothing.
 */
final class Listening {

    /** Probes asked of one story at most: enough to get its cue and judgement, not so many the expert tires. */
    static final int PROBES_PER_EPISODE = 3;
    /** Answers after which a story is no longer "the one we are talking about". */
    static final int STORY_ATTENTION = 4;

    private Listening() {
    }

    /**
     * The probe for the cue behind a tacit answer ("you just know"), anchored on the latest story of this stage or
     * the one before, or else on nothing: "what exactly are you noticing?".
     */
    static Move tacitProbe(Interview interview, int depth) {
        InterviewMemory.Episode story = recentEpisode(interview);
        boolean again = interview.memory().tacitProbes() > 0;
        Move move = Move.of(MoveType.PROBE_CUE, interview.stage(), Math.min(4, depth + 1))
                .withAcknowledge(again ? "tacit_again" : "tacit");
        return story == null ? move : move.withAnchor(story.anchor());
    }

    /**
     * The next probe of the story being talked about: the one told in this answer, or the latest one while the last
     * question was a probe of it (or a summary check of it).
     */
    static Optional<Move> episodeProbe(Interview interview, AnswerReading reading, @Nullable MoveType lastMove) {
        InterviewMemory.Episode story = recentEpisode(interview);
        if (story == null) {
            return Optional.empty();
        }
        boolean toldNow = story.turn() == interview.turnCount() && reading.labels().contains(ContentLabel.EPISODE);
        boolean stillOnIt = lastMove != null && (EpisodeProbes.is(lastMove) || lastMove == MoveType.SUMMARY_CHECK)
                && story.stage() == interview.stage();
        if (!toldNow && !stillOnIt) {
            return Optional.empty();
        }
        if (story.probes().size() >= PROBES_PER_EPISODE) {
            return Optional.empty();
        }
        for (MoveType probe : EpisodeProbes.ORDER) {
            if (story.probes().contains(EpisodeProbes.code(probe))) {
                continue;
            }
            if (probe == MoveType.PROBE_CUE && (!story.cues().isEmpty() || !reading.cueFragments().isEmpty())) {
                // the story, or the answer just given about it, already says what they noticed ("the band I felt
                // was the decider"): ask what they made of it instead
                continue;
            }
            int depth = Math.min(4, 2 + story.probes().size());
            Move move = Move.of(probe, interview.stage(), depth).withAnchor(story.anchor());
            // A story just told is thanked as a story, not for the figures or steps it happens to contain.
            return Optional.of(toldNow ? move.withAcknowledge("example") : move);
        }
        return Optional.empty();
    }

    /** A drill into the steps just described, once per answer. */
    static Optional<Move> stepProbe(Interview interview, AnswerAnalysis analysis, AnswerReading reading,
                                    String answer, int depth) {
        boolean steps = reading.labels().contains(ContentLabel.STEPS) || analysis.hasSteps();
        if (!steps || interview.memory().probedTurns().contains(interview.turnCount()) || depth >= 4) {
            return Optional.empty();
        }
        return Optional.of(Move.of(MoveType.PROBE_STEP, interview.stage(), Math.min(4, depth + 1))
                .withAnchor(Fragments.firstStep(answer, interview.language())));
    }

    /** A follow-up of the mistake just named: its warning sign, cost or fix, once per answer. */
    static Optional<Move> failureProbe(Interview interview, AnswerAnalysis analysis, AnswerReading reading,
                                       @Nullable MoveType lastMove, int depth) {
        // A mistake is named when the answer describes one, or when it answers a question that asked for one.
        boolean askedForMistake = interview.stage() == Stage.FAILURE_MODES && lastMove != null
                && (lastMove == MoveType.NEXT_STAGE || lastMove == MoveType.NEW_TOPIC)
                && analysis.wordCount() >= 5 && !analysis.dontKnow();
        boolean named = reading.labels().contains(ContentLabel.FAILURE) || askedForMistake;
        // "That mistake" must be one on record from this answer: "the error budget dashboard" in a day's routine
        // names no mistake to ask the cost of.
        boolean recorded = FailureDetails.onRecord(interview.knowledge(), interview.turnCount());
        if (!named || !recorded || interview.memory().probedTurns().contains(interview.turnCount()) || depth >= 4) {
            return Optional.empty();
        }
        // The detail still missing, never the one just told: after "What finally gave it away?" the sign is known,
        // so the follow-up asks what it cost or how it was put right.
        Turn answered = interview.pendingQuestion();
        Optional<FailureDetails.Aspect> aspect = FailureDetails.nextToAsk(interview.knowledge(),
                answered == null ? "" : answered.text(), interview.language());
        return aspect.map(a -> Move.of(MoveType.PROBE_FAILURE, interview.stage(), Math.min(4, depth + 1))
                .withMissing(List.of(a.code())));
    }

    /** The latest story, if it was told in this stage (or the one before) within the last few answers. */
    static InterviewMemory.@Nullable Episode recentEpisode(Interview interview) {
        InterviewMemory.Episode story = interview.memory().latestEpisode();
        if (story == null) {
            return null;
        }
        Stage stage = interview.stage();
        boolean near = story.stage() == stage || story.stage().index() == stage.index() - 1;
        return near && interview.turnCount() - story.turn() <= 2 * STORY_ATTENTION ? story : null;
    }
}
