package dev.interviewagent.testkit.respondent;

/** What a synthetic respondent's answer carries: the ground truth the scorecard judges the interviewer against. */
public enum AnswerKind {
    /** Years, roles, organisation. */
    BACKGROUND,
    /** Why they do the work. */
    MOTIVATION,
    /** What the role really is. */
    ESSENCE,
    /** What would surprise an outsider. */
    SURPRISE,
    /** A concrete story (episode). */
    EPISODE,
    /** An answer to a critical-decision probe of a story: its cue, options, basis or what a newcomer would do. */
    EPISODE_PROBE,
    /** A process, step by step. */
    PROCESS,
    /** The step of a process that takes judgement. */
    STEP_JUDGEMENT,
    /** Numbers. */
    NUMBERS,
    /** A typical mistake. */
    FAILURE,
    /** A mistake's warning sign, fix or consequence. */
    FAILURE_DETAIL,
    /** A rule of thumb. */
    PRINCIPLE,
    /** How a novice and an expert differ. */
    CONTRAST,
    /** How people grow, turning points. */
    GROWTH,
    /** Advice. */
    ADVICE,
    /** Something no question asked for. */
    EXTRA,
    /** "You just kind of know": a tacit marker with nothing explicit. */
    TACIT,
    /** The follow-up that makes a tacit cue explicit. */
    TACIT_EXPLICIT,
    /** "Nothing more to add". */
    NOTHING_MORE,
    /** "As I said, …": asked again for something already told. */
    AS_I_SAID,
    /** The answer to the member check, with a rating. */
    MEMBER_CHECK,
    /** A short confirmation of a summary ("Yes, that's the main point"). */
    CONFIRMATION,
    /** A polite reply that carries nothing ("No, let's go on"). */
    PLEASANTRY
}
