package dev.interviewagent.testkit.intent;

/**
 * What an interviewer's question asks for, as a synthetic respondent (and the scorecard) reads it. One intent per
 * message: the intent of its question sentence, read in the context of the lead sentences before it.
 * {@link QuestionIntentClassifier} assigns it; the notes below record where the line between two intents is drawn.
 */
public enum QuestionIntent {
    /** Years, roles, organisation, career so far ("How long have you been doing this work?"). */
    BACKGROUND,
    /** Why they chose the work, what still energises them. */
    MOTIVATION,
    /** What the role really is, as opposed to its title or description; which result of it matters most. */
    ESSENCE,
    /** What would surprise an outsider, what outsiders get wrong. */
    SURPRISE,
    /**
     * A concrete case or story ("Could you give me one specific example?"), including "another case" — which
     * {@link QuestionIntentClassifier.Reading#asksForAnother()} flags — and a project or move that stands for one.
     */
    EXAMPLE,
    /** The process step by step, a typical day, a workflow, the tools; which step takes the most judgement. */
    STEPS,
    /** Numbers: how often, how long, how much. Years in the work are {@link #BACKGROUND}. */
    NUMBERS,
    /** Mistakes, failures, problems; their warning signs, consequences and fixes. */
    FAILURE,
    /** Why it works, the principle or reasoning behind it, the rule of thumb, what is not written down anywhere. */
    PRINCIPLE,
    /**
     * What separates a newcomer from an expert, what a novice would do or miss, what separates good from great
     * (or the respondent from colleagues), what they now do automatically.
     */
    NOVICE_EXPERT,
    /**
     * The cue behind a judgement or story: what they noticed first, what told them, what they saw or heard. Also
     * what they expected to happen next: in the critical decision method expectancies belong to the same
     * situation assessment as cues.
     */
    CUE,
    /** The decision point of a story: the options they weighed, what they considered doing. */
    DECISION,
    /** Development over time: turning points, how people grow, plateaus, what accelerates learning. */
    GROWTH,
    /** Advice: to their younger self, to a newcomer. */
    ADVICE,
    /** The member check: the interviewer presents its summary of key points and asks to confirm and rate it. */
    MEMBER_CHECK,
    /** A summary check of one answer ("So the main point is … Is that right?", "What's the one key point here?"). */
    SUMMARY_CHECK,
    /**
     * A request to explain a quoted word or phrase ("When you say “as usual”, what exactly happens?"), or to
     * reconcile two things the respondent said ("Earlier you said “…”, and now “…”. How do these fit together?").
     */
    CLARIFY,
    /**
     * Anything else: what we have not covered, comfort checks and pauses, steering back to their own experience,
     * who else handles a part, off-topic steering — and messages that ask nothing.
     */
    OTHER
}
