package dev.interviewagent.bench.drill.load;

import org.jspecify.annotations.Nullable;

/**
 * The question a respondent last saw. After a resume the server must re-send it, or the reply to the answer that
 * was in flight; anything else means the interview did not continue where the respondent left it.
 */
record AskedQuestion(int turn, String text) {

    /** Why the question re-sent on resume breaks continuity, or null when it does not. */
    @Nullable String resumeProblem(int resentTurn, String resentText, boolean answerInFlight) {
        if (resentTurn < turn) {
            return "at turn " + resentTurn + ", before its pending question (turn " + turn + ")";
        }
        if (resentTurn == turn && !resentText.equals(text)) {
            return "with another question at turn " + resentTurn;
        }
        if (resentTurn > turn && !answerInFlight) {
            return "at turn " + resentTurn + " though no answer was in flight (pending question was turn " + turn
                    + ")";
        }
        return null;
    }
}
