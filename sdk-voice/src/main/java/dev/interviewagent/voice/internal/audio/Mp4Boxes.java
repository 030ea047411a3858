package dev.interviewagent.voice.internal.audio;

import static dev.interviewagent.voice.internal.audio.Bytes.ascii;
import static dev.interviewagent.voice.internal.audio.Bytes.corrupt;
import static dev.interviewagent.voice.internal.audio.Bytes.truncated;
import static dev.interviewagent.voice.internal.audio.Bytes.u32be;
import static dev.interviewagent.voice.internal.audio.Bytes.u64be;
import static dev.interviewagent.voice.internal.audio.Bytes.u8;

import dev.interviewagent.voice.AudioFormat;

/**
 * The syntax of ISO base media files: box headers (32- and 64-bit sizes, size 0 to the end) and the MPEG-4
 * descriptors inside {@code esds}. Knows nothing of tracks or sample tables; {@link Mp4Reader} reads those.
 */
final class Mp4Boxes {

    private static final AudioFormat FORMAT = AudioFormat.MP4_AAC;

    private Mp4Boxes() {
    }

    /** One box: type at {@code start + 4}, payload from {@code body} to {@code end}. */
    record Box(int start, int body, int end) {
        boolean is(byte[] b, String type) {
            return ascii(b, start + 4, type);
        }
    }

    /**
     * {frame length, core sample rate} from an {@code esds} descriptor with an AAC AudioSpecificConfig (ISO 14496-3
     * §1.6.2.1), or null for other codecs and configurations this reader does not know.
     */
    static int[] aacFrame(byte[] b, int from, int to) {
        int[] es = descriptor(b, from, to, 0x03);
        if (es == null) {
            return null;
        }
        int p = es[0];
        if (p + 3 > es[1]) {
            return null;
        }
        int flags = u8(b, p + 2);
        p += 3;
        if ((flags & 0x80) != 0) {
            p += 2;
        }
        if ((flags & 0x40) != 0) {
            p += p < es[1] ? 1 + u8(b, p) : 0;
        }
        if ((flags & 0x20) != 0) {
            p += 2;
        }
        int[] config = descriptor(b, p, es[1], 0x04);
        if (config == null || config[0] + 13 > config[1]) {
            return null;
        }
        int objectType = u8(b, config[0]);
        if (objectType != 0x40 && objectType != 0x66 && objectType != 0x67 && objectType != 0x68) {
            return null; // not AAC (MP3 in MP4, for example): timed by the tables
        }
        int[] specific = descriptor(b, config[0] + 13, config[1], 0x05);
        return specific == null ? null : AacConfig.frame(b, specific[0], specific[1]);
    }

    /** {payload start, payload end} of the descriptor with the tag at {@code p}, or null. */
    static int[] descriptor(byte[] b, int p, int to, int tag) {
        if (p >= to || u8(b, p) != tag) {
            return null;
        }
        int length = 0;
        int q = p + 1;
        for (int i = 0; i < 4; i++, q++) {
            if (q >= to) {
                return null;
            }
            int v = u8(b, q);
            length = (length << 7) | (v & 0x7F);
            if ((v & 0x80) == 0) {
                q++;
                break;
            }
        }
        if (q + length > to) {
            return null;
        }
        return new int[] {q, q + length};
    }

    /** The first child box of the given type, or null. */
    static Box child(byte[] b, Box parent, String type) {
        for (int p = parent.body; p + 8 <= parent.end; ) {
            Box box = box(b, p, parent.end, false);
            if (box.is(b, type)) {
                return box;
            }
            p = box.end;
        }
        return null;
    }

    /** The box at {@code offset} inside {@code [.., limit)}; running past the limit is a cut file at top level. */
    static Box box(byte[] b, int offset, int limit, boolean topLevel) {
        Bytes.require(b, offset, 8, FORMAT, "box header");
        long size = u32be(b, offset);
        int headerLength = 8;
        if (size == 1) {
            Bytes.require(b, offset, 16, FORMAT, "large box header");
            size = u64be(b, offset + 8);
            headerLength = 16;
        } else if (size == 0) {
            size = limit - offset;
        }
        if (size < headerLength) {
            throw corrupt(FORMAT, "box smaller than its header");
        }
        if (offset + size > limit) {
            if (topLevel) {
                throw truncated(FORMAT, "box runs past the end");
            }
            throw corrupt(FORMAT, "box runs past its parent");
        }
        return new Box(offset, offset + headerLength, (int) (offset + size));
    }
}
