package dev.interviewagent.telegram.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The audio format of a voice message or an audio file, from its MIME type or file name, as transcribers name it. */
final class AudioFormats {

    private AudioFormats() {
    }

    /** {@code ogg}, {@code mp3}, {@code m4a}, {@code wav}, {@code webm}, else the file's extension, else {@code ogg}. */
    static String of(@Nullable String mimeType, @Nullable String fileName) {
        String mime = mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT);
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (mime.contains("ogg") || mime.contains("opus") || name.endsWith(".ogg") || name.endsWith(".oga")
                || name.endsWith(".opus")) {
            return "ogg";
        }
        if (mime.contains("mpeg") || mime.contains("mp3") || name.endsWith(".mp3")) {
            return "mp3";
        }
        if (mime.contains("mp4") || mime.contains("m4a") || mime.contains("aac") || name.endsWith(".m4a")) {
            return "m4a";
        }
        if (mime.contains("wav") || name.endsWith(".wav")) {
            return "wav";
        }
        if (mime.contains("webm") || name.endsWith(".webm")) {
            return "webm";
        }
        int dot = name.lastIndexOf('.');
        return dot >= 0 ? name.substring(dot + 1) : "ogg";
    }
}
