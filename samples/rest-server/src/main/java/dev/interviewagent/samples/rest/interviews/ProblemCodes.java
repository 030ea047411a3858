package dev.interviewagent.samples.rest.interviews;

/** Extra members of the interview API's problems. */
final class ProblemCodes {

    /** Why a recording was refused, beside the error code: {@code nothing_heard}, {@code unclear}. */
    static final String REASON = "reason";

    private ProblemCodes() {
    }
}
