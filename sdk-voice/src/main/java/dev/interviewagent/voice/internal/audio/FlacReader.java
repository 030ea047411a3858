package dev.interviewagent.voice.internal.audio;

import static dev.interviewagent.voice.internal.audio.Bytes.ascii;
import static dev.interviewagent.voice.internal.audio.Bytes.corrupt;
import static dev.interviewagent.voice.internal.audio.Bytes.truncated;
import static dev.interviewagent.voice.internal.audio.Bytes.u16be;
import static dev.interviewagent.voice.internal.audio.Bytes.u24be;
import static dev.interviewagent.voice.internal.audio.Bytes.u32be;
import static dev.interviewagent.voice.internal.audio.Bytes.u8;

import dev.interviewagent.voice.AudioFormat;
import dev.interviewagent.voice.SpeechException;
import dev.interviewagent.voice.SpeechException.Reason;

/**
 * FLAC. FLAC frames carry no length, so the reader walks them the way stream parsers do: the next frame starts at a
 * sync code with a valid header CRC-8 and the next frame (or sample) number, where the CRC-16 of the bytes before it
 * closes the previous frame. The duration is the sum of the block sizes of the frames found; the last frame must
 * end at the end of the file with a valid CRC-16, so a file cut inside or between frames is caught. STREAMINFO's
 * total sample count is only the declared length. Linear in the input: one CRC-16 step per byte and a header check
 * at each sync code.
 */
final class FlacReader {

    private static final AudioFormat FORMAT = AudioFormat.FLAC;
    private static final int[] CRC16_TABLE = crc16Table();
    /** Frame header (at least 6 bytes), one subframe byte and the CRC-16: no frame is shorter. */
    private static final int MIN_FRAME = 9;

    private FlacReader() {
    }

    static boolean matches(byte[] b) {
        return ascii(b, 0, "fLaC");
    }

    static Probe read(byte[] b) {
        int offset = 4;
        long sampleRate = -1;
        long totalSamples = 0;
        boolean last = false;
        while (!last) {
            Bytes.require(b, offset, 4, FORMAT, "metadata block header");
            int header = u8(b, offset);
            last = (header & 0x80) != 0;
            int type = header & 0x7F;
            int length = u24be(b, offset + 1);
            Bytes.require(b, offset + 4, length, FORMAT, "metadata block");
            if (type == 0) {
                if (length < 34) {
                    throw corrupt(FORMAT, "short STREAMINFO");
                }
                int s = offset + 4;
                long packed = (u32be(b, s + 10) << 32) | u32be(b, s + 14);
                sampleRate = packed >>> 44;
                totalSamples = packed & 0xF_FFFF_FFFFL;
            } else if (type == 127) {
                throw corrupt(FORMAT, "invalid metadata block type");
            }
            offset += 4 + length;
        }
        if (sampleRate <= 0) {
            throw corrupt(FORMAT, "no STREAMINFO or sample rate 0");
        }
        int firstFrame = offset;
        if (firstFrame + 2 > b.length) {
            throw truncated(FORMAT, "no audio frames");
        }
        if (frameHeader(b, firstFrame) == null) {
            throw corrupt(FORMAT, "no frame after the metadata");
        }
        int end = b.length;
        if (end - 128 >= firstFrame && ascii(b, end - 128, "TAG")) {
            end -= 128; // ID3v1 trailer some taggers append
        }
        long samples = walkFrames(b, firstFrame, end);
        if (samples <= 0) {
            throw new SpeechException(Reason.TOO_SHORT, "flac audio has no samples");
        }
        double declared = totalSamples > 0 ? totalSamples / (double) sampleRate : Double.NaN;
        return new Probe(FORMAT, samples / (double) sampleRate, declared);
    }

    /** Sums the block sizes of the frames from {@code first} to {@code end}, which the last frame must reach. */
    private static long walkFrames(byte[] b, int first, int end) {
        int frameStart = first;
        long[] frame = frameHeader(b, first);
        boolean variable = (u8(b, first + 1) & 1) != 0;
        long samples = 0;
        int crc = 0;
        int crcEnd = frameStart; // the CRC-16 covers [frameStart, crcEnd)
        for (int p = frameStart + MIN_FRAME; p + 2 <= end; p++) {
            if (u8(b, p) != 0xFF || u8(b, p + 1) != (variable ? 0xF9 : 0xF8)) {
                continue;
            }
            long[] next = frameHeader(b, p);
            if (next == null || next[0] != following(frame, variable)) {
                continue;
            }
            for (; crcEnd < p - 2; crcEnd++) {
                crc = crc16Step(crc, b[crcEnd]);
            }
            if (crc != u16be(b, p - 2)) {
                continue; // a sync code inside the frame's data
            }
            samples += frame[1];
            frame = next;
            frameStart = p;
            crc = 0;
            crcEnd = p;
            p += MIN_FRAME - 1;
        }
        if (end - frameStart < MIN_FRAME) {
            throw truncated(FORMAT, "last frame incomplete");
        }
        for (; crcEnd < end - 2; crcEnd++) {
            crc = crc16Step(crc, b[crcEnd]);
        }
        if (crc != u16be(b, end - 2)) {
            throw truncated(FORMAT, "last frame incomplete or damaged");
        }
        return samples + frame[1];
    }

    /** The number the frame after {@code frame} carries: frame number + 1, or first sample + block size. */
    private static long following(long[] frame, boolean variable) {
        return variable ? frame[0] + frame[1] : frame[0] + 1;
    }

    /** Parses a frame header at {@code i}: {frame or sample number, block size}, or null if it is not one. */
    static long[] frameHeader(byte[] b, int i) {
        if (i + 6 > b.length || u8(b, i) != 0xFF || (u8(b, i + 1) & 0xFE) != 0xF8) {
            return null;
        }
        int blockCode = u8(b, i + 2) >>> 4;
        int rateCode = u8(b, i + 2) & 0x0F;
        if (blockCode == 0 || rateCode == 15 || (u8(b, i + 3) & 1) != 0 || (u8(b, i + 3) >>> 4) > 10) {
            return null;
        }
        int p = i + 4;
        int lead = u8(b, p++);
        int extra;
        long number;
        if ((lead & 0x80) == 0) {
            number = lead;
            extra = 0;
        } else if ((lead & 0xE0) == 0xC0) {
            number = lead & 0x1F;
            extra = 1;
        } else if ((lead & 0xF0) == 0xE0) {
            number = lead & 0x0F;
            extra = 2;
        } else if ((lead & 0xF8) == 0xF0) {
            number = lead & 0x07;
            extra = 3;
        } else if ((lead & 0xFC) == 0xF8) {
            number = lead & 0x03;
            extra = 4;
        } else if ((lead & 0xFE) == 0xFC) {
            number = lead & 0x01;
            extra = 5;
        } else if (lead == 0xFE) {
            number = 0;
            extra = 6;
        } else {
            return null;
        }
        if (p + extra > b.length) {
            return null;
        }
        for (int k = 0; k < extra; k++) {
            int c = u8(b, p++);
            if ((c & 0xC0) != 0x80) {
                return null;
            }
            number = (number << 6) | (c & 0x3F);
        }
        long blockSize;
        if (blockCode == 1) {
            blockSize = 192;
        } else if (blockCode <= 5) {
            blockSize = 576L << (blockCode - 2);
        } else if (blockCode == 6) {
            if (p + 1 > b.length) {
                return null;
            }
            blockSize = u8(b, p++) + 1;
        } else if (blockCode == 7) {
            if (p + 2 > b.length) {
                return null;
            }
            blockSize = u16be(b, p) + 1;
            p += 2;
        } else {
            blockSize = 256L << (blockCode - 8);
        }
        if (rateCode == 12) {
            p += 1;
        } else if (rateCode == 13 || rateCode == 14) {
            p += 2;
        }
        if (p + 1 > b.length || crc8(b, i, p - i) != u8(b, p)) {
            return null;
        }
        return new long[] {number, blockSize};
    }

    private static int crc8(byte[] b, int offset, int length) {
        int crc = 0;
        for (int i = 0; i < length; i++) {
            crc ^= b[offset + i] & 0xFF;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x07) & 0xFF : (crc << 1) & 0xFF;
            }
        }
        return crc;
    }

    private static int crc16Step(int crc, byte value) {
        return ((crc << 8) ^ CRC16_TABLE[((crc >>> 8) ^ (value & 0xFF)) & 0xFF]) & 0xFFFF;
    }

    private static int[] crc16Table() {
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            int crc = i << 8;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x8005) & 0xFFFF : (crc << 1) & 0xFFFF;
            }
            table[i] = crc;
        }
        return table;
    }
}
