package dev.interviewagent.core.guide;

/**
 * The kind of knowledge a stage is mainly after. The decision layer asks for it when an answer lacks it, and the
 * stage's completeness counts it.
 */
public enum StageFocus {
    NONE("none"),
    EXAMPLES("examples"),
    NUMBERS("numbers"),
    STEPS("steps"),
    FAILURES("failures"),
    INSIGHTS("insights"),
    MILESTONES("milestones");

    private final String code;

    StageFocus(String code) {
        this.code = code;
    }

    @com.fasterxml.jackson.annotation.JsonValue

    public String code() {
        return code;
    }

    @com.fasterxml.jackson.annotation.JsonCreator

    public static StageFocus fromCode(String code) {
        for (StageFocus focus : values()) {
            if (focus.code.equals(code)) {
                return focus;
            }
        }
        throw new IllegalArgumentException("unknown stage focus: " + code);
    }
}
