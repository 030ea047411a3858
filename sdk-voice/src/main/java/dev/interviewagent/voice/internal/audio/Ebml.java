package dev.interviewagent.voice.internal.audio;

import static dev.interviewagent.voice.internal.audio.Bytes.corrupt;
import static dev.interviewagent.voice.internal.audio.Bytes.truncated;
import static dev.interviewagent.voice.internal.audio.Bytes.u8;

import dev.interviewagent.voice.AudioFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * EBML, the element syntax under WebM and Matroska: variable-length ids and sizes, unsigned and float payloads.
 * Knows nothing of tracks or codecs; {@link MatroskaReader} reads those from the elements found here.
 */
final class Ebml {

    private static final AudioFormat FORMAT = AudioFormat.WEBM;
    private static final int DOC_TYPE = 0x4282;
    /** The size of an element whose size field is all ones: it runs to the end of its parent (streamed files). */
    static final long UNKNOWN = -1;

    private Ebml() {
    }

    /** One element header: id, payload start and payload size ({@link #UNKNOWN} for unknown). */
    record Element(int id, int start, long size) {
        long end(long limit) {
            return size == UNKNOWN ? limit : start + size;
        }
    }

    static List<Element> children(byte[] b, int from, int to) {
        List<Element> children = new ArrayList<>();
        int position = from;
        while (position < to) {
            Element e = element(b, position);
            if (e.size == UNKNOWN || e.start + e.size > to) {
                throw corrupt(FORMAT, "bad element in the track list");
            }
            children.add(e);
            position = (int) (e.start + e.size);
        }
        return children;
    }

    static double floating(byte[] b, Element e) {
        if (e.size == 4) {
            return Float.intBitsToFloat((int) unsigned(b, e));
        }
        if (e.size == 8) {
            return Double.longBitsToDouble(unsigned(b, e));
        }
        throw corrupt(FORMAT, "float element of " + e.size + " bytes");
    }

    static long vintValue(byte[] b, int position, int length) {
        long value = u8(b, position) & (0xFF >>> length);
        for (int i = 1; i < length; i++) {
            value = (value << 8) | u8(b, position + i);
        }
        return value;
    }

    static String docType(byte[] b, Element header) {
        int position = header.start;
        long end = header.end(b.length);
        while (position < end) {
            Element e = element(b, position);
            if (e.size == UNKNOWN || e.start + e.size > end) {
                throw corrupt(FORMAT, "bad EBML header");
            }
            if (e.id == DOC_TYPE) {
                return new String(b, e.start, (int) e.size, StandardCharsets.US_ASCII).trim().replace("\0", "");
            }
            position = (int) (e.start + e.size);
        }
        return "matroska"; // DocType defaults to matroska
    }

    static long unsigned(byte[] b, Element e) {
        if (e.size > 8) {
            throw corrupt(FORMAT, "integer wider than 8 bytes");
        }
        long value = 0;
        for (int i = 0; i < e.size; i++) {
            value = (value << 8) | u8(b, e.start + i);
        }
        return value;
    }

    static int peekId(byte[] b, int position) {
        int length = vintLength(b, position);
        if (length > 4 || position + length > b.length) {
            return -1;
        }
        int id = 0;
        for (int i = 0; i < length; i++) {
            id = (id << 8) | u8(b, position + i);
        }
        return id;
    }

    static Element element(byte[] b, int position) {
        Bytes.require(b, position, 1, FORMAT, "element id");
        int idLength = vintLength(b, position);
        if (idLength > 4) {
            throw corrupt(FORMAT, "element id longer than 4 bytes");
        }
        Bytes.require(b, position, idLength + 1, FORMAT, "element header");
        int id = peekId(b, position);
        int sizeAt = position + idLength;
        int sizeLength = vintLength(b, sizeAt);
        Bytes.require(b, sizeAt, sizeLength, FORMAT, "element size");
        long size = u8(b, sizeAt) & (0xFF >>> sizeLength);
        boolean allOnes = size == (0xFF >>> sizeLength);
        for (int i = 1; i < sizeLength; i++) {
            int v = u8(b, sizeAt + i);
            allOnes &= v == 0xFF;
            size = (size << 8) | v;
        }
        return new Element(id, sizeAt + sizeLength, allOnes ? UNKNOWN : size);
    }

    static int vintLength(byte[] b, int position) {
        if (position >= b.length) {
            throw truncated(FORMAT, "element header");
        }
        int first = u8(b, position);
        if (first == 0) {
            throw corrupt(FORMAT, "invalid variable-length integer");
        }
        return Integer.numberOfLeadingZeros(first) - 23;
    }
}
