package dev.interviewagent.core.knowledge;

/** The kinds of knowledge an interview collects. Wire and storage value: {@link #code()}. */
public enum KnowledgeKind {
    /** A non-obvious claim: the expert's key insight. */
    INSIGHT("insight"),
    /** A concrete case: who, when, what happened, the result. */
    EXAMPLE("example"),
    /** A process with its ordered steps. */
    PROCESS("process"),
    /** A typical mistake with warning signs, consequences and fixes. */
    FAILURE_MODE("failure_mode"),
    /** A number or metric with its unit. */
    METRIC("metric"),
    /** A step in the expert's development, with its time. */
    MILESTONE("milestone"),
    /** What someone at a level (novice, intermediate, expert) knows or does. */
    COMPETENCY("competency"),
    /** A topic the expert said was not their area or did not know: recorded, not a failure. */
    GAP("gap");

    private final String code;

    KnowledgeKind(String code) {
        this.code = code;
    }

    @com.fasterxml.jackson.annotation.JsonValue

    public String code() {
        return code;
    }

    @com.fasterxml.jackson.annotation.JsonCreator

    public static KnowledgeKind fromCode(String code) {
        for (KnowledgeKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown knowledge kind: " + code);
    }
}
