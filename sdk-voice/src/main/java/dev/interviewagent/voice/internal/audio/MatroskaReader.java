package dev.interviewagent.voice.internal.audio;

import static dev.interviewagent.voice.internal.audio.Bytes.corrupt;
import static dev.interviewagent.voice.internal.audio.Bytes.truncated;
import static dev.interviewagent.voice.internal.audio.Bytes.u8;

import dev.interviewagent.voice.AudioFormat;
import dev.interviewagent.voice.SpeechException;
import dev.interviewagent.voice.SpeechException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * WebM and Matroska (EBML). Walks the segment and every cluster (an element running past the end means the file was
 * cut). Duration comes from Segment Info (Duration × TimecodeScale); recorders that stream (browsers' MediaRecorder)
 * leave it out and write unknown sizes, so then it is the timestamp of the last block.
 */
final class MatroskaReader {

    private static final AudioFormat FORMAT = AudioFormat.WEBM;
    private static final int EBML = 0x1A45DFA3;
    private static final int DOC_TYPE = 0x4282;
    private static final int SEGMENT = 0x18538067;
    private static final int INFO = 0x1549A966;
    private static final int TIMECODE_SCALE = 0x2AD7B1;
    private static final int DURATION = 0x4489;
    private static final int CLUSTER = 0x1F43B675;
    private static final int CLUSTER_TIMECODE = 0xE7;
    private static final int SIMPLE_BLOCK = 0xA3;
    private static final int BLOCK_GROUP = 0xA0;
    private static final int BLOCK = 0xA1;
    private static final int BLOCK_DURATION = 0x9B;
    private static final Set<Integer> SEGMENT_CHILDREN = Set.of(
            0x114D9B74, INFO, 0x1654AE6B, CLUSTER, 0x1C53BB6B, 0x1254C367, 0x1043A770, 0x1941A469);
    private static final long UNKNOWN = -1;

    private MatroskaReader() {
    }

    static boolean matches(byte[] b) {
        return b.length >= 4 && Bytes.u32be(b, 0) == (EBML & 0xFFFFFFFFL);
    }

    /** One element header: id, payload start and payload size ({@link #UNKNOWN} for unknown). */
    private record Element(int id, int start, long size) {
        long end(long limit) {
            return size == UNKNOWN ? limit : start + size;
        }
    }

    private static final class State {
        long timecodeScale = 1_000_000;
        double infoDuration = -1;
        long lastBlockEnd = -1;
        boolean clusters;
    }

    static Probe read(byte[] b) {
        Element header = element(b, 0);
        if (header.size == UNKNOWN || header.end(0) > b.length) {
            throw truncated(FORMAT, "EBML header");
        }
        String docType = docType(b, header);
        if (!docType.equals("webm") && !docType.equals("matroska")) {
            throw new SpeechException(Reason.UNKNOWN_FORMAT, "EBML document that is not WebM or Matroska");
        }
        int offset = (int) header.end(0);
        while (offset < b.length && u8(b, offset) == 0xEC) { // Void before the segment
            Element v = element(b, offset);
            offset = (int) v.end(b.length);
        }
        if (offset >= b.length) {
            throw truncated(FORMAT, "no segment");
        }
        Element segment = element(b, offset);
        if (segment.id != SEGMENT) {
            throw corrupt(FORMAT, "no segment after the EBML header");
        }
        long segmentEnd = segment.end(b.length);
        if (segmentEnd > b.length) {
            throw truncated(FORMAT, "segment runs past the end");
        }
        State state = new State();
        int position = segment.start;
        while (position < segmentEnd) {
            Element child = element(b, position);
            if (child.size == UNKNOWN) {
                if (child.id != CLUSTER) {
                    throw corrupt(FORMAT, "unknown size outside a cluster");
                }
                position = cluster(b, child.start, (int) segmentEnd, true, state);
                continue;
            }
            long end = child.end(segmentEnd);
            if (end > segmentEnd) {
                throw truncated(FORMAT, "element runs past the end");
            }
            if (child.id == INFO) {
                info(b, child.start, (int) end, state);
            } else if (child.id == CLUSTER) {
                cluster(b, child.start, (int) end, false, state);
            }
            position = (int) end;
        }
        if (!state.clusters || state.lastBlockEnd < 0) {
            throw truncated(FORMAT, "no audio blocks");
        }
        double scale = state.timecodeScale / 1e9;
        double blocks = state.lastBlockEnd * scale;
        if (state.infoDuration > 0) {
            double declared = state.infoDuration * scale;
            if (blocks < declared - 0.5) {
                throw truncated(FORMAT, "blocks end before the declared duration");
            }
            return new Probe(FORMAT, declared);
        }
        return new Probe(FORMAT, blocks);
    }

    private static void info(byte[] b, int from, int to, State state) {
        int position = from;
        while (position < to) {
            Element e = element(b, position);
            long end = e.end(to);
            if (e.size == UNKNOWN || end > to) {
                throw corrupt(FORMAT, "bad element in Info");
            }
            if (e.id == TIMECODE_SCALE) {
                state.timecodeScale = unsigned(b, e);
                if (state.timecodeScale <= 0) {
                    throw corrupt(FORMAT, "timecode scale 0");
                }
            } else if (e.id == DURATION) {
                if (e.size == 4) {
                    state.infoDuration = Float.intBitsToFloat((int) unsigned(b, e));
                } else if (e.size == 8) {
                    state.infoDuration = Double.longBitsToDouble(unsigned(b, e));
                } else {
                    throw corrupt(FORMAT, "duration is not a float");
                }
            }
            position = (int) end;
        }
    }

    /** Reads a cluster's blocks; returns where the cluster ends (for unknown sizes: at the next top-level id). */
    private static int cluster(byte[] b, int from, int to, boolean unknownSize, State state) {
        state.clusters = true;
        long clusterTime = 0;
        int position = from;
        while (position < to) {
            if (unknownSize && SEGMENT_CHILDREN.contains(peekId(b, position))) {
                return position;
            }
            Element e = element(b, position);
            if (e.size == UNKNOWN) {
                throw corrupt(FORMAT, "unknown size inside a cluster");
            }
            long end = e.start + e.size;
            if (end > to) {
                throw truncated(FORMAT, "block runs past the end");
            }
            if (e.id == CLUSTER_TIMECODE) {
                clusterTime = unsigned(b, e);
            } else if (e.id == SIMPLE_BLOCK) {
                state.lastBlockEnd = Math.max(state.lastBlockEnd, clusterTime + blockTime(b, e));
            } else if (e.id == BLOCK_GROUP) {
                long duration = 0;
                long time = Long.MIN_VALUE;
                int p = e.start;
                while (p < end) {
                    Element g = element(b, p);
                    if (g.size == UNKNOWN || g.start + g.size > end) {
                        throw corrupt(FORMAT, "bad element in a block group");
                    }
                    if (g.id == BLOCK) {
                        time = blockTime(b, g);
                    } else if (g.id == BLOCK_DURATION) {
                        duration = unsigned(b, g);
                    }
                    p = (int) (g.start + g.size);
                }
                if (time != Long.MIN_VALUE) {
                    state.lastBlockEnd = Math.max(state.lastBlockEnd, clusterTime + time + duration);
                }
            }
            position = (int) end;
        }
        return position;
    }

    private static long blockTime(byte[] b, Element block) {
        int p = block.start;
        int trackLength = vintLength(b, p);
        Bytes.require(b, p, trackLength + 3, FORMAT, "block header");
        p += trackLength;
        return (short) ((u8(b, p) << 8) | u8(b, p + 1));
    }

    private static String docType(byte[] b, Element header) {
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

    private static long unsigned(byte[] b, Element e) {
        if (e.size > 8) {
            throw corrupt(FORMAT, "integer wider than 8 bytes");
        }
        long value = 0;
        for (int i = 0; i < e.size; i++) {
            value = (value << 8) | u8(b, e.start + i);
        }
        return value;
    }

    private static int peekId(byte[] b, int position) {
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

    private static Element element(byte[] b, int position) {
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

    private static int vintLength(byte[] b, int position) {
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
