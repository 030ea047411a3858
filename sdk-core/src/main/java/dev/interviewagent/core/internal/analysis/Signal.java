package dev.interviewagent.core.internal.analysis;

/** What a lexicon phrase signals. The analyzer uses the first group; knowledge extraction also uses the second. */
public enum Signal {
    // answer analysis
    EVASIVE,
    EXAMPLE,
    STEP,
    FAILURE,
    FIX,
    REFUSAL,
    DISCOMFORT,
    STOP,
    DONT_KNOW,
    INSTRUCTION,
    // knowledge extraction
    TIME,
    RESULT,
    WARNING_SIGN,
    CONSEQUENCE,
    MILESTONE,
    NOVICE,
    INTERMEDIATE,
    EXPERT,
    INSIGHT
}
