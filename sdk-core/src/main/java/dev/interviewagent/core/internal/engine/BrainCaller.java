package dev.interviewagent.core.internal.engine;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.exception.BrainUnavailableException;
import dev.interviewagent.core.exception.InterviewException;
import dev.interviewagent.core.internal.errors.ScrubbedException;
import dev.interviewagent.core.internal.guard.OneQuestionGuard;
import dev.interviewagent.core.internal.guard.QuestionFingerprint;
import dev.interviewagent.core.internal.text.QuestionSentences;
import dev.interviewagent.core.metrics.EngineObserver.BrainCall;
import dev.interviewagent.core.metrics.EngineObserver;
import dev.interviewagent.core.spi.BrainReply;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.core.spi.InterviewerBrain;
import dev.interviewagent.core.spi.Move;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the configured brain with a timeout, checks its output (one question, not blank, not a repeat) and falls
 * back to the offline brain on any failure, so the interview always continues. The timeout counts from the start of
 * the turn ({@link TurnStart}): the brain gets what the turn has left of it, less a {@linkplain #reserve reserve} for
 * the work after it, and is not asked at all when that is too little to answer in. Reports each call's duration and
 * outcome to the engine's observer.
 */
public final class BrainCaller {

    private static final Logger log = LoggerFactory.getLogger(BrainCaller.class);

    private final InterviewerBrain brain;
    private final InterviewerBrain fallback;
    private final OneQuestionGuard guard;
    private final Duration timeout;
    private final Duration minimumBudget;
    private final Duration reserve;
    private final ExecutorService executor;
    private final EngineObserver observer;

    /** {@code observer} must not throw (see {@link EngineEvents#safe}). */
    public BrainCaller(InterviewerBrain brain, InterviewerBrain fallback, OneQuestionGuard guard, Duration timeout,
                       ExecutorService executor, EngineObserver observer) {
        this.brain = brain;
        this.fallback = fallback;
        this.guard = guard;
        this.timeout = timeout;
        this.minimumBudget = minimumBudget(timeout);
        this.reserve = reserve(timeout);
        this.executor = executor;
        this.observer = observer;
    }

    /**
     * The least time worth giving the brain: an eighth of the timeout, or 250 ms if that is more (half the timeout
     * when even 250 ms is more than that). A brain given less could hardly answer, and the respondent would wait for
     * nothing.
     */
    static Duration minimumBudget(Duration timeout) {
        Duration floor = Duration.ofMillis(250);
        Duration half = timeout.dividedBy(2);
        Duration eighth = timeout.dividedBy(8);
        Duration least = floor.compareTo(half) <= 0 ? floor : half;
        return eighth.compareTo(least) >= 0 ? eighth : least;
    }

    /**
     * The share of the timeout kept back from the brain for the work that follows it: the offline phrasing when the
     * brain gives up, the commit and the send. Under load that work waits for a core too, and without a reserve the
     * respondent whose model hung would wait the whole timeout and then that work on top.
     */
    static Duration reserve(Duration timeout) {
        return timeout.dividedBy(8);
    }

    public int contextTurns() {
        return Math.max(brain.contextTurns(), fallback.contextTurns());
    }

    public PhrasedMessage phrase(BrainRequest request, Consumer<String> deltas) {
        Set<String> asked = new HashSet<>(request.interview().askedQuestions());
        if (brain == fallback) {
            long started = System.nanoTime();
            BrainReply reply = phraseOffline(request, deltas, BrainCall.Role.ONLY, started);
            PhrasedMessage checked = checked(request, reply, asked, false, null);
            report(fallback, BrainCall.Role.ONLY, checked != null ? BrainCall.Outcome.OK
                    : BrainCall.Outcome.UNUSABLE, started);
            return checked;
        }
        Throwable failure;
        long started = System.nanoTime();
        long budget = timeout.toNanos() - reserve.toNanos() - TurnStart.elapsedNanos();
        if (budget < minimumBudget.toNanos()) {
            // The turn already used its time waiting (for the lock, the store, a busy server): asking the brain now
            // would keep the respondent waiting past the timeout, so the offline brain phrases it at once. Under
            // overload this sheds the slow path first instead of queueing every turn behind it.
            report(brain, BrainCall.Role.PRIMARY, BrainCall.Outcome.SKIPPED, started);
            return offline(request, asked, new BrainUnavailableException("brain " + brain.id()
                    + " not asked: the turn had " + Math.max(0, budget / 1_000_000)
                    + " ms of the brain timeout left after its reserve for phrasing, commit and send"));
        }
        try {
            BrainReply reply = callWithTimeout(request, deltas, budget);
            PhrasedMessage checked = checked(request, reply, asked, false, null);
            if (checked != null
                    && QuestionSentences.overused(request.interview().memory(), checked.reply().message())) {
                checked = null;     // the offline brain, which avoids such sentences, phrases it instead
            }
            if (checked != null) {
                report(brain, BrainCall.Role.PRIMARY, BrainCall.Outcome.OK, started);
                return checked;
            }
            report(brain, BrainCall.Role.PRIMARY, BrainCall.Outcome.UNUSABLE, started);
            failure = new BrainUnavailableException("brain " + brain.id() + " returned an unusable message");
        } catch (RuntimeException e) {
            report(brain, BrainCall.Role.PRIMARY, e.getCause() instanceof TimeoutException
                    ? BrainCall.Outcome.TIMEOUT : BrainCall.Outcome.ERROR, started);
            failure = e;
        }
        Throwable unexpected = unexpected(failure);
        if (unexpected != null) {
            // a bug in the brain (or here) must be seen, even though the interview goes on
            log.error("{} brain {} failed unexpectedly, offline brain phrases turn {}", request.interview().id(),
                    brain.id(), request.turnNumber(), ScrubbedException.of(unexpected));
        } else {
            log.debug("{} brain {} failed ({}), offline brain phrases turn {}", request.interview().id(), brain.id(),
                    failure.getClass().getSimpleName(), request.turnNumber());
        }
        return offline(request, asked, failure);
    }

    /** The offline brain's phrasing after {@code failure} of the configured brain, marked as a fallback. */
    private PhrasedMessage offline(BrainRequest request, Set<String> asked, Throwable failure) {
        long fallbackStarted = System.nanoTime();
        BrainReply offlineReply = phraseOffline(request, s -> { }, BrainCall.Role.FALLBACK, fallbackStarted);
        PhrasedMessage offline = checked(request, offlineReply, asked, true, failure);
        if (offline == null) {
            // The offline brain avoids repeats by design; if it still repeats, a repeated question beats a stuck
            // interview.
            offline = checked(request, offlineReply, Set.of(), true, failure);
        }
        report(fallback, BrainCall.Role.FALLBACK, offline != null ? BrainCall.Outcome.OK
                : BrainCall.Outcome.UNUSABLE, fallbackStarted);
        if (offline == null) {
            throw new BrainUnavailableException("offline brain returned an unusable message for move "
                    + request.move().type().code());
        }
        return offline;
    }

    /**
     * The offline brain's reply; a failure is reported before it propagates. A move the offline brain cannot phrase
     * with the respondent's words in it (a bug in a template pool, say) is phrased once more without them: the same
     * move as a plain question beats an interview that fails on every retry of the same answer.
     */
    private BrainReply phraseOffline(BrainRequest request, Consumer<String> deltas, BrainCall.Role role,
                                     long started) {
        try {
            return fallback.phrase(request, deltas);
        } catch (RuntimeException e) {
            Move move = request.move();
            Move plain = plain(move);
            if (!plain.equals(move)) {
                log.error("{} offline brain could not phrase move {} with the respondent's words, phrasing it "
                        + "without them", request.interview().id(), move.type().code(), ScrubbedException.of(e));
                try {
                    return fallback.phrase(new BrainRequest(request.interview(), plain, request.stage(),
                            request.style(), request.analysis(), request.lastAnswer(), request.recentTurns(),
                            request.turnNumber()), deltas);
                } catch (RuntimeException again) {
                    e.addSuppressed(again);
                }
            }
            report(fallback, role, BrainCall.Outcome.ERROR, started);
            throw e;
        }
    }

    /** The move without the respondent's words: no quote, recall, anchor or key insights. */
    static Move plain(Move move) {
        return new Move(move.type(), move.stage(), move.depth(), move.fromStage(), move.seedQuestion(), null, null,
                move.missing(), List.of(), move.closeReason(), move.acknowledge(), null);
    }

    private void report(InterviewerBrain called, BrainCall.Role role, BrainCall.Outcome outcome, long started) {
        if (observer != EngineObserver.NONE) {
            observer.onBrainCall(new BrainCall(called.id(), role, outcome, EngineEvents.since(started)));
        }
    }

    private BrainReply callWithTimeout(BrainRequest request, Consumer<String> deltas, long budgetNanos) {
        CompletableFuture<BrainReply> future = CompletableFuture.supplyAsync(
                LogContext.propagate(() -> brain.phrase(request, deltas)), executor);
        try {
            return future.get(budgetNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new BrainUnavailableException("brain " + brain.id() + " timed out after "
                    + budgetNanos / 1_000_000 + " ms (what was left of " + timeout + ")", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new BrainUnavailableException("brain " + brain.id() + " failed: " + cause.getClass().getSimpleName(),
                    cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new BrainUnavailableException("interrupted while waiting for brain " + brain.id(), e);
        }
    }

    /**
     * The error behind a brain failure that is not one of the SDK's own (a timeout, an unavailable provider, an
     * unusable message), or null: a brain that throws a NullPointerException has a bug, not an outage.
     */
    private static @Nullable Throwable unexpected(Throwable failure) {
        Throwable cause = failure instanceof BrainUnavailableException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof InterviewException || cause instanceof java.util.concurrent.TimeoutException
                || cause instanceof InterruptedException) {
            return null;
        }
        return cause;
    }

    /** The reply after the guard, or null if it cannot be used (no question where one is due, or a repeat). */
    private PhrasedMessage checked(BrainRequest request, BrainReply reply, Set<String> asked, boolean fallback,
                                   Throwable failure) {
        if (reply == null || reply.message().isBlank()) {
            return null;
        }
        Language language = request.interview().language();
        String message = reply.message().strip();
        boolean repaired = false;
        int questions = guard.countQuestions(message, language);
        if (request.move().type().asksQuestion()) {
            if (questions == 0) {
                return null;
            }
            if (questions > 1) {
                message = guard.repair(message, language);
                repaired = true;
                if (guard.countQuestions(message, language) != 1) {
                    return null;
                }
            }
        }
        if (asked.contains(QuestionFingerprint.of(message))) {
            return null;
        }
        return new PhrasedMessage(repaired ? reply.withMessage(message) : reply, fallback, repaired, failure);
    }

}
