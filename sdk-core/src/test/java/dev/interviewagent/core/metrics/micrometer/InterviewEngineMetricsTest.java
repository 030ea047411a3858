package dev.interviewagent.core.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewListener;
import dev.interviewagent.core.InterviewSnapshot;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StageChange;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.brain.MethodologyBrain;
import dev.interviewagent.core.exception.ConcurrentTurnException;
import dev.interviewagent.core.exception.InterviewClosedException;
import dev.interviewagent.core.exception.InterviewNotFoundException;
import dev.interviewagent.core.exception.InvalidInputException;
import dev.interviewagent.core.scenario.InterviewDriver;
import dev.interviewagent.core.scenario.ScriptedExperts;
import dev.interviewagent.core.spi.BrainReply;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.core.spi.InterviewerBrain;
import dev.interviewagent.core.store.InMemoryInterviewStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Real interviews through an engine observed by {@link InterviewEngineMetrics}, read back from a registry. */
class InterviewEngineMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InterviewEngineMetrics metrics = new InterviewEngineMetrics();

    @Test
    void should_time_every_turn_and_count_answers_stages_and_the_ending_when_a_whole_interview_runs() {
        List<StageChange> changes = new ArrayList<>();
        InterviewListener stages = new InterviewListener() {
            @Override
            public void onStageChanged(InterviewSnapshot interview, StageChange change) {
                changes.add(change);
            }
        };
        try (InterviewEngine engine = InterviewEngine.builder().observer(metrics).listener(stages).build()) {
            metrics.bindTo(registry);

            Reply last = InterviewDriver.run(engine, ScriptedExperts.icuNurse(), "master");

            List<Turn> log = engine.transcript(last.interviewId());
            List<Turn> answers = log.stream().filter(Turn::isRespondent).toList();
            List<Turn> questions = log.stream().filter(Turn::isInterviewer).toList();
            assertThat(last.completed()).isTrue();
            assertThat(timer(InterviewEngineMetrics.TURN_DURATION, "operation", "start", "outcome", "ok",
                    "error", "none", "language", "en").count()).isOne();
            assertThat(timer(InterviewEngineMetrics.TURN_DURATION, "operation", "answer", "outcome", "ok",
                    "error", "none", "language", "en").count()).isEqualTo(answers.size());
            assertThat(timer(InterviewEngineMetrics.TURN_DURATION, "operation", "answer").totalTime(
                    TimeUnit.NANOSECONDS)).isPositive();
            assertThat(counter(InterviewEngineMetrics.STARTS, "language", "en", "style", "master").count())
                    .isEqualTo(1.0);

            Map<String, Long> answersByStage = answers.stream()
                    .collect(Collectors.groupingBy(t -> t.stage().code(), Collectors.counting()));
            answersByStage.forEach((stage, count) -> assertThat(counter(InterviewEngineMetrics.ANSWERS,
                    "language", "en", "stage", stage, "modality", "text").count()).as(stage)
                    .isEqualTo(count.doubleValue()));
            assertThat(sum(registry.find(InterviewEngineMetrics.ANSWERS).counters())).isEqualTo(answers.size());

            assertThat(changes).isNotEmpty();
            for (StageChange change : changes) {
                long same = changes.stream().filter(change::equals).count();
                assertThat(counter(InterviewEngineMetrics.STAGE_TRANSITIONS, "from", change.from().code(),
                        "to", change.to().code(), "reason", change.reason().code()).count()).isEqualTo(same);
            }
            assertThat(sum(registry.find(InterviewEngineMetrics.STAGE_TRANSITIONS).counters()))
                    .isEqualTo(changes.size());
            assertThat(registry.find(InterviewEngineMetrics.STAGE_COMPLETENESS).summaries().stream()
                    .mapToLong(DistributionSummary::count).sum()).isEqualTo(changes.size());

            assertThat(counter(InterviewEngineMetrics.COMPLETIONS, "reason", "normal", "language", "en",
                    "style", "master").count()).isEqualTo(1.0);
            DistributionSummary length = registry.get(InterviewEngineMetrics.COMPLETION_TURNS)
                    .tags("reason", "normal").summary();
            assertThat(length.count()).isOne();
            assertThat(length.totalAmount()).isEqualTo(log.size());

            assertThat(timer(InterviewEngineMetrics.BRAIN_DURATION, "brain", MethodologyBrain.ID, "role", "only",
                    "outcome", "ok").count()).isEqualTo(questions.size());
            assertThat(registry.find(InterviewEngineMetrics.BRAIN_FALLBACKS).counters()).isEmpty();

            assertThat(timer(InterviewEngineMetrics.STORE_COMMIT_DURATION, "operation", "create", "outcome", "ok")
                    .count()).isOne();
            // each answer is stored before the brain is asked, and its reply after
            assertThat(timer(InterviewEngineMetrics.STORE_COMMIT_DURATION, "operation", "commit", "outcome", "ok")
                    .count()).isEqualTo(2L * answers.size());
        }
    }

    @Test
    void should_tag_errors_duplicates_and_an_early_ending_with_their_codes() {
        try (InterviewEngine engine = InterviewEngine.builder().observer(metrics).build()) {
            metrics.bindTo(registry);
            Reply start = engine.start(StartRequest.builder().language(Language.RUSSIAN).style("conversational")
                    .build());
            InterviewId id = start.interviewId();

            assertThatThrownBy(() -> engine.answer(InterviewId.of("no-such-interview"), Answer.text("m-0", "Hi")))
                    .isInstanceOf(InterviewNotFoundException.class);
            assertThatThrownBy(() -> engine.answer(id, Answer.text("m-1", "   ")))
                    .isInstanceOf(InvalidInputException.class);
            engine.answer(id, Answer.voice(MessageId.of("m-2"), "Я двенадцать лет работаю диспетчером.", 0.93));
            engine.answer(id, Answer.voice(MessageId.of("m-2"), "Я двенадцать лет работаю диспетчером.", 0.93));
            engine.complete(id, MessageId.of("stop"));
            assertThatThrownBy(() -> engine.answer(id, Answer.text("m-3", "Ещё одно")))
                    .isInstanceOf(InterviewClosedException.class);

            assertThat(timer(InterviewEngineMetrics.TURN_DURATION, "operation", "answer", "outcome", "error",
                    "error", "not_found", "language", "unknown").count()).isOne();
            assertThat(timer(InterviewEngineMetrics.TURN_DURATION, "operation", "answer", "outcome", "error",
                    "error", "bad_request", "language", "unknown").count()).isEqualTo(2);
            assertThat(timer(InterviewEngineMetrics.TURN_DURATION, "operation", "answer", "outcome", "ok",
                    "error", "none", "language", "ru").count()).isOne();
            assertThat(timer(InterviewEngineMetrics.TURN_DURATION, "operation", "answer", "outcome", "duplicate",
                    "error", "none", "language", "ru").count()).isOne();
            assertThat(timer(InterviewEngineMetrics.TURN_DURATION, "operation", "complete", "outcome", "ok",
                    "error", "none", "language", "ru").count()).isOne();
            assertThat(counter(InterviewEngineMetrics.ANSWERS, "language", "ru", "stage", "greeting",
                    "modality", "voice").count()).as("the repeat is not counted").isEqualTo(1.0);
            assertThat(counter(InterviewEngineMetrics.COMPLETIONS, "reason", "early", "language", "ru",
                    "style", "conversational").count()).isEqualTo(1.0);
        }
    }

    @Test
    void should_count_a_fallback_with_its_reason_when_the_configured_brain_fails_times_out_or_is_unusable() {
        CountDownLatch never = new CountDownLatch(1);
        List<String> behaviour = new ArrayList<>(List.of("ok", "throw", "hang", "no-question"));
        InterviewerBrain flaky = new InterviewerBrain() {
            @Override
            public String id() {
                return "flaky";
            }

            @Override
            public BrainReply phrase(BrainRequest request) {
                String next = behaviour.isEmpty() ? "ok" : behaviour.remove(0);
                switch (next) {
                    case "throw" -> throw new IllegalStateException("provider down");
                    case "hang" -> {
                        try {
                            never.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        throw new IllegalStateException("interrupted");
                    }
                    case "no-question" -> {
                        return BrainReply.of("Thank you for that.", "flaky");
                    }
                    default -> {
                        return BrainReply.of("Question " + request.turnNumber() + ": what do you do first?",
                                "flaky");
                    }
                }
            }
        };
        try (InterviewEngine engine = InterviewEngine.builder().observer(metrics).brain(flaky)
                .brainTimeout(Duration.ofMillis(200)).build()) {
            metrics.bindTo(registry);
            Reply reply = engine.start(StartRequest.builder().language(Language.ENGLISH).build());
            for (int i = 0; i < 3; i++) {
                reply = engine.answer(reply.interviewId(), Answer.text("m-" + i,
                        "I have been a dispatcher for twelve years at a regional depot (" + i + ")."));
                assertThat(reply.message().fallback()).isTrue();
            }
        } finally {
            never.countDown();
        }

        for (String reason : List.of("error", "timeout", "unusable")) {
            assertThat(counter(InterviewEngineMetrics.BRAIN_FALLBACKS, "brain", "flaky", "reason", reason).count())
                    .as(reason).isEqualTo(1.0);
            assertThat(timer(InterviewEngineMetrics.BRAIN_DURATION, "brain", "flaky", "role", "primary",
                    "outcome", reason).count()).as(reason).isOne();
        }
        assertThat(timer(InterviewEngineMetrics.BRAIN_DURATION, "brain", "flaky", "role", "primary",
                "outcome", "timeout").totalTime(TimeUnit.MILLISECONDS))
                .as("a timed-out call lasts what the turn had left of the brain timeout").isGreaterThanOrEqualTo(100);
        assertThat(timer(InterviewEngineMetrics.BRAIN_DURATION, "brain", MethodologyBrain.ID, "role", "fallback",
                "outcome", "ok").count()).isEqualTo(3);
        assertThat(timer(InterviewEngineMetrics.TURN_DURATION, "operation", "answer", "outcome", "fallback",
                "error", "none", "language", "en").count()).isEqualTo(3);
        assertThat(timer(InterviewEngineMetrics.TURN_DURATION, "operation", "start", "outcome", "ok",
                "error", "none", "language", "en").count()).isOne();
    }

    @Test
    void should_time_a_store_write_that_lost_a_version_race_as_a_conflict() {
        AtomicBoolean conflictNext = new AtomicBoolean();
        InterviewStore store = conflictingOnce(new InMemoryInterviewStore(), conflictNext);
        try (InterviewEngine engine = InterviewEngine.builder().observer(metrics).store(store).build()) {
            metrics.bindTo(registry);
            Reply start = engine.start(StartRequest.builder().language(Language.ENGLISH).build());
            conflictNext.set(true);

            Reply reply = engine.answer(start.interviewId(), Answer.text("m-1", "Twelve years at the depot."));

            assertThat(reply.message().number()).isEqualTo(3);
            assertThat(engine.metrics().conflicts()).isOne();
        }
        assertThat(timer(InterviewEngineMetrics.STORE_COMMIT_DURATION, "operation", "commit", "outcome", "conflict")
                .count()).isOne();
        assertThat(timer(InterviewEngineMetrics.STORE_COMMIT_DURATION, "operation", "commit", "outcome", "ok")
                .count()).isEqualTo(2);
        assertThat(timer(InterviewEngineMetrics.TURN_DURATION, "operation", "answer", "outcome", "ok").count())
                .as("the engine retried; the caller saw one successful turn").isOne();
    }

    @Test
    void should_record_into_every_bound_registry_with_the_extra_tags_and_nothing_before_binding() {
        InterviewEngineMetrics tagged = new InterviewEngineMetrics(Tags.of("engine", "support"));
        SimpleMeterRegistry second = new SimpleMeterRegistry();
        try (InterviewEngine engine = InterviewEngine.builder().observer(tagged).build()) {
            engine.start(StartRequest.builder().language(Language.ENGLISH).build());
            assertThat(registry.getMeters()).isEmpty();

            tagged.bindTo(registry);
            tagged.bindTo(second);
            engine.start(StartRequest.builder().language(Language.ENGLISH).build());
        }
        for (SimpleMeterRegistry r : List.of(registry, second)) {
            assertThat(r.get(InterviewEngineMetrics.STARTS).tags("engine", "support").counter().count())
                    .isEqualTo(1.0);
            assertThat(r.getMeters()).allSatisfy(m -> assertThat(m.getId().getTag("engine")).isEqualTo("support"));
        }
    }

    private Timer timer(String name, String... tags) {
        return registry.get(name).tags(tags).timer();
    }

    private Counter counter(String name, String... tags) {
        return registry.get(name).tags(tags).counter();
    }

    private static double sum(Collection<Counter> counters) {
        return counters.stream().mapToDouble(Counter::count).sum();
    }

    /** {@code delegate}, whose next commit after {@code armed} is set fails as a lost version race. */
    static InterviewStore conflictingOnce(InterviewStore delegate, AtomicBoolean armed) {
        return (InterviewStore) Proxy.newProxyInstance(InterviewStore.class.getClassLoader(),
                new Class<?>[] {InterviewStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("commit") && armed.compareAndSet(true, false)) {
                        throw new ConcurrentTurnException("another writer won");
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
