package dev.interviewagent.voice;

import java.util.Locale;
import java.util.Optional;

/**
 * Audio containers and codecs that {@link AudioInspector} recognises from the bytes.
 *
 * <p>Never persist {@link #name()}: use {@link #code()}, which is stable across renames.
 */
public enum AudioFormat {
    /** Ogg container with Opus audio (Telegram voice notes, {@code .ogg}/{@code .opus}). */
    OGG_OPUS("ogg_opus", "audio/ogg", "ogg"),
    /** Ogg container with Vorbis audio ({@code .ogg}/{@code .oga}). */
    OGG_VORBIS("ogg_vorbis", "audio/ogg", "ogg"),
    /** RIFF/WAVE with PCM samples ({@code .wav}). */
    WAV_PCM("wav_pcm", "audio/wav", "wav"),
    /** MPEG-1/2 Layer III ({@code .mp3}). */
    MP3("mp3", "audio/mpeg", "mp3"),
    /** ISO base media file (MP4/M4A), usually AAC ({@code .m4a}/{@code .mp4}). */
    MP4_AAC("mp4_aac", "audio/mp4", "m4a"),
    /** WebM or any Matroska container, usually Opus or Vorbis ({@code .webm}/{@code .mka}). */
    WEBM("webm", "audio/webm", "webm"),
    /** Free Lossless Audio Codec ({@code .flac}). */
    FLAC("flac", "audio/flac", "flac");

    private final String code;
    private final String mimeType;
    private final String fileExtension;

    AudioFormat(String code, String mimeType, String fileExtension) {
        this.code = code;
        this.mimeType = mimeType;
        this.fileExtension = fileExtension;
    }

    /** The stable lower-case code, e.g. {@code ogg_opus}. */
    public String code() {
        return code;
    }

    /** The MIME type sent to providers, e.g. {@code audio/ogg}. */
    public String mimeType() {
        return mimeType;
    }

    /** The usual file extension without a dot, e.g. {@code ogg}; providers use it to name uploads. */
    public String fileExtension() {
        return fileExtension;
    }

    /**
     * Finds a format by its {@link #code()}, case-insensitively.
     *
     * @return the format, or empty when the code is unknown
     */
    public static Optional<AudioFormat> fromCode(String code) {
        String normalised = code.trim().toLowerCase(Locale.ROOT);
        for (AudioFormat format : values()) {
            if (format.code.equals(normalised)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
