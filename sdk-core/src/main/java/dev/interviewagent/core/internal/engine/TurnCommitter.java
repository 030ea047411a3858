package dev.interviewagent.core.internal.engine;

import dev.interviewagent.core.CloseReason;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewMemory;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StageChange;
import dev.interviewagent.core.StageProgress;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.guide.InterviewGuide;
import dev.interviewagent.core.guide.InterviewStyle;
import dev.interviewagent.core.guide.InterviewStyles;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.internal.guard.QuestionFingerprint;
import dev.interviewagent.core.internal.knowledge.KnowledgeMerger;
import dev.interviewagent.core.internal.lock.TurnLeases;
import dev.interviewagent.core.internal.planner.Decision;
import dev.interviewagent.core.internal.planner.Planner;
import dev.interviewagent.core.internal.text.QuestionSentences;
import dev.interviewagent.core.internal.understanding.AnswerReading;
import dev.interviewagent.core.spi.BrainReply;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.core.spi.Move;
import dev.interviewagent.core.spi.MoveType;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The interviewer's side of a turn: decides the move after an answer, has a brain phrase it, computes the state
 * after it and stores the message. The respondent's side (storing the answer) is done before this is called, so a
 * crash in here loses nothing typed and the reply can be regenerated.
 */
public final class TurnCommitter {

    private final InterviewStore store;
    private final TurnLeases leases;
    private final InterviewGuide guide;
    private final InterviewStyles styles;
    private final BrainCaller brains;
    private final Planner planner;
    private final StateUpdates updates;
    private final KnowledgeMerger merger;
    private final InterviewNotifier notifier;
    private final EngineCounters counters;
    private final Clock clock;

    public TurnCommitter(InterviewStore store, TurnLeases leases, InterviewGuide guide, InterviewStyles styles,
                         BrainCaller brains, Planner planner, StateUpdates updates, KnowledgeMerger merger,
                         InterviewNotifier notifier, EngineCounters counters, Clock clock) {
        this.store = store;
        this.leases = leases;
        this.guide = guide;
        this.styles = styles;
        this.brains = brains;
        this.planner = planner;
        this.updates = updates;
        this.merger = merger;
        this.notifier = notifier;
        this.counters = counters;
        this.clock = clock;
    }

    /**
     * The state after an interviewer message and the message itself, computed but not stored.
     *
     * @param phrased how the brain's reply came about (fallback, repair)
     */
    public record Outcome(Interview state, Turn turn, List<StageChange> changes, PhrasedMessage phrased) {
    }

    /** Decides the next move after a recorded answer and commits the message phrased from it. */
    public Reply reply(Interview recorded, Turn answerTurn, AnswerAnalysis analysis, AnswerReading reading,
                       Consumer<String> deltas) {
        Turn question = recorded.pendingQuestion();
        MoveType lastMove = question == null || question.move() == null ? null : MoveType.fromCode(question.move());
        InterviewStyle style = styles.get(recorded.style());
        Decision decision = planner.decide(recorded, style, analysis, reading, answerTurn.text(), lastMove);
        return commit(recorded, decision.move(), decision.stageEnd(), analysis, answerTurn.text(),
                answerTurn.messageId(), deltas);
    }

    /** Phrases {@code move}, stores the message with the state after it, and tells the listener. */
    public Reply commit(Interview state, Move move, StageProgress.@Nullable EndReason stageEnd,
                        @Nullable AnswerAnalysis analysis, @Nullable String lastAnswer, @Nullable MessageId replyTo,
                        Consumer<String> deltas) {
        Outcome outcome = phraseAndApply(state, move, stageEnd, analysis, lastAnswer, replyTo, clock.instant(),
                deltas);
        leases.ensureHeld(state.id());     // the brain may have run longer than a lost lease
        store.commit(state.version(), outcome.state(), List.of(outcome.turn()));
        notifier.turn(outcome.state(), outcome.turn());
        for (StageChange change : outcome.changes()) {
            notifier.stageChanged(outcome.state(), change);
        }
        if (outcome.phrased().fallback()) {
            counters.brainFallback();
            notifier.brainFallback(outcome.state(), outcome.turn(), outcome.phrased().failure());
        }
        if (outcome.phrased().repaired()) {
            counters.guardRepair();
        }
        if (!outcome.state().isActive()) {
            counters.completed();
            notifier.completed(outcome.state(), Objects.requireNonNull(outcome.state().closeReason()));
        }
        return new Reply(outcome.state(), outcome.turn(), outcome.changes(), false);
    }

    /** Phrases a move and computes the state after it; stores nothing. */
    public Outcome phraseAndApply(Interview state, Move move, StageProgress.@Nullable EndReason stageEnd,
                                  @Nullable AnswerAnalysis analysis, @Nullable String lastAnswer,
                                  @Nullable MessageId replyTo, Instant now, Consumer<String> deltas) {
        InterviewStyle style = styles.get(state.style());
        int contextTurns = brains.contextTurns();
        List<Turn> recent = contextTurns > 0 && state.turnCount() > 0
                ? store.recentTurns(state.id(), contextTurns) : List.of();
        int number = state.turnCount() + 1;
        BrainRequest request = new BrainRequest(state, move, guide.stage(move.stage()), style, analysis, lastAnswer,
                recent, number);
        PhrasedMessage phrased = brains.phrase(request, deltas);
        BrainReply reply = phrased.reply();

        StateUpdates.Applied applied = updates.applyMove(state, move, stageEnd, now);
        Interview.Builder next = applied.next();
        if (!reply.knowledge().isEmpty()) {
            next.knowledge(merger.merge(next.knowledge(), reply.knowledge()));
        }
        Interview interim = next.build();
        for (Stage stage : EnumSet.of(state.stage(), move.stage())) {
            Integer estimate = stage == state.stage() && !phrased.fallback() ? brainEstimate(reply) : null;
            next.progress(updates.withCompleteness(interim.progress(stage), interim, estimate));
        }
        Turn turn = Turn.interviewer(number, move.type() == MoveType.CLOSE ? Turn.Kind.CLOSING : Turn.Kind.QUESTION,
                reply.message(), move.stage(), now, replyTo, move.type().code(), move.depth(), reply.phrasedBy(),
                phrased.fallback());
        InterviewMemory memory = next.memory();
        for (String sentence : QuestionSentences.of(reply.message())) {
            memory = memory.withSentenceAsked(sentence);
        }
        Interview after = next.memory(memory).pendingQuestion(turn)
                .addAskedQuestion(QuestionFingerprint.of(reply.message()))
                .turnCount(number)
                .version(state.version() + 1)
                .updatedAt(now)
                .build();
        return new Outcome(after, turn, applied.changes(), phrased);
    }

    /**
     * A brain's view of the stage's completeness: its estimate, raised to the threshold when it says the stage is
     * ready to end. It only moves the stored figure part of the way (see {@code StateUpdates.withCompleteness}),
     * so the criteria in code still decide the transition; the model's end request is not obeyed at all — only the
     * analyzer's reading of the respondent's words can end an interview.
     */
    private @Nullable Integer brainEstimate(BrainReply reply) {
        Integer estimate = reply.completeness();
        if (Boolean.TRUE.equals(reply.transitionReady())) {
            estimate = Math.max(estimate == null ? 0 : estimate, guide.completenessThreshold());
        }
        return estimate;
    }
}
