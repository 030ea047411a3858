package dev.interviewagent.voice.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Audio for tests: the committed clips under {@code audio/} on the test classpath (see its README), the shared
 * Telegram voice note, and WAV files synthesised in memory.
 */
public final class AudioFixtures {

    /** The real Telegram voice note beside the repository: Ogg/Opus, 12.56 s. */
    public static final String TELEGRAM_VOICE_NOTE = "fixtures/voice/telegram-voice-note.ogg";

    private AudioFixtures() {
    }

    /** A committed clip from {@code src/test/resources/audio/}, e.g. {@code speech-en.opus.ogg}. */
    public static byte[] resource(String name) {
        try (InputStream in = AudioFixtures.class.getResourceAsStream("/audio/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource audio/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A file from the project's {@code shared/} folder, found by walking up from the working directory (the
     * {@code shared} folder sits beside the repository root), or from the {@code interview.shared.dir} system
     * property. Fails loudly when it cannot be found rather than skipping.
     */
    public static byte[] shared(String relative) {
        try {
            return Files.readAllBytes(sharedPath(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where {@link #shared(String)} reads from. */
    public static Path sharedPath(String relative) {
        String configured = System.getProperty("interview.shared.dir");
        if (configured != null && Files.isRegularFile(Path.of(configured, relative))) {
            return Path.of(configured, relative);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/" + relative + " not found above " + Path.of("").toAbsolutePath()
                + "; set -Dinterview.shared.dir");
    }

    /** A mono 16-bit PCM WAV of the given length in milliseconds, filled with a quiet tone. */
    public static byte[] wav(int millis, int sampleRate) {
        int samples = (int) ((long) sampleRate * millis / 1000);
        int dataSize = samples * 2;
        ByteBuffer buffer = ByteBuffer.allocate(44 + dataSize).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataSize);
        buffer.put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16);
        buffer.putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(sampleRate * 2);
        buffer.putShort((short) 2).putShort((short) 16);
        buffer.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataSize);
        for (int i = 0; i < samples; i++) {
            buffer.putShort((short) (1000 * Math.sin(2 * Math.PI * 440 * i / sampleRate)));
        }
        return buffer.array();
    }
}
