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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ogg (RFC 3533) with Opus (RFC 7845) or Vorbis. Walks every page, checks its CRC, and takes the duration from the
 * granule position of the last page of the first logical stream: Opus counts 48 kHz samples including the
 * pre-skip, Vorbis counts samples at the rate of its identification header. A page cut short or failing its CRC
 * means a cut or damaged file. A missing end-of-stream page is accepted: some recorders never write one, and a file
 * cut exactly between pages is still valid, shorter audio.
 */
final class OggReader {

    private static final Logger log = LoggerFactory.getLogger(OggReader.class);
    private static final int[] CRC_TABLE = crcTable();

    private OggReader() {
    }

    static boolean matches(byte[] b) {
        return ascii(b, 0, "OggS");
    }

    static Probe read(byte[] b) {
        // the codec is in the first packet of the first page; until it is known, errors name plain Ogg as Opus
        AudioFormat format = codecOf(b);
        int offset = 0;
        long serial = -1;
        long lastGranule = -1;
        boolean endOfStream = false;
        int preSkip = 0;
        long sampleRate = 48_000;
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
                int body = offset + headerLength;
                if (format == AudioFormat.OGG_OPUS) {
                    Bytes.require(b, body, 19, format, "OpusHead");
                    preSkip = u16le(b, body + 10);
                } else {
                    Bytes.require(b, body, 16, format, "Vorbis identification header");
                    sampleRate = u32le(b, body + 12);
                    if (sampleRate == 0) {
                        throw corrupt(format, "sample rate 0");
                    }
                }
                first = false;
            }
            if (pageSerial == serial) {
                if (granule != -1) {
                    lastGranule = granule;
                }
                if ((headerType & 0x04) != 0) {
                    endOfStream = true;
                }
            }
            offset += pageLength;
        }
        if (!endOfStream) {
            log.debug("{} stream has no end-of-stream page; reading it as complete up to its last page", format.code());
        }
        long samples = lastGranule - (format == AudioFormat.OGG_OPUS ? preSkip : 0);
        if (lastGranule < 0 || samples <= 0) {
            throw new SpeechException(Reason.TOO_SHORT, format.code() + " audio has no samples");
        }
        return new Probe(format, samples / (double) sampleRate);
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
