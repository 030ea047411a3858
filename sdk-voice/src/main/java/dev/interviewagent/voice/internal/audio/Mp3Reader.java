package dev.interviewagent.voice.internal.audio;

import static dev.interviewagent.voice.internal.audio.Bytes.ascii;
import static dev.interviewagent.voice.internal.audio.Bytes.corrupt;
import static dev.interviewagent.voice.internal.audio.Bytes.truncated;
import static dev.interviewagent.voice.internal.audio.Bytes.u32be;
import static dev.interviewagent.voice.internal.audio.Bytes.u8;

import dev.interviewagent.voice.AudioFormat;

/**
 * MPEG-1/2/2.5 Layer III. Skips an ID3v2 tag, then walks every frame header to the end (a frame running past the
 * end means the file was cut). Duration comes from the Xing/Info header's frame count when there is one (VBR),
 * otherwise from the frames walked.
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
        int sampleRate = first[1];
        int samplesPerFrame = first[2];
        long xingFrames = xingFrames(b, offset, first);
        long frames = 0;
        int position = offset;
        while (position < b.length) {
            int[] frame = header(b, position);
            if (frame == null) {
                if (isTrailer(b, position)) {
                    break;
                }
                throw corrupt(FORMAT, "lost frame sync");
            }
            if (position + frame[0] > b.length) {
                throw truncated(FORMAT, "last frame incomplete");
            }
            frames++;
            position += frame[0];
        }
        if (xingFrames > 0) {
            if (frames - 1 < xingFrames) {
                throw truncated(FORMAT, "fewer frames than the Xing header counts");
            }
            frames = xingFrames;
        } else if (frames < 2) {
            throw truncated(FORMAT, "fewer than two frames");
        }
        return new Probe(FORMAT, frames * samplesPerFrame / (double) sampleRate);
    }

    private static boolean isTrailer(byte[] b, int position) {
        return ascii(b, position, "TAG") || ascii(b, position, "APETAGEX") || ascii(b, position, "LYRICS")
                || allZero(b, position);
    }

    private static boolean allZero(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Frame count of a Xing/Info header in the first frame, or -1. */
    private static long xingFrames(byte[] b, int offset, int[] first) {
        boolean mpeg1 = first[3] == 3;
        boolean mono = first[4] == 3;
        int sideInfo = mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17);
        int tag = offset + 4 + sideInfo;
        if ((ascii(b, tag, "Xing") || ascii(b, tag, "Info")) && tag + 12 <= b.length) {
            long flags = u32be(b, tag + 4);
            return (flags & 1) != 0 ? u32be(b, tag + 8) : -1;
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
