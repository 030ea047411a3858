package dev.interviewagent.core.internal.brain;

import java.util.regex.Pattern;

/** An answer that hesitates ("hmm, let me think", «даже не знаю…»): the one place "take your time" belongs. */
final class Hesitation {

    private static final Pattern HESITATES = Pattern.compile(
            "^\\W*(?:hmm+|um+|uh+|er+|well\\W+let me think|let me think|good question\\W+let me|хм+|э+м*|ну\\W+даже"
                    + " не знаю|даже не знаю|дайте подумать|сейчас соображу|надо подумать)\\b|\\.\\.\\.\\s*$|…\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    private Hesitation() {
    }

    static boolean in(String answer) {
        return HESITATES.matcher(answer.strip()).find();
    }
}
