package dev.interviewagent.llm.internal;

import dev.interviewagent.core.exception.BrainUnavailableException;
import dev.interviewagent.core.internal.errors.ScrubbedException;
import dev.interviewagent.core.resilience.RetryPolicy;
import dev.interviewagent.core.resilience.Sleeper;
import dev.interviewagent.llm.CircuitState;
import dev.interviewagent.llm.LlmBrain;
import dev.interviewagent.llm.LlmBrainMetrics.CallOutcome;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the model with bounded retries and a circuit breaker. Retries 429, 5xx, timeouts and network errors as the
 * settings' {@link RetryPolicy} says (exponential back-off with jitter, at least a server's Retry-After, none when
 * that is longer than allowed), and never waits past the turn's deadline. After {@code breakerThreshold} provider faults in a row
 * ({@link ModelCallException#providerFault()}) the circuit opens and calls fail fast (the engine's offline brain
 * answers) until one probe succeeds. Thread-safe.
 */
final class ResilientCaller {

    private static final Logger log = LoggerFactory.getLogger(ResilientCaller.class);

    private final LlmSettings settings;
    private final ModelClient client;
    private final LlmCounters counters;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final CircuitBreaker breaker;
    private final RetryPolicy retries;

    ResilientCaller(LlmSettings settings, ModelClient client, LlmCounters counters, Sleeper sleeper,
                    DoubleSupplier random) {
        this.settings = settings;
        this.client = client;
        this.counters = counters;
        this.sleeper = sleeper;
        this.random = random;
        this.retries = settings.retryPolicy();
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.breakerThreshold())
                .minimumNumberOfCalls(settings.breakerThreshold())
                .failureRateThreshold(100f)
                .waitDurationInOpenState(settings.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                // only provider faults count; a refused request counts as an answer, a bug of ours not at all
                .recordException(e -> e instanceof ModelCallException m && m.providerFault())
                .ignoreException(e -> !(e instanceof ModelCallException))
                .build();
        this.breaker = CircuitBreaker.of("llm-brain-" + settings.phrasedBy(), config);
        breaker.getEventPublisher().onStateTransition(event -> log.info("LLM brain {} circuit {}",
                settings.phrasedBy(), event.getStateTransition()));
    }

    /** The breaker's state: forced-open counts as open, disabled and metrics-only as closed. */
    CircuitState circuitState() {
        return switch (breaker.getState()) {
            case OPEN, FORCED_OPEN -> CircuitState.OPEN;
            case HALF_OPEN -> CircuitState.HALF_OPEN;
            default -> CircuitState.CLOSED;
        };
    }

    /**
     * Sends the prompt and returns the model's text.
     *
     * @param chunks gives each attempt its own consumer of streamed chunks (a retry streams from the start)
     *
     * @throws BrainUnavailableException when the circuit is open, the error is not retriable, the retries are spent
     *                                   or the deadline leaves no time for another attempt
     */
    String call(Object subject, ModelPrompt prompt, Supplier<Consumer<String>> chunks, Instant deadline) {
        if (!breaker.tryAcquirePermission()) {
            counters.circuitOpen.incrementAndGet();
            throw new BrainUnavailableException("LLM brain circuit is open after repeated provider failures");
        }
        long started = System.nanoTime();
        for (int attempt = 0; ; attempt++) {
            counters.calls.incrementAndGet();
            try {
                ModelClient.Output output = client.complete(prompt, chunks.get());
                String text = output.text();
                counters.callEnded(CallOutcome.OK);
                counters.tokens(output.promptTokens(), output.completionTokens());
                breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                log.debug("{} model replied in {} ms ({} chars, attempt {})", subject,
                        (System.nanoTime() - started) / 1_000_000, text.length(), attempt + 1);
                return text;
            } catch (ModelCallException e) {
                counters.callEnded(LlmCounters.outcomeOf(e.kind()));
                Duration wait = nextWait(e, attempt, deadline);
                if (wait == null) {
                    breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
                    log.debug("{} model call failed ({}, {}), giving up after {} attempts", subject, e.kind(),
                            e.status(), attempt + 1);
                    throw new BrainUnavailableException("LLM call failed: " + e.getMessage(), e);
                }
                counters.retries.incrementAndGet();
                log.debug("{} model call failed ({}, {}), retry {} in {} ms", subject, e.kind(), e.status(),
                        attempt + 1, wait.toMillis());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
                    throw new BrainUnavailableException("interrupted while backing off", interrupted);
                }
            } catch (RuntimeException e) {
                // the client maps every provider failure to ModelCallException: anything else is a bug
                counters.callEnded(CallOutcome.CLIENT_ERROR);
                breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
                RuntimeException scrubbed = ScrubbedException.of(e);
                log.error("{} model call failed unexpectedly", subject, scrubbed);
                throw new BrainUnavailableException("LLM call failed: " + e.getClass().getSimpleName(), scrubbed);
            }
        }
    }

    /** The wait before the next attempt, or null to give up (also when it would end past the turn's deadline). */
    @Nullable Duration nextWait(ModelCallException e, int attempt, Instant deadline) {
        if (!e.kind().retriable()) {
            return null;
        }
        Duration wait = retries.waitAfter(attempt + 1, e.retryAfter(), random).orElse(null);
        if (wait == null) {
            return null;
        }
        Instant next = settings.clock().instant().plus(wait);
        if (next.plus(settings.callTimeout().dividedBy(4)).isAfter(deadline)) {
            return null;
        }
        return wait;
    }
}
