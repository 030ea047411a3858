package dev.interviewagent.core.internal.analysis;

import dev.interviewagent.core.Language;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The phrase lexicons, as data in {@link PhraseMatcher} syntax, grouped by language and signal. They live in each
 * language's pack: {@code analysis.json} (answer analysis) and {@code knowledge.json} (knowledge extraction), JSON
 * objects mapping a {@link Signal} name to its phrases. To extend a rule, add a phrase to the right list and a test
 * case; nothing else changes. Immutable.
 *
 * <p>Deliberate omissions and guards, to keep false positives down:
 * <ul>
 *   <li>bare "once" (usually conditional: "once you know…") and "one time a week"-style counts are not examples;</li>
 *   <li>bare "standard" ("the ISO standard") and "etc."/"and so on" (they close concrete lists) are not evasive;</li>
 *   <li>"you know" is evasive only as a filler (followed by punctuation, or "how it is", "what I mean"): "you know
 *       the exact number was 12" and "do you know…" are not;</li>
 *   <li>"как все" is evasive only at the end of a clause or as "как все делают": "как все работает" is not;</li>
 *   <li>"act as", "pretend", "you are now", "ты теперь", "представь, что ты" count as instructions only in their
 *       command shape ("Act as…", "представь, что ты бот"): "I act as a mediator" is an answer;</li>
 *   <li>"остановимся" is a stop request only when it closes the clause or says "на этом": "остановимся подробнее на…"
 *       is not; "I have to go" must end the clause ("I have to go through the logs" is not a stop).</li>
 * </ul>
 */
public final class Lexicon {

    /** English phrases for answer analysis. */
    public static final Map<Signal, List<String>> ENGLISH_ANALYSIS = analysis(Language.ENGLISH);

    /** Russian phrases for answer analysis. */
    public static final Map<Signal, List<String>> RUSSIAN_ANALYSIS = analysis(Language.RUSSIAN);

    /** English phrases for knowledge extraction (time, results, warning signs, milestones, levels, insights). */
    public static final Map<Signal, List<String>> ENGLISH_KNOWLEDGE = knowledge(Language.ENGLISH);

    /** Russian phrases for knowledge extraction. */
    public static final Map<Signal, List<String>> RUSSIAN_KNOWLEDGE = knowledge(Language.RUSSIAN);

    private Lexicon() {
    }

    /** A language's answer-analysis phrases, from its pack's {@code analysis.json}; empty when it has none. */
    public static Map<Signal, List<String>> analysis(Language language) {
        return signals(language, "analysis.json");
    }

    /** A language's knowledge-extraction phrases, from its pack's {@code knowledge.json}; empty when it has none. */
    public static Map<Signal, List<String>> knowledge(Language language) {
        return signals(language, "knowledge.json");
    }

    private static Map<Signal, List<String>> signals(Language language, String file) {
        Map<Signal, List<String>> signals = new EnumMap<>(Signal.class);
        language.pack().lists(file).forEach((name, phrases) -> {
            try {
                signals.put(Signal.valueOf(name), phrases);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(language.pack().folder() + file + ": unknown signal " + name, e);
            }
        });
        return Collections.unmodifiableMap(signals);
    }
}
