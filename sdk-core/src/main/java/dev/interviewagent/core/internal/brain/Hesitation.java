package dev.interviewagent.core.internal.brain;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.internal.text.PackWords;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** An answer that hesitates ("hmm, let me think", «даже не знаю…»): the one place "take your time" belongs. */
final class Hesitation {

    private static final Map<Language, Pattern> HESITATES = new ConcurrentHashMap<>();

    private Hesitation() {
    }

    /** Whether the answer opens on a hesitation word (the {@code hesitation} lists of patterns.json) or trails off. */
    static boolean in(String answer, Language language) {
        return HESITATES.computeIfAbsent(language, l -> Pattern.compile(
                "^\\W*(?:" + PackWords.sharedAlternation(l, "hesitation") + ")\\b|\\.\\.\\.\\s*$|…\\s*$",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS))
                .matcher(answer.strip()).find();
    }
}
