package dev.interviewagent.core.analysis;

import dev.interviewagent.core.Language;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the engine's answer analyzer found in one answer: the facts the decision layer picks the next move from, and
 * the facts the LLM brain is given. Immutable.
 *
 * @param wordCount          words in the answer
 * @param length             the length class derived from the word count
 * @param evasivePhrases     vague or generic phrases exactly as the respondent wrote them ("as usual"), in order
 * @param hasExample         a concrete example: a time, a person, a case ("last week…", "one client…")
 * @param hasSteps           an ordered procedure (first/then/after that, numbered lists)
 * @param hasNumbers         numbers or metrics (%, money, durations, counts)
 * @param hasFailure         a mistake, failure or problem is described
 * @param hasFix             how a failure was fixed, caught or prevented
 * @param refusal            the respondent declines to answer ("I'd rather not")
 * @param discomfort         the respondent shows clear discomfort ("this is painful", "не хочу об этом")
 * @param stopRequest        the respondent asks to end the interview
 * @param dontKnow           "I don't know / not my area": recorded as a gap, not a failure
 * @param instructionAttempt the answer tries to instruct the interviewer ("ignore your rules"); it stays data
 * @param engagement         engagement read from this answer
 * @param detectedLanguage   the language the answer is written in, if it can be told
 * @param numbers            numbers with their units as written ("30%", "2 hours", "5 лет")
 * @param rating             a 1–4 rating given in the answer (used by the member check), if any
 */
public record AnswerAnalysis(
        int wordCount,
        AnswerLength length,
        List<String> evasivePhrases,
        boolean hasExample,
        boolean hasSteps,
        boolean hasNumbers,
        boolean hasFailure,
        boolean hasFix,
        boolean refusal,
        boolean discomfort,
        boolean stopRequest,
        boolean dontKnow,
        boolean instructionAttempt,
        Engagement engagement,
        @Nullable Language detectedLanguage,
        List<String> numbers,
        @Nullable Integer rating) {

    public AnswerAnalysis {
        if (wordCount < 0) {
            throw new IllegalArgumentException("wordCount must be >= 0, was " + wordCount);
        }
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(engagement, "engagement");
        evasivePhrases = List.copyOf(evasivePhrases);
        numbers = List.copyOf(numbers);
        if (rating != null && (rating < 1 || rating > 4)) {
            throw new IllegalArgumentException("rating must be 1-4, was " + rating);
        }
    }

    /** Whether the answer is evasive: a vague phrase was found. */
    public boolean isEvasive() {
        return !evasivePhrases.isEmpty();
    }

    /** The first vague phrase as written, to quote back. */
    public Optional<String> firstEvasivePhrase() {
        return evasivePhrases.isEmpty() ? Optional.empty() : Optional.of(evasivePhrases.get(0));
    }

    /** Whether the answer carries any concrete content at all (example, steps, numbers, failure or fix). */
    public boolean isConcrete() {
        return hasExample || hasSteps || hasNumbers || hasFailure || hasFix;
    }
}
