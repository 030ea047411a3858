package dev.interviewagent.core.analysis;

/** How engaged the respondent is, from the length and richness of their answers. Wire value: {@link #code()}. */
public enum Engagement {
    /** Over 200 words, or examples offered unprompted: go deeper faster. */
    HIGH("high"),
    /** 50–200 words: keep pace. */
    MEDIUM("medium"),
    /** Under 50 words or repeated prompting needed: slow down, simplify, thank the person. */
    LOW("low");

    private final String code;

    Engagement(String code) {
        this.code = code;
    }

    @com.fasterxml.jackson.annotation.JsonValue

    public String code() {
        return code;
    }

    @com.fasterxml.jackson.annotation.JsonCreator

    public static Engagement fromCode(String code) {
        for (Engagement engagement : values()) {
            if (engagement.code.equals(code)) {
                return engagement;
            }
        }
        throw new IllegalArgumentException("unknown engagement: " + code);
    }
}
