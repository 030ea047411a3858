package dev.interviewagent.samples.rest.interviews;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.channel.QualityTiers;
import dev.interviewagent.core.channel.TranscriptQuality;
import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.samples.rest.RestSettings;
import dev.interviewagent.samples.rest.problem.ApiException;
import dev.interviewagent.voice.AudioInfo;
import dev.interviewagent.voice.AudioInput;
import dev.interviewagent.voice.AudioInspector;
import dev.interviewagent.voice.AudioLimits;
import dev.interviewagent.voice.SpeechToText;
import dev.interviewagent.voice.Transcript;
import dev.interviewagent.voice.TranscriptionOptions;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Spoken answers: the recording is checked by sdk-voice's {@link AudioInspector} (format from the bytes, duration,
 * size; nothing is uploaded when it fails), then transcribed by the starter's {@link SpeechToText} in the interview's
 * language. Without speech-to-text configured ({@code interview.voice.*}) every recording is refused with 501.
 */
@Component
public class VoiceAnswers {

    private final @Nullable SpeechToText speech;
    private final AudioInspector inspector;
    private final QualityTiers tiers = QualityTiers.defaults();

    public VoiceAnswers(ObjectProvider<SpeechToText> speech, RestSettings settings) {
        this.speech = speech.getIfUnique();
        this.inspector = AudioInspector.of(AudioLimits.builder()
                .maxBytes(settings.maxAudioBytes().toBytes()).build());
    }

    /** Whether recordings are transcribed. */
    public boolean enabled() {
        return speech != null;
    }

    /** The largest recording. */
    public long maxBytes() {
        return inspector.limits().maxBytes();
    }

    /** What a stored spoken answer was heard as, for the reply to a repeated recording. */
    TranscriptView heardBefore(dev.interviewagent.core.Turn turn) {
        double confidence = turn.confidence() == null ? 1.0 : turn.confidence();
        return new TranscriptView(turn.text(), confidence, tiers.classify(confidence).wireValue());
    }

    /**
     * Refuses every recording when there is no speech-to-text.
     *
     * @throws ApiException 501 without speech-to-text
     */
    void requireEnabled() {
        if (speech == null) {
            throw ApiException.of(HttpStatus.NOT_IMPLEMENTED, ErrorCode.UNSUPPORTED_AUDIO,
                    "this server takes no spoken answers (no speech-to-text is configured: interview.voice.*);"
                            + " type the answer instead");
        }
    }

    /**
     * What the recording says.
     *
     * @throws dev.interviewagent.voice.SpeechException for a bad recording (before any upload) or a provider failure
     * @throws ApiException 422 when nothing intelligible was heard, with the transcript when it is too unsure to be
     *                      used unconfirmed
     */
    TranscriptView transcribe(byte[] audio, Language language) {
        requireEnabled();
        AudioInfo info = inspector.inspect(AudioInput.of(audio));
        Transcript transcript = speech.transcribe(AudioInput.of(audio, info.format()),
                TranscriptionOptions.builder().languageHint(language).build());
        if (transcript.isBlank()) {
            throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, ErrorCode.UNSUPPORTED_AUDIO,
                    "nothing intelligible was heard in the recording; record again or type the answer").with(ProblemCodes.REASON, "nothing_heard");
        }
        TranscriptQuality quality = transcript.quality(tiers);
        TranscriptView view = new TranscriptView(transcript.text(), transcript.confidence(), quality.wireValue());
        if (!quality.usableWithoutConfirmation()) {
            throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, ErrorCode.UNSUPPORTED_AUDIO,
                    "the recording was hard to understand: check the transcript and send it as a typed answer if it"
                            + " is right, or record again")
                    .with(ProblemCodes.REASON, "unclear").with("transcript", view);
        }
        return view;
    }
}
