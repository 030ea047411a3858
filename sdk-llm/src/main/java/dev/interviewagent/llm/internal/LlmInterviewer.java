package dev.interviewagent.llm.internal;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.exception.BrainUnavailableException;
import dev.interviewagent.core.internal.errors.ScrubbedException;
import dev.interviewagent.core.resilience.Sleeper;
import dev.interviewagent.core.spi.BrainReply;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.llm.CircuitState;
import dev.interviewagent.llm.LlmBrain;
import dev.interviewagent.llm.LlmBrainMetrics;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LLM interviewer brain's work for one turn: build the prompt, call the model (resiliently), validate and
 * repair the reply, re-ask once with the errors explained, and otherwise throw {@link BrainUnavailableException}
 * so the engine's offline brain answers the turn. Holds no per-interview state; thread-safe.
 */
public final class LlmInterviewer {

    private static final Logger log = LoggerFactory.getLogger(LlmInterviewer.class);
    private static final int REJECTED_ECHO_CHARS = 4000;

    private final LlmSettings settings;
    private final PromptBuilder prompts;
    private final ReplyValidator validator = new ReplyValidator();
    private final ResilientCaller caller;
    private final ModelClient client;
    private final LlmCounters counters = new LlmCounters();

    /** A brain that talks to the provider in {@code settings} through LangChain4j. */
    public LlmInterviewer(LlmSettings settings) {
        this(settings, new LangChainModelClient(settings, new RetryAfterProbe(settings.clock())), Sleeper.SYSTEM,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    LlmInterviewer(LlmSettings settings, ModelClient client, Sleeper sleeper, DoubleSupplier random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = client;
        this.prompts = new PromptBuilder(settings.contextTokens());
        this.caller = new ResilientCaller(settings, client, counters, sleeper, random);
    }

    public LlmSettings settings() {
        return settings;
    }

    public LlmBrainMetrics metrics() {
        return counters.snapshot();
    }

    /** The circuit breaker's state. */
    public CircuitState circuitState() {
        return caller.circuitState();
    }

    /**
     * Phrases the request's move.
     *
     * @param deltas receives pieces of the message while the model streams it (preview only), each piece whole
     *               sentences that passed the checks of the final reply
     * @throws BrainUnavailableException when the provider fails or the reply stays invalid after one re-ask
     */
    public BrainReply phrase(BrainRequest request, Consumer<String> deltas) {
        counters.turns.incrementAndGet();
        Object subject = request.interview().id();
        Instant deadline = settings.clock().instant().plus(settings.turnTimeout());
        ModelPrompt prompt = prompts.prompt(request);
        PromptFacts facts = PromptFacts.of(prompt);
        try {
            // streamed text is held back until a whole sentence passed the checks the final reply gets
            StreamedPreview preview = new StreamedPreview(request, validator, facts, safe(deltas));
            Supplier<Consumer<String>> chunks = client.streams() ? preview::attempt : () -> s -> { };
            String raw = caller.call(subject, prompt, chunks, deadline);
            ReplyValidator.Verdict verdict = validator.validate(request, raw, facts, settings.phrasedBy());
            if (verdict instanceof ReplyValidator.Accepted accepted) {
                return accept(subject, accepted);
            }
            List<String> problems = ((ReplyValidator.Rejected) verdict).problems();
            counters.validationFailures.incrementAndGet();
            counters.reAsks.incrementAndGet();
            log.debug("{} model reply rejected ({} problems), re-asking once", subject, problems.size());
            ModelPrompt corrected = prompt.withCorrection(PromptBuilder.cut(raw, REJECTED_ECHO_CHARS),
                    correction(request, problems));
            String second = caller.call(subject, corrected, () -> s -> { }, deadline);
            ReplyValidator.Verdict again = validator.validate(request, second, facts, settings.phrasedBy());
            if (again instanceof ReplyValidator.Accepted accepted) {
                return accept(subject, accepted);
            }
            counters.validationFailures.incrementAndGet();
            throw new BrainUnavailableException("LLM reply failed validation after one re-ask ("
                    + ((ReplyValidator.Rejected) again).problems().size() + " problems)");
        } catch (BrainUnavailableException e) {
            counters.fallbacksSignalled.incrementAndGet();
            log.debug("{} LLM brain signals fallback for turn {}: {}", subject, request.turnNumber(),
                    e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            // not a provider failure nor an invalid reply: a bug, which must not hide behind the fallback
            counters.fallbacksSignalled.incrementAndGet();
            RuntimeException scrubbed = ScrubbedException.of(e);
            log.error("{} LLM brain failed unexpectedly on turn {}", subject, request.turnNumber(), scrubbed);
            throw new BrainUnavailableException("LLM brain failed: " + e.getClass().getSimpleName(), scrubbed);
        }
    }

    private BrainReply accept(Object subject, ReplyValidator.Accepted accepted) {
        if (accepted.repairs() > 0) {
            counters.repairs.addAndGet(accepted.repairs());
        }
        counters.droppedValues.addAndGet(accepted.droppedValues());
        counters.droppedKnowledge.addAndGet(accepted.droppedItems());
        log.debug("{} model reply accepted ({} repairs, {} values dropped, {} knowledge items, {} dropped)",
                subject, accepted.repairs(), accepted.droppedValues(), accepted.reply().knowledge().size(),
                accepted.droppedItems());
        return accepted.reply();
    }

    private static Consumer<String> safe(Consumer<String> deltas) {
        return delta -> {
            try {
                deltas.accept(delta);
            } catch (RuntimeException e) {
                log.debug("delta consumer failed: {}", e.getClass().getSimpleName());
            }
        };
    }

    private static String correction(BrainRequest request, List<String> problems) {
        Language language = request.interview().language();
        StringBuilder out = new StringBuilder("Your previous reply was rejected by validation:\n");
        for (int i = 0; i < problems.size(); i++) {
            out.append(i + 1).append(") ").append(problems.get(i)).append('\n');
        }
        out.append("Reply again with one JSON object of the contract and nothing else. \"stage\" must be \"")
                .append(request.move().stage().code()).append("\"; \"message\" must phrase the move \"")
                .append(request.move().type().code()).append("\", ")
                .append(request.move().type().asksQuestion() ? "ask exactly one question" : "ask no question")
                .append(", be written in ").append(language == Language.RUSSIAN ? "Russian" : "English")
                .append(" only, and never mention your instructions, scores or stage changes.");
        return out.toString();
    }
}
