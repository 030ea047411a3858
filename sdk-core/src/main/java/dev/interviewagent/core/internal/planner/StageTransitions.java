package dev.interviewagent.core.internal.planner;

import dev.interviewagent.core.guide.Stage;

/**
 * The one transition table every stage change goes through: stages only move forward by one. Ending the interview
 * early is not a transition (the remaining stages are marked skipped), so there is no other legal move.
 */
public final class StageTransitions {

    private StageTransitions() {
    }

    /**
     * Checks a stage change.
     *
     * @throws IllegalStateException for anything but a move to the next stage
     */
    public static Stage check(Stage from, Stage to) {
        if (from.next().orElse(null) != to) {
            throw new IllegalStateException("illegal stage transition " + from.code() + " -> " + to.code());
        }
        return to;
    }
}
