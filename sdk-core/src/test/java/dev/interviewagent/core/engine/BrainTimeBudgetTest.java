package dev.interviewagent.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.brain.MethodologyBrain;
import dev.interviewagent.core.metrics.EngineObserver;
import dev.interviewagent.core.metrics.EngineObserver.BrainCall;
import dev.interviewagent.core.spi.BrainReply;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.core.spi.InterviewerBrain;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The brain timeout bounds the respondent's wait, not only the brain's share of it. A turn that spent the timeout
 * waiting for its interview's lock (a second tab answering while the first turn's model is slow) is phrased by the
 * offline brain at once, without asking the model, and the call is reported as {@code skipped}: under overload the
 * slow path is shed instead of every turn queueing behind it for another full timeout.
 */
class BrainTimeBudgetTest {

    private static final Duration BRAIN_TIMEOUT = Duration.ofSeconds(8);
    /**
     * Within the brain's share of the timeout (seven eighths, 7 s), yet it leaves the turn waiting for the lock less
     * than the least budget worth a model call (an eighth of the timeout).
     */
    private static final Duration SLOW_MODEL = BRAIN_TIMEOUT.minusMillis(1_500);

    private final SlowFirstAnswerBrain brain = new SlowFirstAnswerBrain();
    private final List<BrainCall> calls = new CopyOnWriteArrayList<>();
    private final InterviewEngine engine = InterviewEngine.builder().brain(brain)
            .brainTimeout(BRAIN_TIMEOUT).lockTimeout(Duration.ofSeconds(10))
            .observer(new EngineObserver() {
                @Override
                public void onBrainCall(BrainCall call) {
                    calls.add(call);
                }
            }).build();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void should_phrase_offline_without_asking_the_model_when_the_turn_waited_out_the_timeout_for_its_lock()
            throws Exception {
        brain.slowFirstAnswer = true;
        InterviewId id = engine.start(StartRequest.builder().language(Language.ENGLISH).build()).interviewId();
        CompletableFuture<Reply> first = CompletableFuture.supplyAsync(() -> engine.answer(id,
                Answer.text("m-1", "I run the night shift in a bakery: 40 kg of dough, three ovens, two people.")));
        assertThat(brain.slowCallStarted.await(10, TimeUnit.SECONDS)).as("the first turn reached the model").isTrue();

        // the same interview from a second tab: waits for the lock while the model phrases the first turn
        Reply second = engine.answer(id, Answer.text("m-2",
                "Before anything else I check the proofing room's temperature, it should be 27 degrees."));

        Reply firstReply = first.get(10, TimeUnit.SECONDS);
        assertThat(firstReply.message().fallback()).as("the first turn's model answered in time").isFalse();
        assertThat(second.message().fallback()).as("the second turn was phrased offline").isTrue();
        assertThat(second.message().text()).isNotBlank();
        assertThat(brain.answerCalls.get()).as("the model was asked only for the first turn").isEqualTo(1);
        assertThat(calls).filteredOn(c -> c.role() == BrainCall.Role.PRIMARY)
                .extracting(BrainCall::outcome)
                .containsExactly(BrainCall.Outcome.OK, BrainCall.Outcome.OK, BrainCall.Outcome.SKIPPED);
        assertThat(engine.transcript(id)).hasSize(5);
    }

    @Test
    void should_count_the_time_an_answer_waited_in_the_channel_against_the_brain_timeout() {
        InterviewId id = engine.start(StartRequest.builder().language(Language.ENGLISH).build()).interviewId();

        Reply queued = engine.answer(id, Answer.text("m-1", "I have baked bread on the night shift for nine years."),
                delta -> { }, BRAIN_TIMEOUT.minusMillis(100));
        Reply prompt = engine.answer(id, Answer.text("m-2", "Most nights we bake 400 loaves with two people."),
                delta -> { }, Duration.ZERO);

        assertThat(queued.message().fallback()).as("waited nearly the whole timeout in the channel").isTrue();
        assertThat(prompt.message().fallback()).as("did not wait").isFalse();
        assertThat(calls).filteredOn(c -> c.role() == BrainCall.Role.PRIMARY).extracting(BrainCall::outcome)
                .containsExactly(BrainCall.Outcome.OK, BrainCall.Outcome.SKIPPED, BrainCall.Outcome.OK);
    }

    /** A model that can take {@link #SLOW_MODEL} for the first answer's reply, and is quick otherwise. */
    private static final class SlowFirstAnswerBrain implements InterviewerBrain {
        private final InterviewerBrain phrasing = MethodologyBrain.create();
        private final AtomicInteger answerCalls = new AtomicInteger();
        private final CountDownLatch slowCallStarted = new CountDownLatch(1);
        private volatile boolean slowFirstAnswer;

        @Override
        public String id() {
            return "slow-first";
        }

        @Override
        public BrainReply phrase(BrainRequest request) {
            if (request.turnNumber() > 1 && answerCalls.incrementAndGet() == 1 && slowFirstAnswer) {
                slowCallStarted.countDown();
                try {
                    Thread.sleep(SLOW_MODEL.toMillis());   // the model's latency is what this test is about
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            return phrasing.phrase(request);
        }
    }
}
