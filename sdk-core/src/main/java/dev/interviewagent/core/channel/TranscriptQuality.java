package dev.interviewagent.core.channel;

/**
 * How far a speech-to-text transcript can be trusted. High and medium transcripts go to the interview (medium ones
 * are shown to the respondent); a low one is shown for the respondent to confirm, retry or type instead.
 */
public enum TranscriptQuality {
    HIGH("high"),
    MEDIUM("medium"),
    LOW("low");

    /** Default lower bound of {@link #HIGH}. */
    public static final double DEFAULT_HIGH = 0.85;
    /** Default lower bound of {@link #MEDIUM}. */
    public static final double DEFAULT_MEDIUM = 0.6;

    private final String code;

    TranscriptQuality(String code) {
        this.code = code;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return code;
    }

    /** The tier of a confidence with the default bounds (0.85 and 0.6). */
    public static TranscriptQuality of(double confidence) {
        return of(confidence, DEFAULT_HIGH, DEFAULT_MEDIUM);
    }

    /** The tier of a confidence with custom bounds. */
    public static TranscriptQuality of(double confidence, double high, double medium) {
        if (!(medium <= high)) {
            throw new IllegalArgumentException("medium bound must be <= high bound");
        }
        if (confidence >= high) {
            return HIGH;
        }
        return confidence >= medium ? MEDIUM : LOW;
    }
}
