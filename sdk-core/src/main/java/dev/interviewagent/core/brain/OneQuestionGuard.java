package dev.interviewagent.core.brain;

import dev.interviewagent.core.Language;

/** TEMPORARY until the brain branch lands. */
public final class OneQuestionGuard {

    public int countQuestions(String message, Language language) {
        int count = 0;
        for (int i = 0; i < message.length(); i++) {
            if (message.charAt(i) == '?') {
                count++;
            }
        }
        return count;
    }

    public String repair(String message, Language language) {
        int first = message.indexOf('?');
        return first < 0 ? message : message.substring(0, first + 1);
    }
}
