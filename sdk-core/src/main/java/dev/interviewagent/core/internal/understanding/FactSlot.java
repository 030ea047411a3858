package dev.interviewagent.core.internal.understanding;

/** A known profile slot an answer can fill. */
public enum FactSlot {
    YEARS, ROLE, ORGANISATION
}
