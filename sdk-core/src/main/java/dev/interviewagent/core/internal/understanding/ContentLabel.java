package dev.interviewagent.core.internal.understanding;

/** What kind of content an answer carries. */
public enum ContentLabel {
    EPISODE, STEPS, FAILURE, PRINCIPLE, TACIT, FATIGUE, META, FACT
}
