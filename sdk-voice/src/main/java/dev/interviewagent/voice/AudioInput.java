package dev.interviewagent.voice;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Audio to transcribe: the bytes plus, optionally, what the sender said it was (a declared format or a file name).
 *
 * <p>The declaration is only a hint: {@link AudioInspector} always decides the format from the bytes. Immutable and
 * thread-safe; the bytes are copied in and out. Never logged.
 */
public final class AudioInput {

    private final byte[] bytes;
    private final Optional<AudioFormat> declaredFormat;
    private final Optional<String> fileName;

    private AudioInput(byte[] bytes, Optional<AudioFormat> declaredFormat, Optional<String> fileName) {
        this.bytes = bytes;
        this.declaredFormat = declaredFormat;
        this.fileName = fileName;
    }

    /**
     * Audio bytes without a declaration.
     *
     * @throws NullPointerException if {@code bytes} is null
     */
    public static AudioInput of(byte[] bytes) {
        return new AudioInput(Objects.requireNonNull(bytes, "bytes").clone(), Optional.empty(), Optional.empty());
    }

    /**
     * Audio bytes with the file name the sender gave (for example {@code voice.ogg}); the name may be blank.
     *
     * @throws NullPointerException if an argument is null
     */
    public static AudioInput of(byte[] bytes, String fileName) {
        Objects.requireNonNull(fileName, "fileName");
        return new AudioInput(Objects.requireNonNull(bytes, "bytes").clone(), Optional.empty(),
                fileName.isBlank() ? Optional.empty() : Optional.of(fileName.strip()));
    }

    /**
     * Audio bytes with the format the sender declared (for example from a protocol message).
     *
     * @throws NullPointerException if an argument is null
     */
    public static AudioInput of(byte[] bytes, AudioFormat declaredFormat) {
        return new AudioInput(Objects.requireNonNull(bytes, "bytes").clone(),
                Optional.of(Objects.requireNonNull(declaredFormat, "declaredFormat")), Optional.empty());
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** A new stream over the bytes; closing it is optional. */
    public InputStream openStream() {
        return new ByteArrayInputStream(bytes);
    }

    /** The number of bytes. */
    public int size() {
        return bytes.length;
    }

    /** The format the sender declared, if any. */
    public Optional<AudioFormat> declaredFormat() {
        return declaredFormat;
    }

    /** The file name the sender gave, if any. */
    public Optional<String> fileName() {
        return fileName;
    }

    /** Internal zero-copy access for the inspector and adapters in this module. */
    byte[] unsafeBytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AudioInput that
                && Arrays.equals(bytes, that.bytes)
                && declaredFormat.equals(that.declaredFormat)
                && fileName.equals(that.fileName);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + Objects.hash(declaredFormat, fileName);
    }

    /** Sizes and declarations only, never the content. */
    @Override
    public String toString() {
        return "AudioInput[size=" + bytes.length + ", declaredFormat=" + declaredFormat.map(AudioFormat::code)
                .orElse("none") + ", fileName=" + fileName.isPresent() + "]";
    }
}
