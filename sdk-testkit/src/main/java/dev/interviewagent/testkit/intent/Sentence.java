package dev.interviewagent.testkit.intent;

/**
 * One sentence of an interviewer message.
 *
 * @param original the sentence as written, trimmed
 * @param text     the sentence as the rules see it: lower case, {@code ё} read as {@code е}, spaces collapsed and
 *                 every quotation replaced by {@link MessageParser#QUOTE}
 * @param question whether it asks: a question mark outside quotations, or one just inside a closing quotation mark
 *                 at its end ("What did you mean by “as usual?”")
 * @param listItem whether it is a numbered or bulleted line — the content of a member check, never the question
 */
record Sentence(String original, String text, boolean question, boolean listItem) {
}
