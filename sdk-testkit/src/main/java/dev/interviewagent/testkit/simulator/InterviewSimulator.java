package dev.interviewagent.testkit.simulator;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.guide.InterviewStyles;
import dev.interviewagent.testkit.persona.Persona;
import dev.interviewagent.testkit.respondent.SyntheticRespondent;
import dev.interviewagent.testkit.respondent.Utterance;
import dev.interviewagent.testkit.score.InterviewScore;
import dev.interviewagent.testkit.score.Scorecard;
import dev.interviewagent.testkit.score.Scorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs synthetic respondents through a real {@link InterviewEngine} — its store, decision layer and brain — and
 * scores every interview. The engine is the host's own (any guide, styles, store or {@code InterviewerBrain}), so a
 * host can try its guide against its own personas before experts see it.
 *
 * <pre>{@code
 * InterviewSimulator simulator = InterviewSimulator.builder()
 *         .engine(() -> InterviewEngine.builder().guide(myGuide).build())
 *         .personas(Personas.readAll(Path.of("personas")))
 *         .styles(List.of("master", "telegram"))
 *         .build();
 * Scorecard card = simulator.run();
 * System.out.println(card.toMarkdown());
 * }</pre>
 *
 * <p>Thread-safe; {@link #run()} runs interviews in parallel on {@link Builder#parallelism(int)} threads.
 */
public final class InterviewSimulator {

    /** Default most answers one interview may take before the simulator stops it (an interview that loops). */
    public static final int DEFAULT_MAX_ANSWERS = 200;

    private final Supplier<InterviewEngine> engines;
    private final List<Persona> personas;
    private final List<String> styles;
    private final long seed;
    private final int maxAnswers;
    private final int parallelism;

    private InterviewSimulator(Builder b) {
        this.engines = b.engines;
        this.personas = List.copyOf(b.personas);
        this.styles = List.copyOf(b.styles);
        this.seed = b.seed;
        this.maxAnswers = b.maxAnswers;
        this.parallelism = b.parallelism;
    }

    /** A builder: offline engine, all five built-in styles, no personas yet. */
    public static Builder builder() {
        return new Builder();
    }

    /** Runs every persona in every style and scores each interview. */
    public Scorecard run() {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "interview-simulator");
            t.setDaemon(true);
            return t;
        });
        try (InterviewEngine engine = engines.get()) {
            List<Future<InterviewScore>> futures = new ArrayList<>();
            for (Persona persona : personas) {
                for (String style : styles) {
                    futures.add(pool.submit(() -> Scorer.score(simulate(engine, persona, style))));
                }
            }
            List<InterviewScore> scores = new ArrayList<>();
            for (Future<InterviewScore> f : futures) {
                scores.add(f.get());
            }
            return new Scorecard(scores);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a simulated interview failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs one persona in one style with a fresh engine from the builder's supplier. */
    public SimulatedInterview simulate(Persona persona, String style) {
        try (InterviewEngine engine = engines.get()) {
            return simulate(engine, persona, style);
        }
    }

    /** Runs one persona in one style on {@code engine}. */
    public SimulatedInterview simulate(InterviewEngine engine, Persona persona, String style) {
        SyntheticRespondent respondent = SyntheticRespondent.of(persona, seed);
        Reply reply = engine.start(StartRequest.builder()
                .language(persona.interviewLanguage())
                .style(style)
                .profile(persona.interviewProfile())
                .build());
        List<Exchange> exchanges = new ArrayList<>();
        int answers = 0;
        while (!reply.completed() && answers < maxAnswers) {
            Turn question = reply.message();
            Utterance answer = respondent.answer(question.text());
            answers++;
            reply = engine.answer(reply.interviewId(), Answer.text("sim-" + answers, answer.text()));
            List<Turn> recent = engine.transcript(reply.interviewId());
            Turn answerTurn = recent.get(recent.size() - 2);
            exchanges.add(new Exchange(question, answer, answerTurn));
        }
        exchanges.add(new Exchange(reply.message(), null, null));
        return new SimulatedInterview(persona, style, reply.interview(), exchanges,
                engine.report(reply.interviewId()));
    }

    /** Builds an {@link InterviewSimulator}. Not thread-safe. */
    public static final class Builder {
        private Supplier<InterviewEngine> engines = () -> InterviewEngine.builder().build();
        private List<Persona> personas = List.of();
        private List<String> styles = InterviewStyles.BUILT_IN_CODES;
        private long seed = 1L;
        private int maxAnswers = DEFAULT_MAX_ANSWERS;
        private int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors());

        private Builder() {
        }

        /**
         * Where engines come from: one per {@link #run()} (shared by its interviews; engines are thread-safe) and
         * one per {@link #simulate(Persona, String)}. Default: the offline brain on the in-memory store.
         */
        public Builder engine(Supplier<InterviewEngine> engines) {
            this.engines = Objects.requireNonNull(engines, "engines");
            return this;
        }

        /** The personas to interview. */
        public Builder personas(List<Persona> personas) {
            this.personas = List.copyOf(personas);
            return this;
        }

        /** The style codes to interview in. Default: the five built-in styles. */
        public Builder styles(List<String> styles) {
            this.styles = List.copyOf(styles);
            return this;
        }

        /** The respondents' seed. Default 1. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The most answers per interview before it is stopped as looping. Default {@value #DEFAULT_MAX_ANSWERS}. */
        public Builder maxAnswers(int maxAnswers) {
            if (maxAnswers < 1) {
                throw new IllegalArgumentException("maxAnswers must be >= 1, was " + maxAnswers);
            }
            this.maxAnswers = maxAnswers;
            return this;
        }

        /** Interviews run at once. Default: the number of processors. */
        public Builder parallelism(int parallelism) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
            }
            this.parallelism = parallelism;
            return this;
        }

        public InterviewSimulator build() {
            if (personas.isEmpty()) {
                throw new IllegalStateException("no personas: set personas(...)");
            }
            if (styles.isEmpty()) {
                throw new IllegalStateException("no styles: set styles(...)");
            }
            return new InterviewSimulator(this);
        }
    }
}
