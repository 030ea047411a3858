package dev.interviewagent.testkit.intent;

import dev.interviewagent.core.Language;

/**
 * The alphabet a message is written in. It overrides the language the caller passes: a Russian message read with
 * English rules would fall through to {@link QuestionIntent#OTHER}, and hosts do send the odd message in the other
 * language (a bilingual LLM prompt, a test fixture with the wrong tag).
 */
enum Script {
    LATIN,
    CYRILLIC,
    /** No letters, or as many Latin as Cyrillic ones: the caller's language decides. */
    UNDECIDED;

    /** Counts the letters of {@code text} outside quotations; the respondent's quoted words may be in any language. */
    static Script of(String text, boolean[] quoted) {
        int latin = 0;
        int cyrillic = 0;
        for (int i = 0; i < text.length(); i++) {
            if (quoted[i]) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(text.charAt(i));
            if (script == Character.UnicodeScript.LATIN) {
                latin++;
            } else if (script == Character.UnicodeScript.CYRILLIC) {
                cyrillic++;
            }
        }
        if (latin == cyrillic) {
            return UNDECIDED;
        }
        return cyrillic > latin ? CYRILLIC : LATIN;
    }

    /** The language whose rules read the message: the script's, or {@code fallback} when the script is undecided. */
    Language languageOr(Language fallback) {
        return switch (this) {
            case LATIN -> Language.ENGLISH;
            case CYRILLIC -> Language.RUSSIAN;
            case UNDECIDED -> fallback;
        };
    }
}
