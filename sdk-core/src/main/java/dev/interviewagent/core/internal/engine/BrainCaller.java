package dev.interviewagent.core.internal.engine;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.brain.OneQuestionGuard;
import dev.interviewagent.core.brain.QuestionFingerprint;
import dev.interviewagent.core.exception.BrainUnavailableException;
import dev.interviewagent.core.exception.InterviewException;
import dev.interviewagent.core.internal.errors.ScrubbedException;
import dev.interviewagent.core.internal.text.QuestionSentences;
import dev.interviewagent.core.metrics.EngineObserver;
import dev.interviewagent.core.metrics.EngineObserver.BrainCall;
import dev.interviewagent.core.spi.BrainReply;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.core.spi.InterviewerBrain;
import java.time.Duration;
import java.util.HashSet;
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
 * back to the offline brain on any failure, so the interview always continues. Reports each call's duration and
 * outcome to the engine's observer.
 */
public final class BrainCaller {

    private static final Logger log = LoggerFactory.getLogger(BrainCaller.class);

    private final InterviewerBrain brain;
    private final InterviewerBrain fallback;
    private final OneQuestionGuard guard;
    private final Duration timeout;
    private final ExecutorService executor;
    private final EngineObserver observer;

    /** {@code observer} must not throw (see {@link EngineEvents#safe}). */
    public BrainCaller(InterviewerBrain brain, InterviewerBrain fallback, OneQuestionGuard guard, Duration timeout,
                       ExecutorService executor, EngineObserver observer) {
        this.brain = brain;
        this.fallback = fallback;
        this.guard = guard;
        this.timeout = timeout;
        this.executor = executor;
        this.observer = observer;
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
        try {
            BrainReply reply = callWithTimeout(request, deltas);
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

    /** The offline brain's reply; a failure is reported before it propagates. */
    private BrainReply phraseOffline(BrainRequest request, Consumer<String> deltas, BrainCall.Role role,
                                     long started) {
        try {
            return fallback.phrase(request, deltas);
        } catch (RuntimeException e) {
            report(fallback, role, BrainCall.Outcome.ERROR, started);
            throw e;
        }
    }

    private void report(InterviewerBrain called, BrainCall.Role role, BrainCall.Outcome outcome, long started) {
        if (observer != EngineObserver.NONE) {
            observer.onBrainCall(new BrainCall(called.id(), role, outcome, EngineEvents.since(started)));
        }
    }

    private BrainReply callWithTimeout(BrainRequest request, Consumer<String> deltas) {
        CompletableFuture<BrainReply> future = CompletableFuture.supplyAsync(
                LogContext.propagate(() -> brain.phrase(request, deltas)), executor);
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new BrainUnavailableException("brain " + brain.id() + " timed out after " + timeout, e);
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
