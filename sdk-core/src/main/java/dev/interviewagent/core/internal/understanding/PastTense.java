package dev.interviewagent.core.internal.understanding;

/** Tells whether a token is a finite past-tense verb: the backbone of a story. */
interface PastTense {

    boolean isPast(AnalysedText text, int i);
}
