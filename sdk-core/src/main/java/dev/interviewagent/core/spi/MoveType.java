package dev.interviewagent.core.spi;

/**
 * The moves the decision layer chooses from. A brain phrases the chosen move; it never picks another. Stored on
 * each interviewer turn by {@link #code()}.
 */
public enum MoveType {
    /** The interview's first message: welcome, explain the process, ask the first greeting question. */
    OPEN("open"),
    /** Open a new topic in the current stage with a seed question. */
    NEW_TOPIC("new_topic"),
    /** Ask for a concrete example (who, when, what happened, the result). */
    DEEPEN_EXAMPLE("deepen_example"),
    /** Ask for the process step by step. */
    DEEPEN_STEPS("deepen_steps"),
    /** Ask to quantify: numbers, durations, amounts, frequencies. */
    DEEPEN_NUMBERS("deepen_numbers"),
    /** Ask for the expert insight behind it: why it works, what a novice would miss. */
    DEEPEN_INSIGHT("deepen_insight"),
    /**
     * Probe the story just told, critical-decision style: what the expert noticed first, the cue behind a judgement.
     * Also the answer to "you just know": the cue behind it. The move's {@link Move#anchor()} is the story's
     * fragment.
     */
    PROBE_CUE("probe_cue"),
    /** Probe the decision point of the story: the options the expert weighed. */
    PROBE_DECISION("probe_decision"),
    /** Probe the basis of the story's judgement: what told the expert it was this and not something else. */
    PROBE_BASIS("probe_basis"),
    /** Probe the counterfactual: what a newcomer would have done at that moment of the story. */
    PROBE_COUNTERFACTUAL("probe_counterfactual"),
    /** Drill into the steps just described: the step that takes judgement, or the one a newcomer skips. */
    PROBE_STEP("probe_step"),
    /** Follow up the mistake just named: its warning sign, its cost, how it is caught or fixed. */
    PROBE_FAILURE("probe_failure"),
    /** Contrast a novice and an expert on what was just said. */
    CONTRAST("contrast"),
    /** Beginner's mind: explain it as to a newcomer on their first day. */
    BEGINNERS_MIND("beginners_mind"),
    /** Expert's secret: the thing only experience teaches, that is written down nowhere. */
    EXPERT_SECRET("expert_secret"),
    /** The respondent did not understand the question: ask it again, more simply and concretely. */
    REPHRASE("rephrase"),
    /** The respondent is tired: offer a pause, and ask whether to go on. */
    OFFER_PAUSE("offer_pause"),
    /** Challenge a vague phrase, quoting the respondent's words. */
    CLARIFY_VAGUE("clarify_vague"),
    /** Point out, gently, that two answers seem to disagree. */
    CONTRADICTION("contradiction"),
    /** Summarise a long answer and check its main point. */
    SUMMARY_CHECK("summary_check"),
    /** Acknowledge a refusal and offer another angle. */
    RECOVER_REFUSAL("recover_refusal"),
    /** Acknowledge discomfort, adapt (lighter angle, offer a pause) once. */
    RECOVER_DISCOMFORT("recover_discomfort"),
    /** Accept "I don't know / not my area" as a gap and move to another topic. */
    ACKNOWLEDGE_GAP("acknowledge_gap"),
    /** The answer tried to instruct the interviewer: treat it as an answer and steer back to the topic. */
    REDIRECT("redirect"),
    /** End the current stage and open the next one. */
    NEXT_STAGE("next_stage"),
    /** Show the key insights and ask the expert to confirm or correct them and rate the summary 1–4. */
    MEMBER_CHECK("member_check"),
    /** Close the interview warmly (no question). */
    CLOSE("close");

    private final String code;

    MoveType(String code) {
        this.code = code;
    }

    @com.fasterxml.jackson.annotation.JsonValue

    public String code() {
        return code;
    }

    /** Whether the phrased message must contain exactly one question (every move but {@link #CLOSE}). */
    public boolean asksQuestion() {
        return this != CLOSE;
    }

    @com.fasterxml.jackson.annotation.JsonCreator

    public static MoveType fromCode(String code) {
        for (MoveType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown move: " + code);
    }
}
