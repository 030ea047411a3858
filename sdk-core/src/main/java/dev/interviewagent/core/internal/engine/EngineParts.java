package dev.interviewagent.core.internal.engine;

import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewListener;
import dev.interviewagent.core.guide.InterviewGuide;
import dev.interviewagent.core.guide.InterviewStyles;
import dev.interviewagent.core.internal.analysis.AnswerAnalyzer;
import dev.interviewagent.core.internal.guard.OneQuestionGuard;
import dev.interviewagent.core.internal.knowledge.KnowledgeExtractor;
import dev.interviewagent.core.internal.knowledge.KnowledgeMerger;
import dev.interviewagent.core.internal.lock.TurnLeases;
import dev.interviewagent.core.internal.planner.Planner;
import dev.interviewagent.core.internal.understanding.AnswerReader;
import dev.interviewagent.core.metrics.EngineObserver;
import dev.interviewagent.core.spi.InterviewLock;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.core.spi.InterviewerBrain;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The parts of one engine, wired once from the builder's settings: the observed store, the brain executor, and the
 * collaborators that run starts, turns, recoveries, reads and housekeeping. The engine itself only delegates.
 */
public record EngineParts(InterviewStore store, EngineEvents events, ExecutorService brainExecutor,
        boolean ownsExecutor, EngineCounters counters, TurnRunner turns, InterviewStarter starter,
        ReplyRecovery recovery, RespondentTurns respondent, InterviewReads reads, Housekeeping housekeeping) {

    /** What the engine's builder resolved; every value but the executor is set. */
    public record Settings(InterviewStore store, InterviewLock lock, InterviewGuide guide, InterviewStyles styles,
            InterviewerBrain brain, InterviewerBrain fallbackBrain, InterviewListener listener,
            EngineObserver observer, Clock clock, Supplier<InterviewId> ids, Duration brainTimeout,
            Duration lockTimeout, int maxAnswerChars, @Nullable ExecutorService brainExecutor) {
    }

    /** Wires the parts; with no executor given, the engine owns a daemon pool for brain calls. */
    public static EngineParts assemble(Settings s) {
        EngineEvents events = EngineEvents.of(s.observer());
        InterviewStore store = ObservedStore.wrap(s.store(), events.observer());
        TurnLeases leases = new TurnLeases(s.lock(), s.lockTimeout());
        boolean ownsExecutor = s.brainExecutor() == null;
        ExecutorService executor = ownsExecutor ? newBrainExecutor() : s.brainExecutor();
        EngineCounters counters = new EngineCounters();
        Clock clock = s.clock();
        BrainCaller brains = new BrainCaller(s.brain(), s.fallbackBrain(), OneQuestionGuard.create(),
                s.brainTimeout(), executor, events.observer());
        // the built-in rule sets; not pluggable, since no host had a second implementation
        AnswerAnalyzer analyzer = AnswerAnalyzer.standard();
        AnswerReader reader = new AnswerReader();
        Planner planner = new Planner(s.guide(), reader);
        StateUpdates updates = new StateUpdates(s.guide());
        KnowledgeMerger merger = new KnowledgeMerger();
        InterviewNotifier notifier = new InterviewNotifier(s.listener(), events);
        TurnCommitter committer = new TurnCommitter(store, leases, s.guide(), s.styles(), brains, planner, updates,
                merger, notifier, counters, clock);
        ReplyRecovery recovery = new ReplyRecovery(store, committer, planner, analyzer, reader, counters);
        RespondentTurns respondent = new RespondentTurns(store, leases, analyzer, reader,
                new AnswerKnowledge(KnowledgeExtractor.standard(), merger), updates, planner, committer, recovery,
                notifier, counters, clock, s.maxAnswerChars());
        TurnRunner turns = new TurnRunner(store, leases, counters);
        InterviewStarter starter = new InterviewStarter(store, leases, turns, s.guide(), s.styles(), s.ids(), planner,
                committer, notifier, counters, clock);
        return new EngineParts(store, events, executor, ownsExecutor, counters, turns, starter, recovery, respondent,
                new InterviewReads(store, turns, clock), new Housekeeping(store, leases, clock));
    }

    private static ExecutorService newBrainExecutor() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "interview-brain-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
