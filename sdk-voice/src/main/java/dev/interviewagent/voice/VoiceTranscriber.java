package dev.interviewagent.voice;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.channel.InboundMessage;
import dev.interviewagent.core.channel.SpeechTranscriber;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Connects a {@link SpeechToText} provider to the core {@link dev.interviewagent.core.channel.ChannelBridge}: every
 * recording is checked by the {@link AudioInspector} first (format, duration, size — no upload of bad audio), then
 * transcribed with the interview's language as the hint. The bridge decides from the confidence whether the
 * respondent must confirm the transcript. Thread-safe when the provider is.
 *
 * <pre>{@code
 * SpeechToText stt = SpeechToTextFactory.fromEnvironment(System.getenv()).orElseThrow();
 * ChannelBridge bridge = ChannelBridge.builder(engine, channel)
 *         .transcriber(VoiceTranscriber.of(stt))
 *         .build();
 * }</pre>
 */
public final class VoiceTranscriber implements SpeechTranscriber {

    private final SpeechToText speechToText;
    private final AudioInspector inspector;

    private VoiceTranscriber(SpeechToText speechToText, AudioInspector inspector) {
        this.speechToText = Objects.requireNonNull(speechToText, "speechToText");
        this.inspector = Objects.requireNonNull(inspector, "inspector");
    }

    /** A transcriber with the default audio limits (0.5 s – 10 min, 25 MB). */
    public static VoiceTranscriber of(SpeechToText speechToText) {
        return new VoiceTranscriber(speechToText, AudioInspector.withDefaults());
    }

    /** A transcriber with custom audio checks. */
    public static VoiceTranscriber of(SpeechToText speechToText, AudioInspector inspector) {
        return new VoiceTranscriber(speechToText, inspector);
    }

    /**
     * Checks and transcribes one recording.
     *
     * @throws SpeechException for audio that is empty, truncated, too short, too long, too large or of an unknown
     *                         format (codes {@code unsupported_audio} / {@code too_large}), and for provider failures
     */
    @Override
    public Heard transcribe(InboundMessage.Audio audio, Language language) {
        AudioInput input = AudioInput.of(audio.bytes(), "answer." + audio.format());
        inspector.inspect(input);
        Transcript transcript = speechToText.transcribe(input,
                TranscriptionOptions.builder().languageHint(language).build());
        return new Heard(transcript.text(), transcript.confidence());
    }

    /** The inspector's {@link AudioLimits#maxDuration()}: longer recordings are refused before any upload. */
    @Override
    public Optional<Duration> maxDuration() {
        return Optional.of(inspector.limits().maxDuration());
    }
}
