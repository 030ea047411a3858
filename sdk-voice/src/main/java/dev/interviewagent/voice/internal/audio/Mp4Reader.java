package dev.interviewagent.voice.internal.audio;

import static dev.interviewagent.voice.internal.audio.Bytes.ascii;
import static dev.interviewagent.voice.internal.audio.Bytes.corrupt;
import static dev.interviewagent.voice.internal.audio.Bytes.truncated;
import static dev.interviewagent.voice.internal.audio.Bytes.u32be;
import static dev.interviewagent.voice.internal.audio.Bytes.u64be;
import static dev.interviewagent.voice.internal.audio.Bytes.u8;

import dev.interviewagent.voice.AudioFormat;

/**
 * ISO base media files (MP4/M4A/3GP). Walks the top-level boxes to the end (a box running past the end means the file
 * was cut) and reads the duration from {@code moov/mvhd} (timescale and duration); for fragmented files whose
 * {@code mvhd} duration is zero, from {@code moov/mvex/mehd}.
 */
final class Mp4Reader {

    private static final AudioFormat FORMAT = AudioFormat.MP4_AAC;

    private Mp4Reader() {
    }

    static boolean matches(byte[] b) {
        return ascii(b, 4, "ftyp");
    }

    static Probe read(byte[] b) {
        int offset = 0;
        double seconds = -1;
        boolean media = false;
        while (offset < b.length) {
            Bytes.require(b, offset, 8, FORMAT, "box header");
            long size = u32be(b, offset);
            int headerLength = 8;
            if (size == 1) {
                Bytes.require(b, offset, 16, FORMAT, "large box header");
                size = u64be(b, offset + 8);
                headerLength = 16;
            } else if (size == 0) {
                size = b.length - offset;
            }
            if (size < headerLength) {
                throw corrupt(FORMAT, "box smaller than its header");
            }
            if (offset + size > b.length) {
                throw truncated(FORMAT, "box runs past the end");
            }
            if (ascii(b, offset + 4, "moov")) {
                seconds = movieDuration(b, offset + headerLength, (int) (offset + size));
            } else if (ascii(b, offset + 4, "mdat") || ascii(b, offset + 4, "moof")) {
                media = true;
            }
            offset += (int) size;
        }
        if (seconds < 0) {
            throw truncated(FORMAT, "no movie header");
        }
        if (!media) {
            throw truncated(FORMAT, "no media data");
        }
        return new Probe(FORMAT, seconds);
    }

    private static double movieDuration(byte[] b, int from, int to) {
        long timescale = 0;
        long duration = 0;
        int offset = from;
        while (offset + 8 <= to) {
            long size = u32be(b, offset);
            if (size < 8 || offset + size > to) {
                throw corrupt(FORMAT, "bad box inside moov");
            }
            int body = offset + 8;
            if (ascii(b, offset + 4, "mvhd")) {
                int version = u8(b, body);
                if (version == 1) {
                    Bytes.require(b, body, 32, FORMAT, "mvhd");
                    timescale = u32be(b, body + 20);
                    duration = u64be(b, body + 24);
                } else {
                    Bytes.require(b, body, 20, FORMAT, "mvhd");
                    timescale = u32be(b, body + 12);
                    duration = u32be(b, body + 16);
                }
            } else if (ascii(b, offset + 4, "mvex") && (duration == 0 || duration == 0xFFFFFFFFL)) {
                duration = fragmentDuration(b, body, (int) (offset + size));
            }
            offset += (int) size;
        }
        if (timescale == 0) {
            throw corrupt(FORMAT, "no mvhd or timescale 0");
        }
        if (duration == 0xFFFFFFFFL || duration == 0) {
            throw corrupt(FORMAT, "duration unknown");
        }
        return duration / (double) timescale;
    }

    private static long fragmentDuration(byte[] b, int from, int to) {
        int offset = from;
        while (offset + 8 <= to) {
            long size = u32be(b, offset);
            if (size < 8 || offset + size > to) {
                return 0;
            }
            if (ascii(b, offset + 4, "mehd")) {
                int body = offset + 8;
                return u8(b, body) == 1 ? u64be(b, body + 4) : u32be(b, body + 4);
            }
            offset += (int) size;
        }
        return 0;
    }
}
