package dev.interviewagent.core.internal.text;

import dev.interviewagent.core.InterviewMemory;
import dev.interviewagent.core.internal.planner.Fragments;
import java.util.ArrayList;
import java.util.List;

/** The question sentences of an interviewer message, normalised, so none is asked more than twice. */
public final class QuestionSentences {

    private QuestionSentences() {
    }

    /** Each sentence of {@code message} that ends in a question mark, normalised. */
    public static List<String> of(String message) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '.' || c == '!' || c == '\n' || c == '?' || c == '？') {
                if (c == '?' || c == '？') {
                    String sentence = Fragments.normalise(message.substring(start, i));
                    if (sentence.length() > 3) {
                        out.add(sentence);
                    }
                }
                start = i + 1;
            }
        }
        return out;
    }

    /** Whether a question sentence of {@code message} was already asked twice in the interview {@code memory} holds. */
    public static boolean overused(InterviewMemory memory, String message) {
        for (String sentence : of(message)) {
            if (memory.timesAsked(sentence) >= 2) {
                return true;
            }
        }
        return false;
    }
}
