package dev.interviewagent.core.internal.understanding;

/** What kind of content an expert answer carries. One answer may carry several. */
public enum ContentLabel {
    /** A specific past occurrence: a time anchor, past-tense narrative, participants, an outcome. */
    EPISODE,
    /** An ordered procedure: first/then/after that, numbered items. */
    STEPS,
    /** A mistake or failure together with its warning sign, consequence or fix. */
    FAILURE,
    /** A rule of thumb, why something works, general reasoning. */
    PRINCIPLE,
    /** Tacit-knowledge markers: "you just know", "it's a feeling", "hard to put into words". */
    TACIT,
    /** The expert has nothing more to add, or is tired. */
    FATIGUE,
    /** Talk about the conversation itself: "as I said", "you already asked that". */
    META,
    /** States a profile fact: years of experience, role or organisation. */
    FACT
}
