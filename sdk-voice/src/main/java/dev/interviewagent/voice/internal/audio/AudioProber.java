package dev.interviewagent.voice.internal.audio;

import dev.interviewagent.voice.AudioFormat;
import dev.interviewagent.voice.SpeechException;
import dev.interviewagent.voice.SpeechException.Reason;
import java.util.Optional;

/** Picks the container reader from the leading bytes and reads format and duration; stateless. */
public final class AudioProber {

    private AudioProber() {
    }

    /** The format the leading bytes announce, without reading further. */
    public static Optional<AudioFormat> sniff(byte[] b) {
        if (OggReader.matches(b)) {
            try {
                return Optional.of(OggReader.codecOf(b));
            } catch (SpeechException e) {
                return Optional.empty(); // the first packet, which names the codec, is missing or foreign
            }
        }
        if (WavReader.matches(b)) {
            return Optional.of(AudioFormat.WAV_PCM);
        }
        if (FlacReader.matches(b)) {
            return Optional.of(AudioFormat.FLAC);
        }
        if (Mp4Reader.matches(b)) {
            return Optional.of(AudioFormat.MP4_AAC);
        }
        if (MatroskaReader.matches(b)) {
            return Optional.of(AudioFormat.WEBM);
        }
        if (Mp3Reader.matches(b)) {
            return Optional.of(AudioFormat.MP3);
        }
        return Optional.empty();
    }

    /**
     * Reads format and duration.
     *
     * @throws SpeechException UNKNOWN_FORMAT, TRUNCATED, CORRUPT or TOO_SHORT (no samples at all)
     */
    public static Probe probe(byte[] b) {
        if (OggReader.matches(b)) {
            return OggReader.read(b);
        }
        if (WavReader.matches(b)) {
            return WavReader.read(b);
        }
        if (FlacReader.matches(b)) {
            return FlacReader.read(b);
        }
        if (Mp4Reader.matches(b)) {
            return Mp4Reader.read(b);
        }
        if (MatroskaReader.matches(b)) {
            return MatroskaReader.read(b);
        }
        if (Mp3Reader.matches(b)) {
            return Mp3Reader.read(b);
        }
        throw new SpeechException(Reason.UNKNOWN_FORMAT, "not a supported audio format");
    }
}
