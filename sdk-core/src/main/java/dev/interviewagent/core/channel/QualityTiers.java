package dev.interviewagent.core.channel;

/**
 * Confidence thresholds that turn a speech-to-text transcript's confidence into a {@link TranscriptQuality}: at least {@code high}
 * is {@link TranscriptQuality#HIGH}, at least {@code medium} is {@link TranscriptQuality#MEDIUM}, anything below is
 * {@link TranscriptQuality#LOW}.
 *
 * @param high lower bound of HIGH, default {@link #DEFAULT_HIGH}
 * @param medium lower bound of MEDIUM, default {@link #DEFAULT_MEDIUM}
 */
public record QualityTiers(double high, double medium) {

    /** 0.85. */
    public static final double DEFAULT_HIGH = 0.85;
    /** 0.6. */
    public static final double DEFAULT_MEDIUM = 0.6;

    private static final QualityTiers DEFAULTS = new QualityTiers(DEFAULT_HIGH, DEFAULT_MEDIUM);

    /** @throws IllegalArgumentException unless 0 ≤ medium ≤ high ≤ 1 */
    public QualityTiers {
        if (!(medium >= 0 && medium <= 1)) {
            throw new IllegalArgumentException("medium must be in [0, 1], was " + medium);
        }
        if (!(high >= 0 && high <= 1)) {
            throw new IllegalArgumentException("high must be in [0, 1], was " + high);
        }
        if (medium > high) {
            throw new IllegalArgumentException("medium must be <= high, was " + medium + " > " + high);
        }
    }

    /** The default tiers: high ≥ 0.85, medium ≥ 0.6. */
    public static QualityTiers defaults() {
        return DEFAULTS;
    }

    /**
     * The quality of a confidence.
     *
     * @throws IllegalArgumentException if the confidence is outside [0, 1]
     */
    public TranscriptQuality classify(double confidence) {
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], was " + confidence);
        }
        if (confidence >= high) {
            return TranscriptQuality.HIGH;
        }
        return confidence >= medium ? TranscriptQuality.MEDIUM : TranscriptQuality.LOW;
    }
}
