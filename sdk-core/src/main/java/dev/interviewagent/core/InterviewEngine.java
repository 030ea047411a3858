package dev.interviewagent.core;

import dev.interviewagent.core.brain.MethodologyBrain;
import dev.interviewagent.core.exception.ConcurrentTurnException;
import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.core.exception.InterviewClosedException;
import dev.interviewagent.core.exception.InterviewException;
import dev.interviewagent.core.exception.InterviewNotFoundException;
import dev.interviewagent.core.exception.InvalidInputException;
import dev.interviewagent.core.exception.StoreException;
import dev.interviewagent.core.guide.InterviewGuide;
import dev.interviewagent.core.guide.InterviewStyles;
import dev.interviewagent.core.internal.engine.EngineParts;
import dev.interviewagent.core.internal.engine.ReplyRecovery;
import dev.interviewagent.core.metrics.EngineObserver.TurnTiming;
import dev.interviewagent.core.metrics.EngineObserver;
import dev.interviewagent.core.report.KnowledgeReport;
import dev.interviewagent.core.report.ReportFormat;
import dev.interviewagent.core.report.ReportRenderer;
import dev.interviewagent.core.spi.InterviewLock;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.core.spi.InterviewerBrain;
import dev.interviewagent.core.store.InMemoryInterviewStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The facade of the SDK: starts interviews, takes answers and commands, and returns the interviewer's next
 * message. Channels call only this class.
 *
 * <p>Each turn runs under the interview's lock (one turn of an interview at a time, also across nodes with a
 * distributed {@link InterviewLock}); a turn whose lease was lost to another holder writes nothing and is retried.
 * The answer is stored before the brain is asked, and the interviewer's message is stored before it is returned,
 * so a crash loses nothing typed: a retry with the same message id, or {@link #pending(InterviewId)}, regenerates
 * a missing reply. A repeated message id returns the same reply and changes nothing.
 *
 * <p>Thread-safe: one engine serves any number of interviews concurrently. Methods block on the store and the brain
 * (each bounded by a timeout). Every failure is an {@link InterviewException} with an
 * {@link dev.interviewagent.core.exception.ErrorCode}; nothing else escapes. Respondent text is never logged.
 *
 * <pre>{@code
 * try (InterviewEngine engine = InterviewEngine.builder().build()) {   // offline brain, in-memory store
 *     Reply first = engine.start(StartRequest.builder().language(Language.ENGLISH).build());
 *     System.out.println(first.message().text());
 *     Reply next = engine.answer(first.interviewId(), Answer.text("m-1", "I started as a nurse in 2009 ..."));
 * }
 * }</pre>
 */
public final class InterviewEngine implements AutoCloseable {

    /** Default time a brain may take to phrase one message before the offline brain answers instead. */
    public static final Duration DEFAULT_BRAIN_TIMEOUT = Duration.ofSeconds(30);
    /** Default time a turn waits for another turn of the same interview to finish. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(15);
    /** Default longest answer accepted, in characters after cleaning (about 3,000 words). */
    public static final int DEFAULT_MAX_ANSWER_CHARS = 20_000;
    /** The most turns one {@link #history(InterviewId, Integer, int)} page holds. */
    public static final int MAX_HISTORY_PAGE = 200;
    /**
     * The SLF4J {@link org.slf4j.MDC} key that holds the interview id while the engine works on an interview
     * (start, answer, complete, pending, abandonment, deletion), on the caller's thread and on the brain's. Add
     * {@code %X{interviewId}} to a log pattern, or filter on it in a JSON log pipeline.
     */
    public static final String MDC_INTERVIEW_ID = "interviewId";

    private final InterviewGuide guide;
    private final InterviewStyles styles;
    private final EngineParts parts;
    private final ReportRenderer renderer = new ReportRenderer();

    private InterviewEngine(Builder b) {
        this.guide = b.guide;
        this.styles = b.styles;
        this.parts = EngineParts.assemble(new EngineParts.Settings(b.store, b.lock, b.guide, b.styles, b.brain,
                b.fallbackBrain, b.listener, b.observer, b.clock, b.ids, b.brainTimeout, b.lockTimeout,
                b.maxAnswerChars, b.brainExecutor));
    }

    /** A builder with the defaults: offline brain, in-memory store, built-in guide and styles. */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------------------------------------ start

    /**
     * Starts an interview and returns its opening message (turn 1). With an
     * {@link StartRequest#idempotencyKey()}, a repeated request returns the interview it started before.
     *
     * @throws dev.interviewagent.core.exception.InvalidInputException for an unknown style
     * @throws StoreException if the store fails
     */
    public Reply start(StartRequest request) {
        Objects.requireNonNull(request, "request");
        return parts.events().turn(TurnTiming.Operation.START, null, () -> parts.starter().start(request));
    }

    // ------------------------------------------------------------------------------------------------ answer

    /** Takes one answer and returns the interviewer's next message. See {@link #answer(InterviewId, Answer, Consumer)}. */
    public Reply answer(InterviewId id, Answer answer) {
        return answer(id, answer, delta -> { });
    }

    /**
     * Takes one answer and returns the interviewer's next message (or the closing message). The answer is stored
     * before the brain is asked. A repeated message id returns the earlier reply unchanged.
     *
     * @param deltas receives pieces of the next message while a streaming brain produces it (preview only)
     * @throws InterviewNotFoundException if there is no such interview
     * @throws InterviewClosedException   if the interview has ended
     * @throws dev.interviewagent.core.exception.InvalidInputException  for empty text
     * @throws dev.interviewagent.core.exception.InputTooLargeException for text over the limit
     * @throws ConcurrentTurnException    if another turn of this interview holds the lock too long (retry is safe)
     * @throws StoreException             if the store fails (retry with the same message id is safe)
     */
    public Reply answer(InterviewId id, Answer answer, Consumer<String> deltas) {
        return answer(id, answer, deltas, Duration.ZERO);
    }

    /**
     * Like {@link #answer(InterviewId, Answer, Consumer)} for an answer that already waited {@code waited} in the
     * channel (a queue of turns, a transcription). The brain timeout bounds the respondent's whole wait: the brain
     * gets what is left of it after the wait, the lock and storing the answer, less an eighth kept back for the
     * phrasing, commit and send after it, and is not asked at all when too little is left (the offline brain phrases the turn, marked as a fallback) — so an overloaded server answers
     * in time instead of queueing every turn behind a slow model.
     */
    public Reply answer(InterviewId id, Answer answer, Consumer<String> deltas, Duration waited) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(deltas, "deltas");
        Objects.requireNonNull(waited, "waited");
        return parts.events().turn(TurnTiming.Operation.ANSWER, answer.modality(), waited, () -> parts.turns()
                .withRetries(id, () -> parts.respondent().answer(parts.turns().load(id), answer, deltas)));
    }

    // ------------------------------------------------------------------------------------------------ complete

    /**
     * Ends the interview at the respondent's request (command or button) and returns the closing message. The
     * report lists the stages that were skipped. Idempotent by message id; completing an ended interview returns
     * its closing message.
     *
     * @throws InterviewNotFoundException if there is no such interview
     */
    public Reply complete(InterviewId id, MessageId messageId) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(messageId, "messageId");
        return parts.events().turn(TurnTiming.Operation.COMPLETE, null, () -> parts.turns().withRetries(id,
                () -> parts.respondent().complete(parts.turns().load(id), messageId)));
    }

    // ------------------------------------------------------------------------------------------------ reads

    /**
     * The message waiting for an answer (the same turn number every time), for a channel that reconnects or a
     * console that resumes. If the process stopped between storing an answer and storing its reply, the reply is
     * generated now.
     *
     * @throws InterviewNotFoundException if there is no such interview
     */
    public Reply pending(InterviewId id) {
        return parts.turns().withRetries(id, () -> ReplyRecovery.pendingReply(
                parts.recovery().recoverIfAwaitingReply(parts.turns().load(id)), false));
    }

    /**
     * The interview's current state.
     *
     * @throws InterviewNotFoundException if there is no such interview
     */
    public InterviewSnapshot status(InterviewId id) {
        return parts.turns().load(id);
    }

    /**
     * The whole turn log, in order.
     *
     * @throws InterviewNotFoundException if there is no such interview
     */
    public List<Turn> transcript(InterviewId id) {
        return parts.reads().transcript(id);
    }

    /**
     * One page of the conversation so far, for a respondent who comes back (a reload, a reconnect, a resumed
     * console): the turns numbered below {@code before}, at most {@code limit} of them, oldest first, read from the
     * store's turn log — questions, answers (typed or the confirmed transcript of a spoken one), commands and the
     * closing message. Start without a cursor for the newest page, then pass {@link HistoryPage#next()} as
     * {@code before} while {@link HistoryPage#more()}. Reads only; takes no lock, so it never waits for a turn.
     *
     * @param before the cursor: only turns numbered below it; null for the newest page
     * @param limit  the most turns in the page, 1–{@value #MAX_HISTORY_PAGE}
     * @throws InterviewNotFoundException if there is no such interview
     * @throws InvalidInputException if {@code before} is below 1 or {@code limit} is out of range
     * @throws StoreException if the store fails (retriable)
     */
    public HistoryPage history(InterviewId id, @Nullable Integer before, int limit) {
        return parts.reads().history(Objects.requireNonNull(id, "id"), before, limit, MAX_HISTORY_PAGE);
    }

    /**
     * The knowledge report: partial while the interview runs, final once it has ended.
     *
     * @throws InterviewNotFoundException if there is no such interview
     */
    public KnowledgeReport report(InterviewId id) {
        return parts.reads().report(id);
    }

    /**
     * The report rendered as JSON or Markdown.
     *
     * @throws InterviewNotFoundException if there is no such interview
     */
    public String report(InterviewId id, ReportFormat format) {
        return renderer.render(report(id), format);
    }

    /** The active interview bound to a channel key, if any. */
    public Optional<InterviewId> findActive(String channelKey) {
        return parts.store().findActiveByChannelKey(Objects.requireNonNull(channelKey, "channelKey"));
    }

    /**
     * Marks active interviews with no change for longer than {@code idleFor} as {@link InterviewStatus#ABANDONED}.
     * They are kept (archived), never deleted.
     *
     * @return how many were marked
     */
    public int abandonIdle(Duration idleFor) {
        return parts.housekeeping().abandonIdle(Objects.requireNonNull(idleFor, "idleFor"));
    }

    /**
     * Deletes an interview and everything stored about it.
     *
     * @return whether it existed
     */
    public boolean delete(InterviewId id) {
        return parts.housekeeping().delete(id);
    }

    /** The guide interviews of this engine start with. */
    public InterviewGuide guide() {
        return guide;
    }

    /** The styles this engine knows. */
    public InterviewStyles styles() {
        return styles;
    }

    /** A snapshot of this engine's counters. */
    public EngineMetrics metrics() {
        return parts.counters().snapshot();
    }

    /** Stops the engine's own brain threads (an executor passed to the builder is left alone). */
    @Override
    public void close() {
        if (parts.ownsExecutor()) {
            parts.brainExecutor().shutdownNow();
        }
    }

    /**
     * Builds an {@link InterviewEngine}. Every part has a working default; setters reject nulls and out-of-range
     * values at once. Not thread-safe.
     */
    public static final class Builder {
        private InterviewStore store = new InMemoryInterviewStore();
        private InterviewLock lock = InterviewLock.local();
        private InterviewGuide guide;
        private InterviewStyles styles;
        private InterviewerBrain brain;
        private InterviewerBrain fallbackBrain;
        private InterviewListener listener = InterviewListener.NONE;
        private EngineObserver observer = EngineObserver.NONE;
        private Clock clock = Clock.systemUTC();
        private Supplier<InterviewId> ids = InterviewId::random;
        private Duration brainTimeout = DEFAULT_BRAIN_TIMEOUT;
        private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
        private int maxAnswerChars = DEFAULT_MAX_ANSWER_CHARS;
        private @Nullable ExecutorService brainExecutor;

        private Builder() {
        }

        /** Where interviews are stored. Default: {@link InMemoryInterviewStore}. */
        public Builder store(InterviewStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** How turns of one interview are serialised. Default: {@link InterviewLock#local()} (one node). */
        public Builder lock(InterviewLock lock) {
            this.lock = Objects.requireNonNull(lock, "lock");
            return this;
        }

        /** The guide new interviews use. Default: {@link InterviewGuide#expertise()}. */
        public Builder guide(InterviewGuide guide) {
            this.guide = Objects.requireNonNull(guide, "guide");
            return this;
        }

        /** The styles interviews may use. Default: {@link InterviewStyles#builtIn()}. */
        public Builder styles(InterviewStyles styles) {
            this.styles = Objects.requireNonNull(styles, "styles");
            return this;
        }

        /** The brain that phrases each move. Default: the offline {@link MethodologyBrain}. */
        public Builder brain(InterviewerBrain brain) {
            this.brain = Objects.requireNonNull(brain, "brain");
            return this;
        }

        /** The brain used when {@link #brain} fails or times out. Default: the offline {@link MethodologyBrain}. */
        public Builder fallbackBrain(InterviewerBrain fallbackBrain) {
            this.fallbackBrain = Objects.requireNonNull(fallbackBrain, "fallbackBrain");
            return this;
        }

        /** Told of every start, turn, stage change and ending. Default: {@link InterviewListener#NONE}. */
        public Builder listener(InterviewListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Receives the duration and outcome of every turn, brain call and store write, each stage change and each
         * ending, for metrics (e.g. {@code dev.interviewagent.core.metrics.micrometer.InterviewEngineMetrics}).
         * Default: {@link EngineObserver#NONE}, which measures nothing.
         */
        public Builder observer(EngineObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        /** The clock for timestamps and idle checks. Default: {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where new interview ids come from. Default: random UUIDs. */
        public Builder idSupplier(Supplier<InterviewId> ids) {
            this.ids = Objects.requireNonNull(ids, "ids");
            return this;
        }

        /** How long the brain may take per message. Default: {@link #DEFAULT_BRAIN_TIMEOUT}. Must be > 0. */
        public Builder brainTimeout(Duration brainTimeout) {
            this.brainTimeout = positive("brainTimeout", brainTimeout);
            return this;
        }

        /** How long a turn waits for the interview's lock. Default: {@link #DEFAULT_LOCK_TIMEOUT}. Must be > 0. */
        public Builder lockTimeout(Duration lockTimeout) {
            this.lockTimeout = positive("lockTimeout", lockTimeout);
            return this;
        }

        /** The longest answer accepted. Default: {@link #DEFAULT_MAX_ANSWER_CHARS}. Must be 1–1,000,000. */
        public Builder maxAnswerChars(int maxAnswerChars) {
            if (maxAnswerChars < 1 || maxAnswerChars > 1_000_000) {
                throw new IllegalArgumentException("maxAnswerChars must be 1-1000000, was " + maxAnswerChars);
            }
            this.maxAnswerChars = maxAnswerChars;
            return this;
        }

        /** The executor brain calls run on (so a timeout can abandon them). Default: the engine's own daemon pool. */
        public Builder brainExecutor(ExecutorService brainExecutor) {
            this.brainExecutor = Objects.requireNonNull(brainExecutor, "brainExecutor");
            return this;
        }

        /** The engine, with the default of every part not set. */
        public InterviewEngine build() {
            guide = guide != null ? guide : InterviewGuide.expertise();
            styles = styles != null ? styles : InterviewStyles.builtIn();
            fallbackBrain = fallbackBrain != null ? fallbackBrain : MethodologyBrain.create();
            brain = brain != null ? brain : fallbackBrain;
            return new InterviewEngine(this);
        }

        private static Duration positive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be > 0, was " + value);
            }
            return value;
        }
    }
}
