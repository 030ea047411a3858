package dev.interviewagent.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.brain.MethodologyBrain;
import dev.interviewagent.core.exception.ConcurrentTurnException;
import dev.interviewagent.core.spi.BrainReply;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.core.spi.InterviewerBrain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Turns of different interviews never wait for each other. 2,000 interviews whose model takes 5 s per answer are
 * answered at once on one engine with a 1 s lock timeout: an answer queued behind an unrelated interview's turn
 * would give up after its three 1 s attempts (the other turn holds its lock for 5 s) with
 * {@link ConcurrentTurnException} ({@code busy}), and each attempt would count as a conflict.
 */
class UnrelatedInterviewsTest {

    private static final int INTERVIEWS = 2_000;
    private static final Duration MODEL_LATENCY = Duration.ofSeconds(5);

    private final SleepingBrain brain = new SleepingBrain();
    private final InterviewEngine engine = InterviewEngine.builder().brain(brain).lockTimeout(Duration.ofSeconds(1))
            .brainTimeout(Duration.ofSeconds(120)).build();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void should_never_answer_busy_when_2000_interviews_with_a_slow_model_are_answered_at_once() throws Exception {
        List<InterviewId> ids = new ArrayList<>();
        for (int i = 0; i < INTERVIEWS; i++) {
            ids.add(engine.start(StartRequest.builder().language(Language.ENGLISH).build()).interviewId());
        }
        Queue<Reply> replies = new ConcurrentLinkedQueue<>();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        // One caller thread per interview (and the engine starts one brain thread per call): every answer is in
        // flight at the same time, as with 2,000 connected respondents.
        ExecutorService callers = Executors.newFixedThreadPool(INTERVIEWS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> calls = new ArrayList<>();
        try {
            for (InterviewId id : ids) {
                calls.add(callers.submit(() -> {
                    go.await();
                    try {
                        replies.add(engine.answer(id,
                                Answer.text("m-1", "We check every order against the list, then pack it in 3 boxes.")));
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> call : calls) {
                call.get(5, TimeUnit.MINUTES);
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(failures).filteredOn(ConcurrentTurnException.class::isInstance).as("busy answers").isEmpty();
        assertThat(failures).as("other failures").isEmpty();
        assertThat(engine.metrics().conflicts()).as("lock waits that gave up").isZero();
        assertThat(replies).hasSize(INTERVIEWS)
                .allSatisfy(reply -> assertThat(reply.message().replyTo()).isEqualTo(MessageId.of("m-1")))
                .noneMatch(Reply::duplicate);
        assertThat(brain.answersPhrased.get()).as("model calls for answers").isEqualTo(INTERVIEWS);
        for (InterviewId id : ids) {
            assertThat(engine.transcript(id)).hasSize(3);
        }
    }

    /** A model that takes {@link #MODEL_LATENCY} to phrase each reply to an answer (the opening is immediate). */
    private static final class SleepingBrain implements InterviewerBrain {
        private final InterviewerBrain phrasing = MethodologyBrain.create();
        private final AtomicInteger answersPhrased = new AtomicInteger();

        @Override
        public String id() {
            return "sleeping";
        }

        @Override
        public BrainReply phrase(BrainRequest request) {
            if (request.turnNumber() > 1) {
                answersPhrased.incrementAndGet();
                try {
                    Thread.sleep(MODEL_LATENCY.toMillis());   // the model's latency is what this test is about
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            return phrasing.phrase(request);
        }
    }
}
