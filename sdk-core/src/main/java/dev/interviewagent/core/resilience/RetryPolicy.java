package dev.interviewagent.core.resilience;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;

/**
 * When to try a failed call again: at most {@code maxAttempts} attempts in all, waiting an exponential back-off
 * between them — {@code initialBackoff}, multiplied by {@code multiplier} after each retry, never above
 * {@code maxBackoff} — and at least as long as a provider's Retry-After, unless that is longer than
 * {@code maxRetryAfter}, in which case the call is not tried again at all (a caller should not hold a respondent for
 * minutes). With {@code jitter}, each wait is "equal jitter": half fixed, half random, so many clients failing at once
 * do not come back at once, and waits never collapse to zero under load.
 *
 * <p>Whether an error is worth retrying is the caller's to decide; this policy only says how long to wait.
 *
 * @param maxAttempts    attempts in all, the first included (1 means no retry)
 * @param initialBackoff the wait before the second attempt (before jitter)
 * @param multiplier     how the wait grows after each retry, at least 1
 * @param maxBackoff     the longest back-off (before jitter)
 * @param maxRetryAfter  the longest Retry-After honoured; a longer one ends the retries
 * @param jitter         whether waits are randomised (equal jitter)
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
                          Duration maxRetryAfter, boolean jitter) {

    /** @throws IllegalArgumentException when a value is out of range */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        requireNotNegative(initialBackoff, "initialBackoff");
        requireNotNegative(maxBackoff, "maxBackoff");
        requireNotNegative(maxRetryAfter, "maxRetryAfter");
        if (!(multiplier >= 1 && multiplier <= 10)) {
            throw new IllegalArgumentException("multiplier must be in [1, 10], was " + multiplier);
        }
        if (initialBackoff.compareTo(maxBackoff) > 0) {
            throw new IllegalArgumentException("initialBackoff must be <= maxBackoff, was " + initialBackoff + " > "
                    + maxBackoff);
        }
    }

    /** Doubling waits from {@code initialBackoff} up to {@code maxBackoff}, no jitter, Retry-After up to the cap. */
    public static RetryPolicy exponential(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        return new RetryPolicy(maxAttempts, initialBackoff, 2.0, maxBackoff, maxBackoff, false);
    }

    /** This policy with another number of attempts. */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialBackoff, multiplier, maxBackoff, maxRetryAfter, jitter);
    }

    /** This policy honouring a Retry-After up to {@code limit}. */
    public RetryPolicy withMaxRetryAfter(Duration limit) {
        return new RetryPolicy(maxAttempts, initialBackoff, multiplier, maxBackoff, limit, jitter);
    }

    /** This policy with equal jitter on (or off). */
    public RetryPolicy withJitter(boolean on) {
        return new RetryPolicy(maxAttempts, initialBackoff, multiplier, maxBackoff, maxRetryAfter, on);
    }

    /**
     * The back-off before retry number {@code retry} (0 for the wait after the first attempt), before jitter and
     * Retry-After: {@code initialBackoff × multiplier^retry}, capped at {@code maxBackoff}.
     */
    public Duration backoff(int retry) {
        if (retry < 0) {
            throw new IllegalArgumentException("retry must be >= 0, was " + retry);
        }
        double nanos = initialBackoff.toNanos() * Math.pow(multiplier, Math.min(retry, 62));
        long cap = maxBackoff.toNanos();
        return Duration.ofNanos(nanos >= cap || Double.isNaN(nanos) ? cap : (long) nanos);
    }

    /**
     * How long to wait after attempt number {@code attempt} (1 for the first) failed, or empty when there is to be no
     * further attempt: the attempts are spent, or the provider asked for a wait over {@code maxRetryAfter}.
     *
     * @param retryAfter the provider's Retry-After, if it sent one
     * @param random     a source of numbers in [0, 1) for the jitter (ignored without jitter)
     */
    public Optional<Duration> waitAfter(int attempt, @Nullable Duration retryAfter, DoubleSupplier random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
        }
        if (attempt >= maxAttempts) {
            return Optional.empty();
        }
        if (retryAfter != null && retryAfter.compareTo(maxRetryAfter) > 0) {
            return Optional.empty();
        }
        Duration wait = backoff(attempt - 1);
        if (jitter) {
            long ceiling = wait.toNanos();
            wait = Duration.ofNanos(ceiling / 2 + (long) (random.getAsDouble() * (ceiling / 2.0)));
        }
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        return Optional.of(wait);
    }

    private static void requireNotNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + value);
        }
    }
}
