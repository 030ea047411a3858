package dev.interviewagent.bench.drill.load;

import org.jspecify.annotations.Nullable;

/** What one respondent says in one interview: its language, its code word and its answers in order. */
public interface Script {

    /** {@code en} or {@code ru}. */
    String language();

    /**
     * A word that appears in this interview's answers and nowhere else, so a frame that carries it to another
     * respondent shows a leak between interviews.
     */
    String codeWord();

    /** The k-th answer (1-based), or null when the respondent has said all it had to say (it then ends). */
    @Nullable Answer answer(int k);

    /** One answer: typed ({@code audio} null) or spoken (a recording in {@code format}, {@code text} its words). */
    record Answer(String text, byte @Nullable [] audio, @Nullable String format) {

        public static Answer typed(String text) {
            return new Answer(text, null, null);
        }

        public boolean spoken() {
            return audio != null;
        }
    }

    /** Makes the script of a respondent's n-th interview (1-based), or null when it has no more interviews. */
    interface Factory {
        @Nullable Script create(int respondent, int life);
    }
}
