package dev.interviewagent.core.metrics;

import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls several observers in order; one that throws is logged and does not stop the rest. */
final class CompositeObserver implements EngineObserver {

    private static final Logger log = LoggerFactory.getLogger(CompositeObserver.class);

    private final List<EngineObserver> observers;

    CompositeObserver(List<EngineObserver> observers) {
        this.observers = observers;
    }

    @Override
    public void onTurn(TurnTiming turn) {
        each(o -> o.onTurn(turn));
    }

    @Override
    public void onBrainCall(BrainCall call) {
        each(o -> o.onBrainCall(call));
    }

    @Override
    public void onStageTransition(StageTransition transition) {
        each(o -> o.onStageTransition(transition));
    }

    @Override
    public void onCompletion(Completion completion) {
        each(o -> o.onCompletion(completion));
    }

    @Override
    public void onStoreWrite(StoreWrite write) {
        each(o -> o.onStoreWrite(write));
    }

    private void each(Consumer<EngineObserver> call) {
        for (EngineObserver observer : observers) {
            try {
                call.accept(observer);
            } catch (RuntimeException e) {
                log.warn("engine observer failed: {}", e.toString());
            }
        }
    }
}
