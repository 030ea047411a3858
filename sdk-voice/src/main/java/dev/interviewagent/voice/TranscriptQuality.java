package dev.interviewagent.voice;

/**
 * How far a transcript can be trusted, from its confidence and {@link QualityTiers}. Channels feed {@link #HIGH} and
 * {@link #MEDIUM} transcripts to the interview; a {@link #LOW} one goes back to the respondent to confirm, retry or
 * type instead.
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

    private final String wireValue;

    TranscriptQuality(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The stable lower-case value used in protocol messages: {@code high}, {@code medium} or {@code low}. */
    public String wireValue() {
        return wireValue;
    }

    /** Whether a channel may submit the transcript to the interview without asking the respondent first. */
    public boolean usableWithoutConfirmation() {
        return this != LOW;
    }
}
