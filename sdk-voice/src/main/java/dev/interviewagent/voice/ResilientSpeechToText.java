package dev.interviewagent.voice;

import dev.interviewagent.core.resilience.RetryPolicy;
import dev.interviewagent.core.resilience.Sleeper;
import dev.interviewagent.voice.SpeechException.Reason;
import dev.interviewagent.voice.provider.Checks;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps a {@link SpeechToText} with bounded retries and a concurrency limit.
 *
 * <p>Only {@link SpeechException#isRetriable() retriable} failures are retried (429, 5xx, timeouts, I/O, a full
 * bulkhead), waiting as the {@link RetryPolicy} says (the SDK's one retry policy, also the LLM brain's);
 * auth failures, rejected requests and audio problems fail at once. Each attempt holds one of
 * {@code maxConcurrentCalls} permits while it runs (not while it backs off); a caller waits up to
 * {@code maxWaitForPermit} for one, then gets {@link Reason#BUSY}. Thread-safe; closing it closes the delegate.
 */
public final class ResilientSpeechToText implements SpeechToText {

    /** Three attempts in all. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** 500 ms before the second attempt. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    /** Doubling. */
    public static final double DEFAULT_BACKOFF_MULTIPLIER = 2.0;
    /** Backoff never exceeds 8 s. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(8);
    /** Four calls to the provider at once. */
    public static final int DEFAULT_MAX_CONCURRENT_CALLS = 4;
    /** Wait up to 30 s for a free permit. */
    public static final Duration DEFAULT_MAX_WAIT_FOR_PERMIT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(ResilientSpeechToText.class);

    private final SpeechToText delegate;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Bulkhead bulkhead;
    private final AtomicLong retries = new AtomicLong();

    private ResilientSpeechToText(Builder builder) {
        this.delegate = builder.delegate;
        this.policy = builder.policy();
        this.sleeper = builder.sleeper;
        // a semaphore with a bounded wait: Resilience4j's bulkhead is exactly that, kept out of the public API
        this.bulkhead = Bulkhead.of(delegate.providerId(), BulkheadConfig.custom()
                .maxConcurrentCalls(builder.maxConcurrentCalls)
                .maxWaitDuration(builder.maxWaitForPermit)
                .build());
    }

    /** A builder around the given provider. */
    public static Builder builder(SpeechToText delegate) {
        return new Builder(delegate);
    }

    /** The wrapped provider with default retries and limits. */
    public static ResilientSpeechToText of(SpeechToText delegate) {
        return builder(delegate).build();
    }

    @Override
    public Transcript transcribe(AudioInput audio, TranscriptionOptions options) {
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(options, "options");
        for (int attempt = 1; ; attempt++) {
            try {
                return bulkhead.executeSupplier(() -> delegate.transcribe(audio, options));
            } catch (BulkheadFullException e) {
                SpeechException busy = new SpeechException(Reason.BUSY,
                        delegate.providerId() + " has too many transcriptions in progress", e);
                waitBeforeRetry(busy, attempt);
            } catch (SpeechException e) {
                waitBeforeRetry(e, attempt);
            }
        }
    }

    /** Waits before the next attempt, or throws {@code failure} when there is to be none. */
    private void waitBeforeRetry(SpeechException failure, int attempt) {
        Optional<Duration> wait = failure.isRetriable()
                ? policy.waitAfter(attempt, null, ThreadLocalRandom.current()::nextDouble)
                : Optional.empty();
        if (wait.isEmpty()) {
            throw failure;
        }
        retries.incrementAndGet();
        log.debug("{}: attempt {} failed ({}), retrying in {} ms", delegate.providerId(), attempt,
                failure.reason().code(), wait.get().toMillis());
        try {
            sleeper.sleep(wait.get());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    /** The wrapped provider's id. */
    @Override
    public String providerId() {
        return delegate.providerId();
    }

    /** How failed attempts are retried. */
    public RetryPolicy retryPolicy() {
        return policy;
    }

    /** Attempts repeated after a transient failure since this wrapper was built, for metrics. */
    public long retries() {
        return retries.get();
    }

    /** Calls to the provider running now, for metrics. */
    public int callsInProgress() {
        return bulkhead.getBulkheadConfig().getMaxConcurrentCalls()
                - bulkhead.getMetrics().getAvailableConcurrentCalls();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "ResilientSpeechToText[" + delegate + ", maxAttempts=" + policy.maxAttempts()
                + ", maxConcurrentCalls=" + bulkhead.getBulkheadConfig().getMaxConcurrentCalls() + "]";
    }

    /** Builds {@link ResilientSpeechToText}; setters validate at once. */
    public static final class Builder {
        private final SpeechToText delegate;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        private double backoffMultiplier = DEFAULT_BACKOFF_MULTIPLIER;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private int maxConcurrentCalls = DEFAULT_MAX_CONCURRENT_CALLS;
        private Duration maxWaitForPermit = DEFAULT_MAX_WAIT_FOR_PERMIT;
        private boolean jitter;
        private Sleeper sleeper = Sleeper.SYSTEM;

        private Builder(SpeechToText delegate) {
            this.delegate = Objects.requireNonNull(delegate, "delegate");
        }

        /** Attempts in all, 1 (no retry) to 10; default {@link #DEFAULT_MAX_ATTEMPTS}. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1 || maxAttempts > 10) {
                throw new IllegalArgumentException("maxAttempts must be in [1, 10], was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Default {@link #DEFAULT_INITIAL_BACKOFF}. */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = Checks.requirePositive(initialBackoff, "initialBackoff");
            return this;
        }

        /** At least 1; default {@link #DEFAULT_BACKOFF_MULTIPLIER}. */
        public Builder backoffMultiplier(double backoffMultiplier) {
            if (!(backoffMultiplier >= 1 && backoffMultiplier <= 10)) {
                throw new IllegalArgumentException("backoffMultiplier must be in [1, 10], was " + backoffMultiplier);
            }
            this.backoffMultiplier = backoffMultiplier;
            return this;
        }

        /** Default {@link #DEFAULT_MAX_BACKOFF}. */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = Checks.requirePositive(maxBackoff, "maxBackoff");
            return this;
        }

        /**
         * Takes attempts, back-off, multiplier and jitter from {@code policy} (a provider's Retry-After is not known
         * to the speech SDKs, so its limit is unused).
         */
        public Builder retryPolicy(RetryPolicy policy) {
            Objects.requireNonNull(policy, "policy");
            maxAttempts(policy.maxAttempts());
            this.initialBackoff = policy.initialBackoff();
            this.backoffMultiplier = policy.multiplier();
            this.maxBackoff = policy.maxBackoff();
            this.jitter = policy.jitter();
            return this;
        }

        /** How to wait between attempts; default {@link Sleeper#SYSTEM}. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Calls to the provider at once, at least 1; default {@link #DEFAULT_MAX_CONCURRENT_CALLS}. */
        public Builder maxConcurrentCalls(int maxConcurrentCalls) {
            if (maxConcurrentCalls < 1) {
                throw new IllegalArgumentException("maxConcurrentCalls must be >= 1, was " + maxConcurrentCalls);
            }
            this.maxConcurrentCalls = maxConcurrentCalls;
            return this;
        }

        /** How long a caller waits for a permit, zero for not at all; default {@link #DEFAULT_MAX_WAIT_FOR_PERMIT}. */
        public Builder maxWaitForPermit(Duration maxWaitForPermit) {
            Objects.requireNonNull(maxWaitForPermit, "maxWaitForPermit");
            if (maxWaitForPermit.isNegative()) {
                throw new IllegalArgumentException("maxWaitForPermit must be >= 0, was " + maxWaitForPermit);
            }
            this.maxWaitForPermit = maxWaitForPermit;
            return this;
        }

        /** @throws IllegalStateException if the initial backoff exceeds the maximum */
        public ResilientSpeechToText build() {
            if (initialBackoff.compareTo(maxBackoff) > 0) {
                throw new IllegalStateException(
                        "initialBackoff must be <= maxBackoff, was " + initialBackoff + " > " + maxBackoff);
            }
            return new ResilientSpeechToText(this);
        }

        private RetryPolicy policy() {
            return new RetryPolicy(maxAttempts, initialBackoff, backoffMultiplier, maxBackoff, Duration.ZERO, jitter);
        }
    }
}
