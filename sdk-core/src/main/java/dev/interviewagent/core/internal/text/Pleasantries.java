package dev.interviewagent.core.internal.text;

import java.util.regex.Pattern;

/**
 * Greetings and pleasantries at the start of an answer ("Hello! Happy to help.", «Здравствуйте! Рада помочь.»):
 * polite, and never worth quoting back or keeping as knowledge.
 */
public final class Pleasantries {

    private static final Pattern LEADING = Pattern.compile(
            "^(?:\\s*(?:(?:hello|hi|hey|good (?:morning|afternoon|evening)|greetings|thanks|thank you"
                    + "|thanks for having me|glad to (?:help|be here)|happy to (?:help|be here)|sure|of course"
                    + "|my pleasure|nice to meet you|здравствуйте|привет|добрый (?:день|вечер)|доброе утро"
                    + "|спасибо|рада? помочь|рада? быть здесь|конечно|с удовольствием|приятно познакомиться)"
                    + "[^.!?\\n]{0,40}[.!?\\n]+))+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private Pleasantries() {
    }

    /** The answer without its leading greeting and pleasantry sentences (the whole answer if that is all it is). */
    public static String strip(String answer) {
        String rest = LEADING.matcher(answer).replaceFirst("").strip();
        return rest.isEmpty() ? answer.strip() : rest;
    }

    /** Whether the answer is nothing but greetings and pleasantries. */
    public static boolean only(String answer) {
        return LEADING.matcher(answer).replaceFirst("").isBlank();
    }
}
