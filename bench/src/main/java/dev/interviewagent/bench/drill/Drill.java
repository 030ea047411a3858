package dev.interviewagent.bench.drill;

/** One fault drill: starts what it needs in {@code context}, runs its load and its fault, and reports. */
public interface Drill {

    /** The drill's name on the command line and in the summary, e.g. {@code database}. */
    String name();

    /**
     * Runs the drill. Everything it starts is registered with {@code context.cleanup()}, so it is stopped also when
     * the drill fails.
     */
    DrillReport run(DrillContext context) throws Exception;
}
