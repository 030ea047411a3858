package dev.interviewagent.llm.micrometer;

import dev.interviewagent.llm.CircuitState;
import dev.interviewagent.llm.LlmBrain;
import dev.interviewagent.llm.LlmBrainMetrics;
import dev.interviewagent.llm.LlmBrainMetrics.CallOutcome;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * Micrometer meters over an {@link LlmBrain}'s counters ({@link LlmBrain#metrics()}) and its circuit breaker: calls
 * by outcome, retries, re-asks, validation failures, fallbacks, breaker state and tokens. The meters read the
 * brain's own counters when the registry is scraped, so they count from the brain's start, whenever they are bound.
 *
 * <pre>{@code
 * new LlmMetrics(brain).bindTo(registry);
 * }</pre>
 *
 * <p>Every meter is tagged {@code provider} ({@code openai}, {@code anthropic}) and {@code model} (the configured
 * model name), plus the extra tags given; never anything per interview.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>extra tags</th><th>what</th></tr>
 *   <tr><td>{@value #TURNS}</td><td>function counter</td><td></td><td>messages the brain was asked to
 *       phrase</td></tr>
 *   <tr><td>{@value #CALLS}</td><td>function counter</td><td>outcome</td><td>requests to the provider, by how they
 *       ended ({@link CallOutcome} codes)</td></tr>
 *   <tr><td>{@value #RETRIES}</td><td>function counter</td><td></td><td>requests repeated after a 429, 5xx,
 *       timeout or network error</td></tr>
 *   <tr><td>{@value #REASKS}</td><td>function counter</td><td></td><td>corrective re-asks after a reply failed
 *       validation</td></tr>
 *   <tr><td>{@value #VALIDATION_FAILURES}</td><td>function counter</td><td></td><td>replies rejected by
 *       validation</td></tr>
 *   <tr><td>{@value #REPAIRS}</td><td>function counter</td><td></td><td>safe repairs made to accepted
 *       replies</td></tr>
 *   <tr><td>{@value #DROPPED}</td><td>function counter</td><td>what ({@code values}, {@code knowledge})</td>
 *       <td>values and knowledge items of accepted replies that were not kept</td></tr>
 *   <tr><td>{@value #FALLBACKS}</td><td>function counter</td><td></td><td>turns the brain gave up on (the
 *       offline brain phrased them)</td></tr>
 *   <tr><td>{@value #BREAKER_REJECTIONS}</td><td>function counter</td><td></td><td>turns refused at once because
 *       the circuit was open</td></tr>
 *   <tr><td>{@value #BREAKER_STATE}</td><td>gauge</td><td>state ({@code closed}, {@code open},
 *       {@code half_open})</td><td>1 for the breaker's current state, 0 for the others</td></tr>
 *   <tr><td>{@value #TOKENS}</td><td>function counter</td><td>type ({@code prompt}, {@code completion})</td>
 *       <td>tokens the provider reported; stays 0 for a provider that reports none</td></tr>
 * </table>
 *
 * <p>Thread-safe. Bind one instance per brain; two brains with the same provider and model need a distinguishing
 * tag ({@link #LlmMetrics(LlmBrain, Iterable)}), or the registry keeps only the first brain's meters.
 */
public final class LlmMetrics implements MeterBinder {

    /** Function counter of messages the brain was asked to phrase. */
    public static final String TURNS = "interview.llm.turns";
    /** Function counter of requests to the provider, tagged {@code outcome}. */
    public static final String CALLS = "interview.llm.calls";
    /** Function counter of repeated requests. */
    public static final String RETRIES = "interview.llm.retries";
    /** Function counter of corrective re-asks. */
    public static final String REASKS = "interview.llm.reasks";
    /** Function counter of replies rejected by validation. */
    public static final String VALIDATION_FAILURES = "interview.llm.validation.failures";
    /** Function counter of repairs to accepted replies. */
    public static final String REPAIRS = "interview.llm.repairs";
    /** Function counter of dropped values and knowledge items, tagged {@code what}. */
    public static final String DROPPED = "interview.llm.dropped";
    /** Function counter of turns the brain gave up on. */
    public static final String FALLBACKS = "interview.llm.fallbacks";
    /** Function counter of turns refused by the open circuit. */
    public static final String BREAKER_REJECTIONS = "interview.llm.breaker.rejections";
    /** Gauge per breaker state, tagged {@code state}: 1 for the current one. */
    public static final String BREAKER_STATE = "interview.llm.breaker.state";
    /** Function counter of tokens, tagged {@code type}. */
    public static final String TOKENS = "interview.llm.tokens";

    private final LlmBrain brain;
    private final Tags tags;

    /** Meters of {@code brain}, tagged with its provider and model. */
    public LlmMetrics(LlmBrain brain) {
        this(brain, Tags.empty());
    }

    /** Meters of {@code brain}, tagged with its provider, model and {@code tags}. */
    public LlmMetrics(LlmBrain brain, Iterable<Tag> tags) {
        this.brain = Objects.requireNonNull(brain, "brain");
        this.tags = Tags.of("provider", brain.provider().code(), "model", brain.modelName())
                .and(Objects.requireNonNull(tags, "tags"));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        counter(registry, TURNS, Tags.empty(), "Messages the LLM brain was asked to phrase", LlmBrainMetrics::turns);
        for (CallOutcome outcome : CallOutcome.values()) {
            counter(registry, CALLS, Tags.of("outcome", outcome.code()), "Requests to the model provider",
                    m -> m.calls(outcome));
        }
        counter(registry, RETRIES, Tags.empty(), "Requests repeated after a 429, 5xx, timeout or network error",
                LlmBrainMetrics::retries);
        counter(registry, REASKS, Tags.empty(), "Corrective re-asks after a reply failed validation",
                LlmBrainMetrics::reAsks);
        counter(registry, VALIDATION_FAILURES, Tags.empty(), "Model replies rejected by validation",
                LlmBrainMetrics::validationFailures);
        counter(registry, REPAIRS, Tags.empty(), "Safe repairs made to accepted model replies",
                LlmBrainMetrics::repairs);
        counter(registry, DROPPED, Tags.of("what", "values"), "Values of accepted replies set to null",
                LlmBrainMetrics::droppedValues);
        counter(registry, DROPPED, Tags.of("what", "knowledge"), "Knowledge items of accepted replies not kept",
                LlmBrainMetrics::droppedKnowledge);
        counter(registry, FALLBACKS, Tags.empty(), "Turns the LLM brain gave up on (the offline brain answered)",
                LlmBrainMetrics::fallbacksSignalled);
        counter(registry, BREAKER_REJECTIONS, Tags.empty(), "Turns refused at once because the circuit was open",
                LlmBrainMetrics::circuitOpen);
        counter(registry, TOKENS, Tags.of("type", "prompt"), "Tokens the provider counted in requests",
                LlmBrainMetrics::promptTokens);
        counter(registry, TOKENS, Tags.of("type", "completion"), "Tokens the provider counted in replies",
                LlmBrainMetrics::completionTokens);
        for (CircuitState state : CircuitState.values()) {
            Gauge.builder(BREAKER_STATE, brain, b -> b.circuitState() == state ? 1 : 0)
                    .tags(tags).tag("state", state.code())
                    .description("1 for the circuit breaker's current state, 0 for the others")
                    .register(registry);
        }
    }

    private void counter(MeterRegistry registry, String name, Tags extra, String description,
                         ToLongFunction<LlmBrainMetrics> count) {
        FunctionCounter.builder(name, brain, b -> count.applyAsLong(b.metrics()))
                .tags(tags.and(extra))
                .description(description)
                .register(registry);
    }
}
