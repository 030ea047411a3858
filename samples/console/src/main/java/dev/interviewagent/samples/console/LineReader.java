package dev.interviewagent.samples.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Reads UTF-8 lines ({@code \n} or {@code \r\n}), keeping at most {@code max} characters of each: the rest of a
 * longer line is read and dropped, so a huge line never sits in memory. Not thread-safe.
 */
final class LineReader {
    private final InputStreamReader reader;
    private final int max;
    private final char[] buffer = new char[8192];
    private int pos;
    private int len;

    LineReader(InputStream in, int max) {
        this.reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        this.max = max;
    }

    /** The next line without its line break, or null at the end of input. */
    @Nullable String next() {
        StringBuilder line = new StringBuilder();
        boolean any = false;
        try {
            while (true) {
                if (pos == len) {
                    len = reader.read(buffer);
                    pos = 0;
                    if (len < 0) {
                        len = 0;
                        return any ? strip(line) : null;
                    }
                }
                char c = buffer[pos++];
                any = true;
                if (c == '\n') {
                    return strip(line);
                }
                if (line.length() < max) {
                    line.append(c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String strip(StringBuilder line) {
        int n = line.length();
        return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
    }
}
