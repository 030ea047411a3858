package dev.interviewagent.bench.drill.load;

import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * One interview of a respondent, from its start to {@code completed}: the script it follows, the {@code clientKey}
 * that makes a repeated start return the same interview, what the server said about it, and the question last seen.
 * A respondent makes a new one for each interview, so nothing of the previous interview carries over by mistake.
 */
final class InterviewRun {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CLIENT_KEY_BYTES = 24;

    /** 1-based: the respondent's n-th interview. */
    final int number;
    final Script script;
    final String clientKey;
    @Nullable String interviewId;
    @Nullable String token;
    Ledger.@Nullable InterviewLog log;
    @Nullable AskedQuestion lastQuestion;
    private int answered;

    InterviewRun(int number, Script script) {
        this.number = number;
        this.script = script;
        byte[] key = new byte[CLIENT_KEY_BYTES];
        RANDOM.nextBytes(key);
        this.clientKey = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    /** Whether the server has started it (a {@code session} frame named it). */
    boolean started() {
        return interviewId != null;
    }

    Outgoing start(int respondent) {
        return Outgoing.start("s-" + respondent + "-" + number);
    }

    /** The script's next answer, or null when the respondent has said all it had to say. */
    @Nullable Outgoing nextAnswer() {
        Script.Answer answer = script.answer(answered + 1);
        if (answer == null) {
            return null;
        }
        answered++;
        return Outgoing.answer("a-" + number + "-" + answered, answer);
    }

    Outgoing complete() {
        return Outgoing.complete("c-" + number);
    }
}
