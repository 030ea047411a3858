package dev.interviewagent.testkit.intent;

import dev.interviewagent.core.Language;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads what an interviewer's message asks for: its {@link QuestionIntent}, by rules, in English and Russian.
 *
 * <p>A synthetic respondent uses it to choose what to answer; a quality scorecard uses it to spot wasted turns
 * (asking for an example right after being told one, asking for years already known).
 *
 * <h2>How a message is read</h2>
 * <ol>
 *   <li>The message is split into sentences. Its <em>question</em> is the last sentence that asks (a question mark
 *       outside quotations); lead sentences before it — acknowledgements, recalled quotes, bridges, a member
 *       check's list — only count where a rule says so. A request right before the question ("Tell me about an
 *       error that went unnoticed. What finally gave it away?") is read with it. Without a question mark, the last
 *       request ("Walk me through a typical day.") is the question.</li>
 *   <li>Quotations ({@code “…”}, {@code «…»}, {@code „…“}, {@code "…"}) are the respondent's words: rules never see
 *       their content, only that something was quoted. "You said “a costly mistake” — what does that look like in
 *       practice?" is {@link QuestionIntent#CLARIFY}, not {@link QuestionIntent#FAILURE}.</li>
 *   <li>The rules of the message's alphabet apply (Cyrillic: Russian, Latin: English); the {@code language}
 *       argument decides only when the alphabet does not, so a Russian message tagged English is still read as
 *       Russian.</li>
 *   <li>Each language has an ordered table of (intent, phrasings); the first row that matches wins, and a question
 *       no row matches is {@link QuestionIntent#OTHER}. The order encodes priority — the member check first, then
 *       the summary check, session management, clarification, then specific probes (a cue beats an example, a
 *       mistake beats a newcomer) down to the general request for a case.</li>
 * </ol>
 *
 * <p>Rules are data-like tables held in memory; the classifier has no state, so one instance is immutable and
 * thread-safe and may serve every interview. It never throws on odd input: null, blank or punctuation-only messages
 * read as {@link QuestionIntent#OTHER}.
 */
public final class QuestionIntentClassifier {

    private static final QuestionIntentClassifier INSTANCE = new QuestionIntentClassifier();

    private QuestionIntentClassifier() {
    }

    /** A classifier. It holds no state, so the same instance serves every caller. */
    public static QuestionIntentClassifier create() {
        return INSTANCE;
    }

    /**
     * The intent of a message's question.
     *
     * @param message  the interviewer message, with any lead sentences; null or blank reads as
     *                 {@link QuestionIntent#OTHER}
     * @param language the interview's language; used when the message's alphabet does not decide (no letters, or
     *                 as many Latin as Cyrillic ones). Null means English then.
     * @return the intent, never null
     */
    public QuestionIntent classify(@Nullable String message, @Nullable Language language) {
        return read(message, language).intent();
    }

    /**
     * Reads a message: the intent of its question, the question itself, and whether it asks for another case.
     *
     * @param message  the interviewer message, with any lead sentences; null or blank reads as
     *                 {@link QuestionIntent#OTHER} with an empty question
     * @param language the interview's language; used when the message's alphabet does not decide. Null means
     *                 English then.
     * @return the reading, never null
     */
    public Reading read(@Nullable String message, @Nullable Language language) {
        if (message == null || message.isBlank()) {
            return Reading.NOTHING;
        }
        ParsedMessage parsed = MessageParser.parse(message);
        Language rulesLanguage = parsed.script().languageOr(language == null ? Language.ENGLISH : language);
        RuleTable table = rulesLanguage == Language.RUSSIAN ? RussianRules.TABLE : EnglishRules.TABLE;
        QuestionFocus focus = QuestionFocus.of(parsed, table.request());
        return new Reading(table.intentOf(focus), focus.question(), table.asksForAnother(focus));
    }

    /**
     * What a message asks.
     *
     * @param intent          what its question asks for
     * @param question        the question sentence as written (the last sentence ending in a question mark, or
     *                        the request that asks without one); empty when the message has no text
     * @param asksForAnother  whether it asks for another, a different or one more case ("Is there another time
     *                        this happened?", «А был ли другой случай?»), so a respondent should not retell the
     *                        one already told
     */
    public record Reading(QuestionIntent intent, String question, boolean asksForAnother) {

        static final Reading NOTHING = new Reading(QuestionIntent.OTHER, "", false);

        /**
         * A reading; {@link QuestionIntentClassifier#read} makes them.
         *
         * @throws NullPointerException if {@code intent} or {@code question} is null
         */
        public Reading {
            Objects.requireNonNull(intent, "intent");
            Objects.requireNonNull(question, "question");
        }
    }
}
