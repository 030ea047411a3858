package dev.interviewagent.core.internal.understanding;

/** A profile slot an answer can fill, so the interviewer never asks for it again. */
public enum FactSlot {
    /** Years of experience, as written: "18 years", «18 лет». */
    YEARS,
    /** Role or position, as written: "head cheesemaker", «технологом». */
    ROLE,
    /** The organisation the expert works for, as written: "Hollow Creek Dairy". */
    ORGANISATION
}
