package dev.interviewagent.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.core.metrics.EngineObserver.BrainCall;
import dev.interviewagent.core.metrics.EngineObserver.Completion;
import dev.interviewagent.core.metrics.EngineObserver.StageTransition;
import dev.interviewagent.core.metrics.EngineObserver.StoreWrite;
import dev.interviewagent.core.metrics.EngineObserver.TurnTiming;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class EngineObserverTest {

    /** Records every event; throws after recording when told to. */
    private static final class Recording implements EngineObserver {
        final List<Object> events = new CopyOnWriteArrayList<>();
        private final boolean fail;

        Recording(boolean fail) {
            this.fail = fail;
        }

        private void add(Object event) {
            events.add(event);
            if (fail) {
                throw new IllegalStateException("observer broken");
            }
        }

        @Override
        public void onTurn(TurnTiming turn) {
            add(turn);
        }

        @Override
        public void onBrainCall(BrainCall call) {
            add(call);
        }

        @Override
        public void onStageTransition(StageTransition transition) {
            add(transition);
        }

        @Override
        public void onCompletion(Completion completion) {
            add(completion);
        }

        @Override
        public void onStoreWrite(StoreWrite write) {
            add(write);
        }
    }

    @Test
    void should_report_each_turn_brain_call_store_write_and_the_ending_when_an_interview_is_ended_early() {
        Recording observer = new Recording(false);
        try (InterviewEngine engine = InterviewEngine.builder().observer(observer).build()) {
            Reply start = engine.start(StartRequest.builder().language(Language.ENGLISH).build());
            engine.answer(start.interviewId(), Answer.text("m-1", "I have run the depot for twelve years."));
            engine.complete(start.interviewId(), MessageId.of("stop"));
        }

        assertThat(observer.events).filteredOn(TurnTiming.class::isInstance).map(e -> ((TurnTiming) e).operation())
                .containsExactly(TurnTiming.Operation.START, TurnTiming.Operation.ANSWER,
                        TurnTiming.Operation.COMPLETE);
        assertThat(observer.events).filteredOn(BrainCall.class::isInstance).hasSize(3)
                .allSatisfy(e -> assertThat(((BrainCall) e).role()).isEqualTo(BrainCall.Role.ONLY));
        assertThat(observer.events).filteredOn(StoreWrite.class::isInstance).map(e -> ((StoreWrite) e).operation())
                .containsExactly(StoreWrite.Operation.CREATE, StoreWrite.Operation.COMMIT,
                        StoreWrite.Operation.COMMIT, StoreWrite.Operation.COMMIT, StoreWrite.Operation.COMMIT);
        assertThat(observer.events).filteredOn(Completion.class::isInstance).singleElement()
                .satisfies(e -> {
                    Completion completion = (Completion) e;
                    assertThat(completion.reason().code()).isEqualTo("early");
                    assertThat(completion.turns()).isEqualTo(5);
                });
        assertThat(observer.events.get(observer.events.size() - 1)).isInstanceOf(TurnTiming.class);
    }

    @Test
    void should_keep_the_interview_going_and_reach_the_other_observers_when_one_throws() {
        Recording broken = new Recording(true);
        Recording healthy = new Recording(false);
        EngineObserver both = EngineObserver.composite(List.of(broken, healthy));
        try (InterviewEngine engine = InterviewEngine.builder().observer(both).build()) {
            Reply start = engine.start(StartRequest.builder().language(Language.ENGLISH).build());
            Reply next = engine.answer(start.interviewId(), Answer.text("m-1", "Twelve years at the depot."));
            assertThat(next.message().number()).isEqualTo(3);
        }
        assertThat(broken.events).isNotEmpty();
        assertThat(healthy.events).hasSameSizeAs(broken.events);

        Recording alone = new Recording(true);
        try (InterviewEngine engine = InterviewEngine.builder().observer(alone).build()) {
            Reply start = engine.start(StartRequest.builder().language(Language.ENGLISH).build());
            assertThat(engine.answer(start.interviewId(), Answer.text("m-1", "Twelve years.")).message().number())
                    .isEqualTo(3);
        }
        assertThat(alone.events).isNotEmpty();
    }

    @Test
    void should_reject_inconsistent_events_when_built() {
        assertThatThrownBy(() -> new TurnTiming(TurnTiming.Operation.ANSWER, TurnTiming.Outcome.ERROR, null, null,
                null, null, null, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("error");
        assertThatThrownBy(() -> new TurnTiming(TurnTiming.Operation.ANSWER, TurnTiming.Outcome.OK,
                ErrorCode.BUSY, null, null, null, null, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StoreWrite(StoreWrite.Operation.COMMIT, StoreWrite.Outcome.OK,
                Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duration must be >= 0");
        assertThatThrownBy(() -> new BrainCall(null, BrainCall.Role.PRIMARY, BrainCall.Outcome.OK, Duration.ZERO))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("brain");
    }
}
