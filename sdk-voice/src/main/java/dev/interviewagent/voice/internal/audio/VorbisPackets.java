package dev.interviewagent.voice.internal.audio;

import static dev.interviewagent.voice.internal.audio.Bytes.ascii;
import static dev.interviewagent.voice.internal.audio.Bytes.corrupt;
import static dev.interviewagent.voice.internal.audio.Bytes.u32le;
import static dev.interviewagent.voice.internal.audio.Bytes.u8;

import dev.interviewagent.voice.AudioFormat;

/**
 * The playing time of Vorbis audio packets (Vorbis I §1.3.2, §4.3.1): each packet's mode selects a short or long
 * block, and a packet decodes to a quarter of the previous block plus a quarter of its own (the first to nothing).
 * Which modes use long blocks is in the setup header; like FFmpeg's Vorbis parser, it is read backwards from the end
 * of that header, where the mode table sits, without decoding the codebooks before it. Stateful (the previous block):
 * one instance per stream, not thread-safe.
 */
final class VorbisPackets {

    private static final int MODE_BITS = 41; // block flag 1, window type 16, transform type 16, mapping 8

    private final AudioFormat format;
    private final long sampleRate;
    private final int shortBlock;
    private final int longBlock;
    private final boolean[] longModes;
    private final int modeBits;
    private int previousBlock = -1;

    private VorbisPackets(AudioFormat format, long sampleRate, int shortBlock, int longBlock, boolean[] longModes) {
        this.format = format;
        this.sampleRate = sampleRate;
        this.shortBlock = shortBlock;
        this.longBlock = longBlock;
        this.longModes = longModes;
        this.modeBits = 32 - Integer.numberOfLeadingZeros(longModes.length - 1);
    }

    /**
     * The headers as Matroska's CodecPrivate holds them: identification, comment and setup header in Xiph lacing
     * (a count of 2, then the first two sizes as runs of 255s and a last byte; the setup header takes the rest).
     */
    static VorbisPackets xiphLaced(byte[] b, int start, int size, AudioFormat format) {
        if (size < 3 || u8(b, start) != 2) {
            throw corrupt(format, "Vorbis track without its three headers");
        }
        int end = start + size;
        int p = start + 1;
        long[] sizes = new long[2];
        for (int i = 0; i < 2; i++) {
            int v;
            do {
                if (p >= end) {
                    throw corrupt(format, "Vorbis header sizes run past CodecPrivate");
                }
                v = u8(b, p++);
                sizes[i] += v;
            } while (v == 255);
        }
        long setupStart = p + sizes[0] + sizes[1];
        if (setupStart > end) {
            throw corrupt(format, "Vorbis headers run past CodecPrivate");
        }
        return of(b, p, (int) sizes[0], b, (int) setupStart, (int) (end - setupStart), format);
    }

    /**
     * Reads the identification header and the setup header.
     *
     * @throws dev.interviewagent.voice.SpeechException CORRUPT when either is not a valid Vorbis header
     */
    static VorbisPackets of(byte[] id, int idOffset, int idLength, byte[] setup, int setupOffset, int setupLength,
            AudioFormat format) {
        if (idLength < 30 || u8(id, idOffset) != 1 || !ascii(id, idOffset + 1, "vorbis")) {
            throw corrupt(format, "no Vorbis identification header");
        }
        long rate = u32le(id, idOffset + 12);
        int sizes = u8(id, idOffset + 28);
        int shortExponent = sizes & 0x0F;
        int longExponent = sizes >>> 4;
        if (rate == 0 || shortExponent < 6 || longExponent > 13 || shortExponent > longExponent) {
            throw corrupt(format, "impossible Vorbis sample rate or block sizes");
        }
        if (setupLength < 7 || u8(setup, setupOffset) != 5 || !ascii(setup, setupOffset + 1, "vorbis")) {
            throw corrupt(format, "no Vorbis setup header");
        }
        return new VorbisPackets(format, rate, 1 << shortExponent, 1 << longExponent,
                longModes(setup, setupOffset, setupLength, format));
    }

    long sampleRate() {
        return sampleRate;
    }

    /** Samples the next audio packet decodes to, from its first byte; 0 for an empty or a non-audio packet. */
    int samples(byte[] b, int offset, int available) {
        if (available <= 0 || (u8(b, offset) & 1) != 0) {
            return 0; // decoders skip empty packets and header packets in the audio
        }
        int mode = longModes.length == 1 ? 0 : (u8(b, offset) >>> 1) & ((1 << modeBits) - 1);
        if (mode >= longModes.length) {
            throw corrupt(format, "Vorbis packet with an unknown mode");
        }
        int block = longModes[mode] ? longBlock : shortBlock;
        int samples = previousBlock < 0 ? 0 : previousBlock / 4 + block / 4;
        previousBlock = block;
        return samples;
    }

    /**
     * The block flag of each mode. Read backwards from the framing bit, the setup header ends with the mode table
     * (modes of 41 bits each, with window and transform type always 0 and a mapping number below 64) preceded by
     * the 6-bit mode count; the longest run of plausible modes whose count field agrees is the table.
     */
    private static boolean[] longModes(byte[] b, int offset, int length, AudioFormat format) {
        BackwardBits bits = new BackwardBits(b, offset, length);
        long framing = -1;
        while (bits.remaining() > 97) {
            if (bits.read(1) == 1) {
                framing = bits.position();
                break;
            }
        }
        if (framing < 0) {
            throw corrupt(format, "Vorbis setup header without a framing bit");
        }
        int modes = 0;
        int lastMatch = 0;
        while (bits.remaining() >= 97) {
            if (bits.read(8) > 63 || bits.read(16) != 0 || bits.read(16) != 0) {
                break;
            }
            bits.read(1);
            modes++;
            if (modes > 64) {
                break;
            }
            if (bits.peek(6) + 1 == modes) {
                lastMatch = modes;
            }
        }
        if (lastMatch == 0 || lastMatch > 63) {
            throw corrupt(format, "Vorbis setup header without a readable mode table");
        }
        boolean[] longModes = new boolean[lastMatch];
        BackwardBits flags = new BackwardBits(b, offset, length);
        flags.skip(framing);
        for (int i = lastMatch - 1; i >= 0; i--) {
            flags.skip(MODE_BITS - 1);
            longModes[i] = flags.read(1) == 1;
        }
        return longModes;
    }

    /**
     * Reads a Vorbis (least-significant-bit first) bit stream from its end towards its start; multi-bit values come
     * out most significant bit first, which is their value.
     */
    private static final class BackwardBits {
        private final byte[] b;
        private final int offset;
        private final long size;
        private long position;

        BackwardBits(byte[] b, int offset, int length) {
            this.b = b;
            this.offset = offset;
            this.size = (long) length * 8;
        }

        long position() {
            return position;
        }

        long remaining() {
            return size - position;
        }

        void skip(long count) {
            position = Math.min(size, position + count);
        }

        int read(int count) {
            int value = peek(count);
            skip(count);
            return value;
        }

        int peek(int count) {
            int value = 0;
            for (int i = 0; i < count; i++) {
                long p = position + i;
                if (p >= size) {
                    return -1;
                }
                int byteIndex = offset + (int) (size / 8 - 1 - p / 8);
                value = (value << 1) | ((b[byteIndex] >>> (7 - (int) (p % 8))) & 1);
            }
            return value;
        }
    }
}
