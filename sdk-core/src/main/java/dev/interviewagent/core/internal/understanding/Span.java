package dev.interviewagent.core.internal.understanding;

/** A run of tokens, {@code start} inclusive, {@code end} exclusive. */
record Span(int start, int end) {

    boolean contains(int token) {
        return token >= start && token < end;
    }

    boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }
}
