package dev.interviewagent.voice.internal.audio;

import static dev.interviewagent.voice.internal.audio.Bytes.ascii;
import static dev.interviewagent.voice.internal.audio.Bytes.corrupt;
import static dev.interviewagent.voice.internal.audio.Bytes.s64le;
import static dev.interviewagent.voice.internal.audio.Bytes.truncated;
import static dev.interviewagent.voice.internal.audio.Bytes.u16le;
import static dev.interviewagent.voice.internal.audio.Bytes.u32le;
import static dev.interviewagent.voice.internal.audio.Bytes.u8;

import dev.interviewagent.voice.AudioFormat;
import dev.interviewagent.voice.SpeechException;
import dev.interviewagent.voice.SpeechException.Reason;
import java.io.ByteArrayOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ogg (RFC 3533) with Opus (RFC 7845) or Vorbis. Walks every page, checks its CRC, and measures the duration from
 * the packets themselves: each Opus packet's table-of-contents byte, each Vorbis packet's block size (from the
 * modes of the setup header). The granule position of the last page is only the declared length: a forged one does
 * not change what a decoder plays. Opus counts 48 kHz samples minus the pre-skip, Vorbis samples at the rate of its
 * identification header. A page cut short or failing its CRC means a cut or damaged file. A missing end-of-stream
 * page is accepted: some recorders never write one, and a file cut exactly between pages is still valid, shorter
 * audio. A second logical stream (chained or multiplexed files) is refused: a decoder would play it too.
 */
final class OggReader {

    private static final Logger log = LoggerFactory.getLogger(OggReader.class);
    private static final int[] CRC_TABLE = crcTable();

    private OggReader() {
    }

    static boolean matches(byte[] b) {
        return ascii(b, 0, "OggS");
    }

    /** Counts the samples of the packets of one stream, handed over as they complete. */
    private static final class Packets {
        private final AudioFormat format;
        private final byte[] b;
        private final int headerPackets;
        private final ByteArrayOutputStream header = new ByteArrayOutputStream();
        private byte[] identification;
        private VorbisPackets vorbis;
        private long index;
        private long samples;
        private int start = -1;
        private int firstSegment;
        private int preSkip;

        Packets(AudioFormat format, byte[] b) {
            this.format = format;
            this.b = b;
            this.headerPackets = format == AudioFormat.OGG_OPUS ? 2 : 3;
        }

        /** One lacing segment of {@code length} bytes at {@code offset}; a length under 255 ends the packet. */
        void segment(int offset, int length) {
            if (start < 0) {
                start = offset;
                firstSegment = length;
            }
            if (needsWholePacket()) {
                header.write(b, offset, length); // bounded by the input, which is size-checked
            }
            if (length < 255) {
                complete();
            }
        }

        /** Vorbis needs its identification and setup headers whole; they may span pages. */
        private boolean needsWholePacket() {
            return format == AudioFormat.OGG_VORBIS && (index == 0 || index == 2);
        }

        private void complete() {
            if (index == 0) {
                if (format == AudioFormat.OGG_OPUS) {
                    Bytes.require(b, start, 19, format, "OpusHead");
                    preSkip = u16le(b, start + 10);
                } else {
                    identification = header.toByteArray();
                }
            } else if (index == 2 && format == AudioFormat.OGG_VORBIS) {
                byte[] setup = header.toByteArray();
                vorbis = VorbisPackets.of(identification, 0, identification.length, setup, 0, setup.length, format);
            } else if (index >= headerPackets) {
                samples += format == AudioFormat.OGG_OPUS
                        ? OpusPackets.samples(b, start, firstSegment, format)
                        : vorbis.samples(b, start, firstSegment);
            }
            header.reset();
            index++;
            start = -1;
        }

        long sampleRate() {
            if (format == AudioFormat.OGG_OPUS) {
                return 48_000;
            }
            if (vorbis == null) {
                throw truncated(format, "Vorbis headers");
            }
            return vorbis.sampleRate();
        }

        /** Samples a decoder plays: Opus drops its pre-skip from the start. */
        long played() {
            return format == AudioFormat.OGG_OPUS ? samples - preSkip : samples;
        }

        int preSkip() {
            return preSkip;
        }
    }

    static Probe read(byte[] b) {
        // the codec is in the first packet of the first page; until it is known, errors name plain Ogg as Opus
        AudioFormat format = codecOf(b);
        Packets packets = new Packets(format, b);
        int offset = 0;
        long serial = -1;
        long lastGranule = -1;
        boolean endOfStream = false;
        boolean first = true;
        while (offset < b.length) {
            if (!ascii(b, offset, "OggS")) {
                if (b.length - offset < 4 && ascii(b, offset, "OggS".substring(0, b.length - offset))) {
                    throw truncated(format, "partial page header");
                }
                throw corrupt(format, "lost page sync");
            }
            Bytes.require(b, offset, 27, format, "page header");
            if (u8(b, offset + 4) != 0) {
                throw corrupt(format, "unknown Ogg version");
            }
            int headerType = u8(b, offset + 5);
            long granule = s64le(b, offset + 6);
            long pageSerial = u32le(b, offset + 14);
            int segments = u8(b, offset + 26);
            Bytes.require(b, offset + 27, segments, format, "segment table");
            int bodyLength = 0;
            for (int i = 0; i < segments; i++) {
                bodyLength += u8(b, offset + 27 + i);
            }
            int headerLength = 27 + segments;
            Bytes.require(b, offset + headerLength, bodyLength, format, "page body");
            int pageLength = headerLength + bodyLength;
            if (crc(b, offset, pageLength) != u32le(b, offset + 22)) {
                throw corrupt(format, "page checksum mismatch");
            }
            if (first) {
                serial = pageSerial;
                first = false;
            } else if (pageSerial != serial) {
                throw new SpeechException(Reason.UNKNOWN_FORMAT,
                        "Ogg file with more than one logical stream (chained or multiplexed)");
            }
            int body = offset + headerLength;
            for (int i = 0; i < segments; i++) {
                int length = u8(b, offset + 27 + i);
                packets.segment(body, length);
                body += length;
            }
            if (granule != -1) {
                lastGranule = granule;
            }
            if ((headerType & 0x04) != 0) {
                endOfStream = true;
            }
            offset += pageLength;
        }
        if (!endOfStream) {
            log.debug("{} stream has no end-of-stream page; reading it as complete up to its last page", format.code());
        }
        long rate = packets.sampleRate();
        long played = packets.played();
        if (played <= 0) {
            throw new SpeechException(Reason.TOO_SHORT, format.code() + " audio has no samples");
        }
        double declared = lastGranule < 0 ? Double.NaN
                : (lastGranule - (format == AudioFormat.OGG_OPUS ? packets.preSkip() : 0)) / (double) rate;
        return new Probe(format, played / (double) rate, declared);
    }

    static AudioFormat codecOf(byte[] b) {
        if (b.length < 28) {
            throw truncated(AudioFormat.OGG_OPUS, "first page");
        }
        int body = 27 + u8(b, 26);
        if (ascii(b, body, "OpusHead")) {
            return AudioFormat.OGG_OPUS;
        }
        if (body < b.length && u8(b, body) == 1 && ascii(b, body + 1, "vorbis")) {
            return AudioFormat.OGG_VORBIS;
        }
        if (body + 8 > b.length) {
            throw truncated(AudioFormat.OGG_OPUS, "first packet");
        }
        throw new SpeechException(Reason.UNKNOWN_FORMAT, "Ogg stream with a codec other than Opus or Vorbis");
    }

    private static long crc(byte[] b, int offset, int length) {
        int crc = 0;
        for (int i = 0; i < length; i++) {
            // the checksum field itself (bytes 22..25) counts as zero
            int value = (i >= 22 && i < 26) ? 0 : (b[offset + i] & 0xFF);
            crc = (crc << 8) ^ CRC_TABLE[((crc >>> 24) & 0xFF) ^ value];
        }
        return crc & 0xFFFFFFFFL;
    }

    private static int[] crcTable() {
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            int r = i << 24;
            for (int k = 0; k < 8; k++) {
                r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04C11DB7 : r << 1;
            }
            table[i] = r;
        }
        return table;
    }
}
