package dev.interviewagent.voice.openai;

import java.util.Locale;
import java.util.Optional;

/** Whisper reports languages by English name ("russian"); providers elsewhere use ISO 639-1 codes. */
final class LanguageNames {

    private LanguageNames() {
    }

    /** The lower-case ISO 639-1 code for a code ({@code en}, {@code en_us}) or an English language name. */
    static Optional<String> toCode(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        String primary = v.split("[-_]", 2)[0];
        if (primary.length() == 2) {
            return Optional.of(primary);
        }
        for (String code : Locale.getISOLanguages()) {
            if (Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH).equalsIgnoreCase(v)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
