package dev.interviewagent.core.internal.engine;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StageChange;
import dev.interviewagent.core.StageProgress;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.exception.StoreException;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.internal.analysis.AnswerAnalyzer;
import dev.interviewagent.core.internal.planner.Planner;
import dev.interviewagent.core.internal.understanding.AnswerReader;
import dev.interviewagent.core.spi.InterviewStore;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a message the engine has seen before, and finishes a turn a crash cut in half. The answer is stored
 * before the brain is asked, so after a crash the log can end in a respondent turn with no reply: the reply is
 * generated then, from the stored answer, the next time anyone touches the interview.
 */
public final class ReplyRecovery {

    // the engine's logger: operators follow an interview's life cycle under one name
    private static final Logger log = LoggerFactory.getLogger("dev.interviewagent.core.InterviewEngine");

    private final InterviewStore store;
    private final TurnCommitter committer;
    private final Planner planner;
    private final AnswerAnalyzer analyzer;
    private final AnswerReader reader;
    private final EngineCounters counters;

    public ReplyRecovery(InterviewStore store, TurnCommitter committer, Planner planner, AnswerAnalyzer analyzer,
                         AnswerReader reader, EngineCounters counters) {
        this.store = store;
        this.committer = committer;
        this.planner = planner;
        this.analyzer = analyzer;
        this.reader = reader;
        this.counters = counters;
    }

    /** The stored reply to a message id seen before, or a regenerated one if the reply was never stored. */
    public Optional<Reply> repeatOf(Interview state, MessageId messageId) {
        Optional<Turn> earlier = store.findByMessageId(state.id(), messageId);
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        Turn answered = earlier.get();
        for (Turn turn : store.turns(state.id())) {
            if (turn.number() > answered.number() && turn.isInterviewer() && messageId.equals(turn.replyTo())) {
                counters.duplicate();
                List<StageChange> changes = turn.stage() != answered.stage()
                        ? List.of(new StageChange(answered.stage(), turn.stage(),
                        state.progress(answered.stage()).completeness(), endReasonOf(state, answered.stage())))
                        : List.of();
                return Optional.of(new Reply(state, turn, changes, true));
            }
        }
        // The answer was stored but its reply was not (a crash in between): generate the reply now.
        counters.duplicate();
        return Optional.of(recover(state, answered));
    }

    /** {@code state}, or the state after the reply a crash left unwritten, if the log ends in the respondent's turn. */
    public Interview recoverIfAwaitingReply(Interview state) {
        Turn pending = state.pendingQuestion();
        if (pending != null && pending.number() == state.turnCount()) {
            return state;
        }
        List<Turn> tail = store.recentTurns(state.id(), 1);
        if (tail.isEmpty() || !tail.get(0).isRespondent()) {
            return state;
        }
        // the replies the engine builds carry the whole state; hosts see it only as a snapshot
        return (Interview) recover(state, tail.get(0)).interview();
    }

    private Reply recover(Interview state, Turn answered) {
        counters.recovery();
        log.info("{} recovering the reply to turn {}", state.id(), answered.number());
        if (answered.kind() == Turn.Kind.COMMAND) {
            return committer.commit(state, planner.closeEarly(state), null, null, null, answered.messageId(),
                    s -> { });
        }
        AnswerAnalysis analysis = analyzer.analyze(answered.text(), state.language());
        return committer.reply(state, answered, analysis, reader.read(answered.text(), state.language()), s -> { });
    }

    /** The message waiting for an answer, as a reply; {@code duplicate} when it answers a repeated request. */
    public static Reply pendingReply(Interview state, boolean duplicate) {
        Turn question = state.pendingQuestion();
        if (question == null) {
            throw new StoreException("interview " + state.id() + " has no message yet");
        }
        return new Reply(state, question, List.of(), duplicate);
    }

    private static StageProgress.EndReason endReasonOf(Interview state, Stage stage) {
        StageProgress.EndReason reason = state.progress(stage).endReason();
        return reason == null ? StageProgress.EndReason.CRITERIA_MET : reason;
    }
}
