package dev.interviewagent.core.channel;

/**
 * How far a speech-to-text transcript can be trusted, from its confidence and {@link QualityTiers}. High and medium
 * transcripts go to the interview (a channel may show medium ones back); a low one goes back to the respondent to
 * confirm, retry or type instead. The one transcript-quality type of the SDK: speech-to-text (sdk-voice), the
 * channel bridge and the wire protocol all use it.
 *
 * <p>On the wire use {@link #wireValue()} ({@code high}, {@code medium}, {@code low}), never {@link #name()}.
 */
public enum TranscriptQuality {
    /** Confident enough to use as heard. */
    HIGH("high"),
    /** Usable; a channel may show it back to the respondent. */
    MEDIUM("medium"),
    /** Not to be used unconfirmed. */
    LOW("low");

    /** Default lower bound of {@link #HIGH}: {@link QualityTiers#DEFAULT_HIGH}. */
    public static final double DEFAULT_HIGH = QualityTiers.DEFAULT_HIGH;
    /** Default lower bound of {@link #MEDIUM}: {@link QualityTiers#DEFAULT_MEDIUM}. */
    public static final double DEFAULT_MEDIUM = QualityTiers.DEFAULT_MEDIUM;

    private final String code;

    TranscriptQuality(String code) {
        this.code = code;
    }

    /** The stable lower-case value used in protocol messages: {@code high}, {@code medium} or {@code low}. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String wireValue() {
        return code;
    }

    /** Whether a channel may submit the transcript to the interview without asking the respondent first. */
    public boolean usableWithoutConfirmation() {
        return this != LOW;
    }

    /** The tier of a confidence with the default bounds (0.85 and 0.6). */
    public static TranscriptQuality of(double confidence) {
        return QualityTiers.defaults().classify(confidence);
    }

    /**
     * The tier of a confidence with custom bounds. A confidence a provider got wrong is taken at its safest: below
     * 0 or not a number is {@link #LOW}, above 1 counts as 1.
     *
     * @throws IllegalArgumentException unless 0 ≤ medium ≤ high ≤ 1
     */
    public static TranscriptQuality of(double confidence, double high, double medium) {
        double sane = Double.isNaN(confidence) || confidence < 0 ? 0 : Math.min(confidence, 1);
        return new QualityTiers(high, medium).classify(sane);
    }
}
