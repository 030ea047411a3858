package dev.interviewagent.core.brain;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.internal.brain.PhraseTemplates;
import dev.interviewagent.core.internal.brain.TemplatePhraser;
import dev.interviewagent.core.spi.BrainReply;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.core.spi.InterviewerBrain;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The offline interviewer brain: phrases every {@link dev.interviewagent.core.spi.MoveType} in English and Russian
 * and in every style from templates held as data, with no network and no model. It is the default brain and the
 * engine's fallback whenever another brain fails.
 *
 * <p>What it does, per the methodology:
 * <ul>
 *   <li>asks exactly one question per message (every move but a close), checked with the SDK's one-question guard;</li>
 *   <li>quotes the respondent's own words ({@code “…”} in English, {@code «…»} in Russian) when it challenges a
 *       vague phrase, checks a summary or points out a contradiction, and refers back to an earlier answer when the
 *       move carries a recall;</li>
 *   <li>follows the style: short messages with stage emoji ({@code telegram}), stated stage goals
 *       ({@code stage_specific}), warm bridges and break offers ({@code conversational}), gently named moods
 *       ({@code conversation_management});</li>
 *   <li>slows down and thanks the respondent when engagement is low, goes straight to depth when it is high;</li>
 *   <li>never repeats a message within an interview: each candidate's fingerprint (its normalised text) is checked
 *       against {@link dev.interviewagent.core.Interview#askedQuestions()};</li>
 *   <li>never supplies domain content: the only questions it asks come from the guide's seeds and from generic
 *       follow-up templates.</li>
 * </ul>
 *
 * <p>Deterministic: the variant is drawn from a seed mixed from {@link Builder#seed(long)}, the interview id, the
 * turn number and the move, so replaying a request phrases the same message. Immutable, stateless and
 * thread-safe; {@link #phrase(BrainRequest)} does no I/O and does not block. The templates are the
 * {@code templates.json} of each language's pack ({@code dev/interviewagent/core/lang/<code>/}); hosts may replace
 * them with {@link Builder#templates(Language, InputStream)}.
 *
 * <pre>{@code
 * InterviewerBrain brain = MethodologyBrain.create();
 * BrainReply reply = brain.phrase(request);   // reply.phrasedBy() == "methodology"
 * }</pre>
 */
public final class MethodologyBrain implements InterviewerBrain {

    /** The id recorded on each turn this brain phrases. */
    public static final String ID = "methodology";

    /** The default variety seed. */
    public static final long DEFAULT_SEED = 0L;

    private final TemplatePhraser phraser;

    private MethodologyBrain(Builder builder) {
        this.phraser = new TemplatePhraser(builder.templates, builder.seed);
    }

    /** A brain with the built-in templates and the default seed. */
    public static MethodologyBrain create() {
        return builder().build();
    }

    /** A builder, to change the variety seed or the templates. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Phrases the request's move as one interviewer message.
     *
     * @throws NullPointerException  if {@code request} is null
     * @throws IllegalStateException if the templates lack a variant the move needs (a packaging or custom-template
     *                               error; the built-in templates cover every move, language and style)
     */
    @Override
    public BrainReply phrase(BrainRequest request) {
        Objects.requireNonNull(request, "request");
        return BrainReply.of(phraser.phrase(request), ID);
    }

    @Override
    public String toString() {
        return "MethodologyBrain";
    }

    /** Builds a {@link MethodologyBrain}. Not thread-safe; the brain it builds is. */
    public static final class Builder {
        private long seed = DEFAULT_SEED;
        private final Map<Language, PhraseTemplates> templates = new TreeMap<>();

        private Builder() {
            for (Language language : Language.available()) {
                if (PhraseTemplates.available(language)) {
                    templates.put(language, PhraseTemplates.builtIn(language));
                }
            }
        }

        /**
         * Mixes {@code seed} into the choice of variants (default {@value #DEFAULT_SEED}). Two brains with the same
         * seed phrase the same request identically; a different seed gives other wording for the same moves.
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Replaces the templates of one language with a JSON document of the same shape as the built-in
         * {@code lang/<code>/templates.json}. Reads the stream fully; does not close it.
         *
         * @throws dev.interviewagent.core.exception.InvalidInputException if the JSON is malformed
         */
        public Builder templates(Language language, InputStream json) {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(json, "json");
            templates.put(language, PhraseTemplates.fromJson(language, json));
            return this;
        }

        public MethodologyBrain build() {
            return new MethodologyBrain(this);
        }
    }
}
