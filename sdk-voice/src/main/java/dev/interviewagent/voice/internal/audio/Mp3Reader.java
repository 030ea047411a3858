package dev.interviewagent.voice.internal.audio;

import static dev.interviewagent.voice.internal.audio.Bytes.ascii;
import static dev.interviewagent.voice.internal.audio.Bytes.corrupt;
import static dev.interviewagent.voice.internal.audio.Bytes.truncated;
import static dev.interviewagent.voice.internal.audio.Bytes.u32be;
import static dev.interviewagent.voice.internal.audio.Bytes.u8;

import dev.interviewagent.voice.AudioFormat;

/**
 * MPEG-1/2/2.5 Layer III. Skips an ID3v2 tag, finds where the audio ends by taking the tags a file may carry at its
 * end (ID3v1, APEv2, Lyrics3v2) from the end by their own sizes, then walks every frame header from the first frame
 * to there: anything between that is not a frame (or zero padding at the end) means a damaged file, and a frame
 * running past the end a cut one. The duration is the sum of the frames walked, each at its own sample rate. A
 * Xing/Info or VBRI header's frame count is only the declared length: a decoder plays the frames, not the count.
 */
final class Mp3Reader {

    private static final AudioFormat FORMAT = AudioFormat.MP3;
    private static final int[] BITRATE_V1 = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0};
    private static final int[] BITRATE_V2 = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0};
    private static final int[][] SAMPLE_RATES = {
        {11_025, 12_000, 8_000}, // MPEG 2.5
        {0, 0, 0}, // reserved
        {22_050, 24_000, 16_000}, // MPEG 2
        {44_100, 48_000, 32_000}, // MPEG 1
    };
    private static final int ID3V1_SIZE = 128;
    private static final int APE_FOOTER_SIZE = 32;

    private Mp3Reader() {
    }

    /** An MP3 starts with an ID3v2 tag or with two consecutive valid frame headers. */
    static boolean matches(byte[] b) {
        if (ascii(b, 0, "ID3")) {
            return true;
        }
        int[] first = header(b, 0);
        return first != null && header(b, first[0]) != null;
    }

    static Probe read(byte[] b) {
        int offset = 0;
        if (ascii(b, 0, "ID3")) {
            Bytes.require(b, 0, 10, FORMAT, "ID3v2 header");
            int size = (u8(b, 6) << 21) | (u8(b, 7) << 14) | (u8(b, 8) << 7) | u8(b, 9);
            offset = 10 + size + ((u8(b, 5) & 0x10) != 0 ? 10 : 0);
            if (offset >= b.length) {
                throw truncated(FORMAT, "nothing after the ID3v2 tag");
            }
        }
        int[] first = header(b, offset);
        if (first == null) {
            throw corrupt(FORMAT, "no frame after the tag");
        }
        int audioEnd = audioEnd(b, offset);
        long xingFrames = xingFrames(b, offset, first);
        boolean infoFrame = xingFrames >= 0;
        double seconds = 0;
        long frames = 0;
        int position = offset;
        while (position < audioEnd) {
            int[] frame = header(b, position);
            if (frame == null) {
                if (allZero(b, position, audioEnd)) {
                    break;
                }
                throw corrupt(FORMAT, "lost frame sync");
            }
            if (position + frame[0] > audioEnd) {
                throw truncated(FORMAT, "last frame incomplete");
            }
            if (frames > 0 || !infoFrame) { // an Info/Xing/VBRI frame is a header, decoders play no audio of it
                seconds += frame[2] / (double) frame[1];
            }
            frames++;
            position += frame[0];
        }
        if (frames < 2) {
            throw truncated(FORMAT, "fewer than two frames");
        }
        double declared = xingFrames > 0 ? xingFrames * first[2] / (double) first[1] : Double.NaN;
        return new Probe(FORMAT, seconds, declared);
    }

    /**
     * Where the frames end: before the tags at the end of the file, each located from the end by its own size
     * (ID3v1: the last 128 bytes; APEv2: its footer's size; Lyrics3v2: the size before {@code LYRICS200}), so
     * frames placed after a fake tag marker are still walked.
     */
    private static int audioEnd(byte[] b, int audioStart) {
        int end = b.length;
        boolean found = true;
        while (found) {
            found = false;
            if (end - ID3V1_SIZE >= audioStart && ascii(b, end - ID3V1_SIZE, "TAG")) {
                end -= ID3V1_SIZE;
                found = true;
            }
            if (end - APE_FOOTER_SIZE >= audioStart && ascii(b, end - APE_FOOTER_SIZE, "APETAGEX")) {
                long size = Bytes.u32le(b, end - APE_FOOTER_SIZE + 12); // items + footer
                boolean hasHeader = (Bytes.u32le(b, end - APE_FOOTER_SIZE + 20) & 0x80000000L) != 0;
                long tag = size + (hasHeader ? APE_FOOTER_SIZE : 0);
                if (size < APE_FOOTER_SIZE || end - tag < audioStart) {
                    throw corrupt(FORMAT, "APE tag larger than the file");
                }
                end -= (int) tag;
                found = true;
            }
            if (end - 15 >= audioStart && ascii(b, end - 9, "LYRICS200")) {
                long size = digits(b, end - 15, 6);
                if (size < 11 || end - 15 - size < audioStart || !ascii(b, (int) (end - 15 - size), "LYRICSBEGIN")) {
                    throw corrupt(FORMAT, "Lyrics3 tag without its start");
                }
                end -= (int) (15 + size);
                found = true;
            }
        }
        return end;
    }

    private static long digits(byte[] b, int from, int count) {
        long value = 0;
        for (int i = from; i < from + count; i++) {
            int c = u8(b, i);
            if (c < '0' || c > '9') {
                throw corrupt(FORMAT, "Lyrics3 size is not a number");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Frame count of a Xing/Info or VBRI header in the first frame: -1 without one, 0 when it has no count. */
    private static long xingFrames(byte[] b, int offset, int[] first) {
        boolean mpeg1 = first[3] == 3;
        boolean mono = first[4] == 3;
        int sideInfo = mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17);
        int tag = offset + 4 + sideInfo;
        if ((ascii(b, tag, "Xing") || ascii(b, tag, "Info")) && tag + 12 <= b.length) {
            long flags = u32be(b, tag + 4);
            return (flags & 1) != 0 ? u32be(b, tag + 8) : 0;
        }
        int vbri = offset + 4 + 32;
        if (ascii(b, vbri, "VBRI") && vbri + 18 <= b.length) {
            return u32be(b, vbri + 14);
        }
        return -1;
    }

    /** Parses a Layer III header: {frame length, sample rate, samples per frame, version bits, channel mode}. */
    static int[] header(byte[] b, int i) {
        if (i + 4 > b.length || u8(b, i) != 0xFF || (u8(b, i + 1) & 0xE0) != 0xE0) {
            return null;
        }
        int version = (u8(b, i + 1) >>> 3) & 0x03;
        int layer = (u8(b, i + 1) >>> 1) & 0x03;
        int bitrateIndex = u8(b, i + 2) >>> 4;
        int rateIndex = (u8(b, i + 2) >>> 2) & 0x03;
        int padding = (u8(b, i + 2) >>> 1) & 0x01;
        int channelMode = u8(b, i + 3) >>> 6;
        if (version == 1 || layer != 1 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
            return null;
        }
        int sampleRate = SAMPLE_RATES[version][rateIndex];
        boolean mpeg1 = version == 3;
        int bitrate = (mpeg1 ? BITRATE_V1 : BITRATE_V2)[bitrateIndex] * 1000;
        int length = (mpeg1 ? 144 : 72) * bitrate / sampleRate + padding;
        return new int[] {length, sampleRate, mpeg1 ? 1152 : 576, version, channelMode};
    }
}
