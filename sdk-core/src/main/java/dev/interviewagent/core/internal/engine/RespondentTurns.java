package dev.interviewagent.core.internal.engine;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.exception.InterviewClosedException;
import dev.interviewagent.core.exception.InterviewException;
import dev.interviewagent.core.internal.analysis.AnswerAnalyzer;
import dev.interviewagent.core.internal.lock.TurnLeases;
import dev.interviewagent.core.internal.planner.Planner;
import dev.interviewagent.core.internal.text.TextSanitizer;
import dev.interviewagent.core.internal.understanding.AnswerReader;
import dev.interviewagent.core.internal.understanding.AnswerReading;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import dev.interviewagent.core.spi.InterviewStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a respondent's message does, under the interview's lock: a repeat is answered from the log; otherwise the
 * message is stored first (so a crash loses nothing typed), then the interviewer's reply is committed.
 */
public final class RespondentTurns {

    private final InterviewStore store;
    private final TurnLeases leases;
    private final AnswerAnalyzer analyzer;
    private final AnswerReader reader;
    private final AnswerKnowledge answerKnowledge;
    private final StateUpdates updates;
    private final Planner planner;
    private final TurnCommitter committer;
    private final ReplyRecovery recovery;
    private final InterviewNotifier notifier;
    private final EngineCounters counters;
    private final Clock clock;
    private final int maxAnswerChars;

    public RespondentTurns(InterviewStore store, TurnLeases leases, AnswerAnalyzer analyzer, AnswerReader reader,
                           AnswerKnowledge answerKnowledge, StateUpdates updates, Planner planner,
                           TurnCommitter committer, ReplyRecovery recovery, InterviewNotifier notifier,
                           EngineCounters counters, Clock clock, int maxAnswerChars) {
        this.store = store;
        this.leases = leases;
        this.analyzer = analyzer;
        this.reader = reader;
        this.answerKnowledge = answerKnowledge;
        this.updates = updates;
        this.planner = planner;
        this.committer = committer;
        this.recovery = recovery;
        this.notifier = notifier;
        this.counters = counters;
        this.clock = clock;
        this.maxAnswerChars = maxAnswerChars;
    }

    /** Takes an answer to the interview in {@code state} and returns the interviewer's next message. */
    public Reply answer(Interview state, Answer answer, Consumer<String> deltas) {
        InterviewId id = state.id();
        Optional<Reply> repeat = recovery.repeatOf(state, answer.messageId());
        if (repeat.isPresent()) {
            return repeat.get();
        }
        if (!state.isActive()) {
            counters.rejected();
            throw new InterviewClosedException("interview " + id + " has ended (" + state.status().code() + ")");
        }
        String text;
        try {
            text = TextSanitizer.cleanAnswer(answer.text(), maxAnswerChars);
        } catch (InterviewException e) {
            counters.rejected();
            throw e;
        }
        state = recovery.recoverIfAwaitingReply(state);
        if (!state.isActive()) {
            throw new InterviewClosedException("interview " + id + " has ended (" + state.status().code() + ")");
        }
        Instant now = clock.instant();
        AnswerAnalysis analysis = analyzer.analyze(text, state.language());
        AnswerReading reading = reader.read(text, state.language());
        int number = state.turnCount() + 1;
        Turn answerTurn = Turn.answer(number, text, state.stage(), answer.modality(), now, answer.confidence(),
                answer.messageId());
        List<KnowledgeItem> knowledge = answerKnowledge.after(state, text, analysis, reading, number);
        Interview recorded = withAnsweredAhead(updates.recordAnswer(state, answerTurn, analysis, reading, knowledge,
                now), text);
        leases.ensureHeld(id);
        store.commit(state.version(), recorded, List.of(answerTurn));
        counters.answered();
        notifier.turn(recorded, answerTurn);
        return committer.reply(recorded, answerTurn, analysis, reading, deltas);
    }

    /**
     * The interview with the guide's questions this answer already answers recorded as asked: an expert who
     * answered ahead is never asked for what they just said.
     */
    private Interview withAnsweredAhead(Interview recorded, String text) {
        List<String> answered = planner.answeredAhead(recorded, text);
        if (answered.isEmpty()) {
            return recorded;
        }
        Interview.Builder next = recorded.toBuilder();
        answered.forEach(next::addAskedQuestion);
        return next.build();
    }

    /** Ends the interview in {@code state} at the respondent's request and returns the closing message. */
    public Reply complete(Interview state, MessageId messageId) {
        Optional<Reply> repeat = recovery.repeatOf(state, messageId);
        if (repeat.isPresent()) {
            return repeat.get();
        }
        if (!state.isActive()) {
            return ReplyRecovery.pendingReply(state, true);
        }
        Instant now = clock.instant();
        Turn command = Turn.command(state.turnCount() + 1, "/complete", state.stage(), now, messageId);
        Interview recorded = updates.recordCommand(state, command, now);
        leases.ensureHeld(state.id());
        store.commit(state.version(), recorded, List.of(command));
        counters.answered();
        return committer.commit(recorded, planner.closeEarly(recorded), null, null, null, messageId, s -> { });
    }
}
