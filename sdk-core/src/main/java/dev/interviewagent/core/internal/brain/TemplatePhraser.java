package dev.interviewagent.core.internal.brain;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.analysis.Engagement;
import dev.interviewagent.core.guide.InterviewStyle;
import dev.interviewagent.core.i18n.Messages;
import dev.interviewagent.core.internal.guard.OneQuestionGuard;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.core.spi.Move;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Composes one interviewer message from {@link PhraseTemplates}: a message is a sequence of slots (emoji, mood,
 * acknowledgement, announcement or bridge, break offer, recall, question), each filled with one variant. The
 * composer walks the combinations in an order drawn from a seed derived from the interview id, the turn number and
 * the move, so the same request always yields the same message, and skips any combination whose fingerprint was
 * already asked in the interview or that breaks the one-question rule or the style's length target.
 *
 * <p>The work is split along its steps: {@link PlaceholderValues} fills the placeholders, {@link SlotPlan} lays
 * out the slots and their variants (drawn from {@link VariantPools}), {@link MessageSearch} walks the combinations
 * and {@link MessageFitter} fits each to the style's length target.
 *
 * <p>Stateless apart from the immutable templates; thread-safe.
 */
public final class TemplatePhraser {

    private final Map<Language, PhraseTemplates> templates;
    private final Map<Language, Messages> messages;
    private final MessageSearch search;
    private final long seed;

    public TemplatePhraser(Map<Language, PhraseTemplates> templates, long seed) {
        this.templates = Map.copyOf(templates);
        Map<Language, Messages> strings = new HashMap<>();
        for (Language language : this.templates.keySet()) {
            strings.put(language, Messages.forLanguage(language));
        }
        this.messages = Map.copyOf(strings);
        this.search = new MessageSearch(OneQuestionGuard.create());
        this.seed = seed;
    }

    /** Phrases the request's move. */
    public String phrase(BrainRequest request) {
        Language language = request.interview().language();
        PhraseTemplates t = templates.get(language);
        if (t == null) {
            throw new IllegalStateException("no brain templates for " + language.code());
        }
        Move move = request.move();
        InterviewStyle style = request.style();
        AnswerAnalysis analysis = request.analysis();
        Engagement engagement = analysis == null ? Engagement.MEDIUM : analysis.engagement();
        SplittableRandom random = new SplittableRandom(PhraseContext.mix(seed,
                request.interview().id().value().hashCode(), request.turnNumber(), move.type().ordinal()));
        boolean shortStyle = style.maxQuestionChars() > 0 && style.maxQuestionChars() <= 240;
        PhraseContext ctx = new PhraseContext(request, t, messages.get(language), language, move, style, engagement,
                random, new HashSet<>(request.interview().askedQuestions()), shortStyle, seed);

        // the order matters: the values draw from the request's random before the search does
        Map<String, String> values = PlaceholderValues.of(ctx);
        List<SlotPlan.Slot> slots = SlotPlan.of(ctx, values);
        return search.choose(ctx, slots, values);
    }
}
