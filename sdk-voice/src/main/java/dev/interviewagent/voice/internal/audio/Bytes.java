package dev.interviewagent.voice.internal.audio;

import dev.interviewagent.voice.AudioFormat;
import dev.interviewagent.voice.SpeechException;
import dev.interviewagent.voice.SpeechException.Reason;

/** Bounds-checked big/little-endian reads over a byte array; running off the end means truncated input. */
final class Bytes {

    private Bytes() {
    }

    static void require(byte[] b, long offset, long length, AudioFormat format, String what) {
        if (offset < 0 || length < 0 || offset + length > b.length) {
            throw truncated(format, what);
        }
    }

    static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    static int u16be(byte[] b, int i) {
        return (u8(b, i) << 8) | u8(b, i + 1);
    }

    static int u24be(byte[] b, int i) {
        return (u8(b, i) << 16) | (u8(b, i + 1) << 8) | u8(b, i + 2);
    }

    static long u32be(byte[] b, int i) {
        return ((long) u8(b, i) << 24) | (u8(b, i + 1) << 16) | (u8(b, i + 2) << 8) | u8(b, i + 3);
    }

    static long u64be(byte[] b, int i) {
        return (u32be(b, i) << 32) | u32be(b, i + 4);
    }

    static int u16le(byte[] b, int i) {
        return u8(b, i) | (u8(b, i + 1) << 8);
    }

    static long u32le(byte[] b, int i) {
        return u8(b, i) | (u8(b, i + 1) << 8) | (u8(b, i + 2) << 16) | ((long) u8(b, i + 3) << 24);
    }

    static long s64le(byte[] b, int i) {
        return u32le(b, i) | (u32le(b, i + 4) << 32);
    }

    static boolean ascii(byte[] b, int i, String s) {
        if (i < 0 || i + s.length() > b.length) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (b[i + k] != (byte) s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    static SpeechException truncated(AudioFormat format, String what) {
        return new SpeechException(Reason.TRUNCATED, format.code() + " audio is cut off: " + what);
    }

    static SpeechException corrupt(AudioFormat format, String what) {
        return new SpeechException(Reason.CORRUPT, format.code() + " audio is damaged: " + what);
    }

    /** Sums and products of 32-bit table values saturate: a forged table must not wrap around to a small value. */
    static long plus(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    static long times(long a, long b) {
        return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }
}
