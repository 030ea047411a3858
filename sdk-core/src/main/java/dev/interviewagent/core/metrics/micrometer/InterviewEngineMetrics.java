package dev.interviewagent.core.metrics.micrometer;

import dev.interviewagent.core.metrics.EngineObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer meters for an {@link dev.interviewagent.core.InterviewEngine}: turn and brain latency, answers,
 * fallbacks, stage transitions, completions and store write latency. It is the engine's {@link EngineObserver}
 * and a {@link MeterBinder}: pass it to the engine's builder, and bind it to a registry (Spring Boot binds every
 * {@code MeterBinder} bean by itself).
 *
 * <pre>{@code
 * InterviewEngineMetrics metrics = new InterviewEngineMetrics();
 * InterviewEngine engine = InterviewEngine.builder().observer(metrics).build();
 * metrics.bindTo(registry);
 * }</pre>
 *
 * <p>Every tag has a small, fixed set of values (operation, outcome, error code, language, style, stage, reason,
 * brain id, modality); none carries an interview id or respondent text. A value the engine did not know (the
 * language of a call that failed before the interview was read) is {@code unknown}; a missing error is {@code none}.
 * Meters appear on their first event. Timers publish no histogram by default: turn one on with a
 * {@code MeterFilter} (Spring Boot: {@code management.metrics.distribution.percentiles-histogram.interview=true}).
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 *   <tr><td>{@value #TURN_DURATION}</td><td>timer</td><td>operation, outcome, error, language</td>
 *       <td>each start, answer and complete call, lock waits included</td></tr>
 *   <tr><td>{@value #STARTS}</td><td>counter</td><td>language, style</td><td>interviews started</td></tr>
 *   <tr><td>{@value #ANSWERS}</td><td>counter</td><td>language, stage, modality</td><td>answers taken (not
 *       repeats)</td></tr>
 *   <tr><td>{@value #BRAIN_DURATION}</td><td>timer</td><td>brain, role, outcome</td><td>each brain call</td></tr>
 *   <tr><td>{@value #BRAIN_FALLBACKS}</td><td>counter</td><td>brain, reason</td><td>messages the offline brain
 *       phrased because the configured brain failed</td></tr>
 *   <tr><td>{@value #STAGE_TRANSITIONS}</td><td>counter</td><td>from, to, reason</td><td>stage changes</td></tr>
 *   <tr><td>{@value #STAGE_COMPLETENESS}</td><td>summary (percent)</td><td>stage, reason</td><td>completeness a
 *       stage reached when it ended</td></tr>
 *   <tr><td>{@value #COMPLETIONS}</td><td>counter</td><td>reason, language, style</td><td>interviews
 *       ended</td></tr>
 *   <tr><td>{@value #COMPLETION_TURNS}</td><td>summary (turns)</td><td>reason</td><td>length of each ended
 *       interview</td></tr>
 *   <tr><td>{@value #STORE_COMMIT_DURATION}</td><td>timer</td><td>operation, outcome</td><td>each write of an
 *       interview to the store</td></tr>
 * </table>
 *
 * <p>Thread-safe. Events that arrive before the first {@link #bindTo} are not counted; one instance may serve
 * several engines (their counts add up) and be bound to several registries. Use
 * {@link #InterviewEngineMetrics(Iterable)} with a distinguishing tag to keep engines apart.
 */
public final class InterviewEngineMetrics implements EngineObserver, MeterBinder {

    /** Timer of engine calls. */
    public static final String TURN_DURATION = "interview.turn.duration";
    /** Counter of interviews started. */
    public static final String STARTS = "interview.starts";
    /** Counter of answers taken. */
    public static final String ANSWERS = "interview.answers";
    /** Timer of brain calls. */
    public static final String BRAIN_DURATION = "interview.brain.duration";
    /** Counter of messages the offline brain phrased because the configured brain failed. */
    public static final String BRAIN_FALLBACKS = "interview.brain.fallbacks";
    /** Counter of stage changes. */
    public static final String STAGE_TRANSITIONS = "interview.stage.transitions";
    /** Distribution of the completeness stages reached when they ended. */
    public static final String STAGE_COMPLETENESS = "interview.stage.completeness";
    /** Counter of interviews that ended. */
    public static final String COMPLETIONS = "interview.completions";
    /** Distribution of the number of turns of ended interviews. */
    public static final String COMPLETION_TURNS = "interview.completion.turns";
    /** Timer of store writes. */
    public static final String STORE_COMMIT_DURATION = "interview.store.commit.duration";

    /** The tag value of a fact the engine did not know. */
    public static final String UNKNOWN = "unknown";
    /** The {@code error} tag value of a call that did not fail. */
    public static final String NONE = "none";

    private final Tags tags;
    private final List<Meters> bound = new CopyOnWriteArrayList<>();

    /** Meters without extra tags. */
    public InterviewEngineMetrics() {
        this(Tags.empty());
    }

    /** Meters carrying {@code tags} as well (e.g. {@code engine=support} when a host runs several engines). */
    public InterviewEngineMetrics(Iterable<Tag> tags) {
        this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        bound.add(new Meters(Objects.requireNonNull(registry, "registry"), tags));
    }

    @Override
    public void onTurn(TurnTiming turn) {
        String language = turn.language() == null ? UNKNOWN : turn.language().code();
        String error = turn.error() == null ? NONE : turn.error().wireValue();
        boolean handled = turn.outcome() == TurnTiming.Outcome.OK || turn.outcome() == TurnTiming.Outcome.FALLBACK;
        for (Meters m : bound) {
            m.turnDuration.withTags("operation", turn.operation().code(), "outcome", turn.outcome().code(),
                    "error", error, "language", language).record(turn.duration());
            if (handled && turn.operation() == TurnTiming.Operation.START) {
                m.starts.withTags("language", language, "style", orUnknown(turn.style())).increment();
            }
            if (handled && turn.operation() == TurnTiming.Operation.ANSWER) {
                m.answers.withTags("language", language,
                        "stage", turn.stage() == null ? UNKNOWN : turn.stage().code(),
                        "modality", turn.modality() == null ? UNKNOWN : turn.modality().code()).increment();
            }
        }
    }

    @Override
    public void onBrainCall(BrainCall call) {
        for (Meters m : bound) {
            m.brainDuration.withTags("brain", call.brain(), "role", call.role().code(),
                    "outcome", call.outcome().code()).record(call.duration());
            if (call.role() == BrainCall.Role.PRIMARY && call.outcome() != BrainCall.Outcome.OK) {
                m.brainFallbacks.withTags("brain", call.brain(), "reason", call.outcome().code()).increment();
            }
        }
    }

    @Override
    public void onStageTransition(StageTransition transition) {
        for (Meters m : bound) {
            m.stageTransitions.withTags("from", transition.from().code(), "to", transition.to().code(),
                    "reason", transition.reason().code()).increment();
            m.stageCompleteness.withTags("stage", transition.from().code(), "reason", transition.reason().code())
                    .record(transition.completeness());
        }
    }

    @Override
    public void onCompletion(Completion completion) {
        for (Meters m : bound) {
            m.completions.withTags("reason", completion.reason().code(), "language", completion.language().code(),
                    "style", completion.style()).increment();
            m.completionTurns.withTags("reason", completion.reason().code()).record(completion.turns());
        }
    }

    @Override
    public void onStoreWrite(StoreWrite write) {
        for (Meters m : bound) {
            m.storeWrites.withTags("operation", write.operation().code(), "outcome", write.outcome().code())
                    .record(write.duration());
        }
    }

    private static String orUnknown(@Nullable String value) {
        return value == null ? UNKNOWN : value;
    }

    /** The meters of one registry, looked up by their varying tags on each event. */
    private static final class Meters {
        final Meter.MeterProvider<Timer> turnDuration;
        final Meter.MeterProvider<Counter> starts;
        final Meter.MeterProvider<Counter> answers;
        final Meter.MeterProvider<Timer> brainDuration;
        final Meter.MeterProvider<Counter> brainFallbacks;
        final Meter.MeterProvider<Counter> stageTransitions;
        final Meter.MeterProvider<DistributionSummary> stageCompleteness;
        final Meter.MeterProvider<Counter> completions;
        final Meter.MeterProvider<DistributionSummary> completionTurns;
        final Meter.MeterProvider<Timer> storeWrites;

        Meters(MeterRegistry registry, Tags tags) {
            turnDuration = Timer.builder(TURN_DURATION).tags(tags)
                    .description("Engine calls (start, answer, complete), from the call to its reply or error")
                    .withRegistry(registry);
            starts = Counter.builder(STARTS).tags(tags).description("Interviews started")
                    .withRegistry(registry);
            answers = Counter.builder(ANSWERS).tags(tags)
                    .description("Answers taken, by the stage they were given in (repeats not counted)")
                    .withRegistry(registry);
            brainDuration = Timer.builder(BRAIN_DURATION).tags(tags)
                    .description("Brain calls phrasing one interviewer message").withRegistry(registry);
            brainFallbacks = Counter.builder(BRAIN_FALLBACKS).tags(tags)
                    .description("Messages the offline brain phrased because the configured brain failed")
                    .withRegistry(registry);
            stageTransitions = Counter.builder(STAGE_TRANSITIONS).tags(tags)
                    .description("Stage changes").withRegistry(registry);
            stageCompleteness = DistributionSummary.builder(STAGE_COMPLETENESS).tags(tags).baseUnit("percent")
                    .description("Completeness a stage reached when it ended").withRegistry(registry);
            completions = Counter.builder(COMPLETIONS).tags(tags).description("Interviews that ended")
                    .withRegistry(registry);
            completionTurns = DistributionSummary.builder(COMPLETION_TURNS).tags(tags).baseUnit("turns")
                    .description("Turns in the log of each interview that ended").withRegistry(registry);
            storeWrites = Timer.builder(STORE_COMMIT_DURATION).tags(tags)
                    .description("Writes of an interview's state and turns to the store").withRegistry(registry);
        }
    }
}
