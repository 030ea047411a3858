package dev.interviewagent.core.analysis;

/** Length class of an answer, which drives pacing: short asks for an example, long gets a summary check. */
public enum AnswerLength {
    /** Under 50 words: ask for a concrete example. */
    SHORT,
    /** 50–300 words: keep pace. */
    MEDIUM,
    /** Over 300 words: summarise and check the main point. */
    LONG;

    /** The class of an answer of {@code words} words. */
    public static AnswerLength ofWords(int words) {
        if (words < 50) {
            return SHORT;
        }
        return words > 300 ? LONG : MEDIUM;
    }
}
