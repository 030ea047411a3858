package dev.interviewagent.testkit.intent;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The part of a message that asks, separated from the part that leads up to it.
 *
 * <p>An interviewer message is a few lead sentences (an acknowledgement, a recalled quote, a bridge to a new topic,
 * a member check's list) and then one question. The question is the last sentence that asks; a request sentence
 * right before it ("Tell me about an error that went unnoticed. What finally gave it away?") belongs to it, because
 * the request says what the follow-up question is about. A message without a question mark asks with its last
 * request ("Walk me through a typical day."), or else with its last sentence.
 *
 * @param question the question sentence as written, or empty when the message has no text
 * @param asked    the rules' text of the question: the preceding request, if any, and the question sentence
 * @param lead     the rules' text of the sentences before the question, one per line
 */
record QuestionFocus(String question, String asked, String lead) {

    static final QuestionFocus EMPTY = new QuestionFocus("", "", "");

    /**
     * Finds the question of a parsed message.
     *
     * @param message the parsed message
     * @param request a sentence that asks without a question mark, in the message's language
     */
    static QuestionFocus of(ParsedMessage message, Pattern request) {
        List<Sentence> sentences = message.sentences();
        int index = lastIndex(sentences, s -> s.question());
        if (index < 0) {
            index = lastIndex(sentences, s -> !s.listItem() && request.matcher(s.text()).find());
        }
        if (index < 0) {
            index = lastIndex(sentences, s -> !s.listItem());
        }
        if (index < 0) {
            index = sentences.size() - 1;
        }
        if (index < 0) {
            return EMPTY;
        }
        Sentence question = sentences.get(index);
        String asked = question.text();
        if (index > 0) {
            Sentence before = sentences.get(index - 1);
            if (!before.question() && !before.listItem() && request.matcher(before.text()).find()) {
                asked = before.text() + " " + asked;
            }
        }
        String lead = sentences.subList(0, index).stream().map(Sentence::text).collect(Collectors.joining("\n"));
        return new QuestionFocus(question.original(), asked, lead);
    }

    private static int lastIndex(List<Sentence> sentences, Predicate<Sentence> test) {
        for (int i = sentences.size() - 1; i >= 0; i--) {
            if (test.test(sentences.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
