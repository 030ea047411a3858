package dev.interviewagent.voice.internal.audio;

import static dev.interviewagent.voice.internal.audio.Bytes.ascii;
import static dev.interviewagent.voice.internal.audio.Bytes.corrupt;
import static dev.interviewagent.voice.internal.audio.Bytes.truncated;
import static dev.interviewagent.voice.internal.audio.Bytes.u8;
import static dev.interviewagent.voice.internal.audio.Ebml.UNKNOWN;
import static dev.interviewagent.voice.internal.audio.Ebml.children;
import static dev.interviewagent.voice.internal.audio.Ebml.docType;
import static dev.interviewagent.voice.internal.audio.Ebml.element;
import static dev.interviewagent.voice.internal.audio.Ebml.floating;
import static dev.interviewagent.voice.internal.audio.Ebml.peekId;
import static dev.interviewagent.voice.internal.audio.Ebml.unsigned;
import static dev.interviewagent.voice.internal.audio.Ebml.vintLength;
import static dev.interviewagent.voice.internal.audio.Ebml.vintValue;

import dev.interviewagent.voice.AudioFormat;
import dev.interviewagent.voice.SpeechException;
import dev.interviewagent.voice.SpeechException.Reason;
import dev.interviewagent.voice.internal.audio.Ebml.Element;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * WebM and Matroska (EBML). Walks the segment and every cluster (an element running past the end means the file was
 * cut) and measures the one audio track from its blocks: every frame of every block, through Xiph, EBML and fixed
 * lacing, counted the way a decoder plays it (Opus: each packet's table-of-contents byte, minus the pre-skip;
 * Vorbis: each packet's block size; AAC: frames × frame length; PCM: bytes). Segment Info's Duration is only the
 * declared length, and time stamps are not trusted at all: a decoder plays every frame whatever its time stamp.
 * Recorders that stream (browsers' MediaRecorder) write no Duration and unknown sizes; their length is the count.
 * The element syntax itself is {@link Ebml}'s.
 */
final class MatroskaReader {

    private static final AudioFormat FORMAT = AudioFormat.WEBM;
    private static final int EBML = 0x1A45DFA3;
    private static final int SEGMENT = 0x18538067;
    private static final int INFO = 0x1549A966;
    private static final int TIMECODE_SCALE = 0x2AD7B1;
    private static final int DURATION = 0x4489;
    private static final int TRACKS = 0x1654AE6B;
    private static final int TRACK_ENTRY = 0xAE;
    private static final int TRACK_NUMBER = 0xD7;
    private static final int TRACK_TYPE = 0x83;
    private static final int CODEC_ID = 0x86;
    private static final int CODEC_PRIVATE = 0x63A2;
    private static final int CODEC_DELAY = 0x56AA;
    private static final int AUDIO = 0xE1;
    private static final int SAMPLING_FREQUENCY = 0xB5;
    private static final int CHANNELS = 0x9F;
    private static final int BIT_DEPTH = 0x6264;
    private static final int CLUSTER = 0x1F43B675;
    private static final int SIMPLE_BLOCK = 0xA3;
    private static final int BLOCK_GROUP = 0xA0;
    private static final int BLOCK = 0xA1;
    private static final int AUDIO_TRACK = 2;
    private static final Set<Integer> SEGMENT_CHILDREN = Set.of(
            0x114D9B74, INFO, TRACKS, CLUSTER, 0x1C53BB6B, 0x1254C367, 0x1043A770, 0x1941A469);

    private MatroskaReader() {
    }

    static boolean matches(byte[] b) {
        return b.length >= 4 && Bytes.u32be(b, 0) == (EBML & 0xFFFFFFFFL);
    }

    private enum Codec { OPUS, VORBIS, AAC, PCM }

    /** The audio track and what its frames add up to. */
    private static final class AudioTrack {
        long number = -1;
        Codec codec;
        double samplingFrequency = 8000;
        long channels = 1;
        long bitDepth;
        long codecDelayNanos;
        int preSkip = -1;
        VorbisPackets vorbis;
        int aacFrameLength = 1024;
        long aacRate;
        long samples;
        long frames;
        long bytes;

        void frame(byte[] b, int offset, int length) {
            frames++;
            switch (codec) {
                case OPUS -> samples += OpusPackets.samples(b, offset, length, FORMAT);
                case VORBIS -> samples += vorbis.samples(b, offset, length);
                case AAC -> samples += aacFrameLength;
                case PCM -> bytes += length;
            }
        }

        double seconds() {
            return switch (codec) {
                case OPUS -> Math.max(0, samples - (preSkip >= 0 ? preSkip
                        : codecDelayNanos * 48_000 / 1_000_000_000L)) / 48_000.0;
                case VORBIS -> samples / (double) vorbis.sampleRate();
                case AAC -> samples / (double) aacRate;
                case PCM -> bytes / (double) (channels * (bitDepth / 8)) / samplingFrequency;
            };
        }
    }

    private static final class State {
        long timecodeScale = 1_000_000;
        double infoDuration = -1;
        boolean tracks;
        AudioTrack audio;
    }

    static Probe read(byte[] b) {
        Element header = element(b, 0);
        if (header.size() == UNKNOWN || header.end(0) > b.length) {
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
        if (segment.id() != SEGMENT) {
            throw corrupt(FORMAT, "no segment after the EBML header");
        }
        long segmentEnd = segment.end(b.length);
        if (segmentEnd > b.length) {
            throw truncated(FORMAT, "segment runs past the end");
        }
        State state = new State();
        int position = segment.start();
        while (position < segmentEnd) {
            Element child = element(b, position);
            if (child.size() == UNKNOWN) {
                if (child.id() != CLUSTER) {
                    throw corrupt(FORMAT, "unknown size outside a cluster");
                }
                position = cluster(b, child.start(), (int) segmentEnd, true, state);
                continue;
            }
            long end = child.end(segmentEnd);
            if (end > segmentEnd) {
                throw truncated(FORMAT, "element runs past the end");
            }
            if (child.id() == INFO) {
                info(b, child.start(), (int) end, state);
            } else if (child.id() == TRACKS) {
                tracks(b, child.start(), (int) end, state);
            } else if (child.id() == CLUSTER) {
                cluster(b, child.start(), (int) end, false, state);
            }
            position = (int) end;
        }
        if (state.audio == null || state.audio.frames == 0) {
            throw truncated(FORMAT, "no audio blocks");
        }
        double declared = state.infoDuration > 0 ? state.infoDuration * state.timecodeScale / 1e9 : Double.NaN;
        return new Probe(FORMAT, state.audio.seconds(), declared);
    }

    private static void info(byte[] b, int from, int to, State state) {
        int position = from;
        while (position < to) {
            Element e = element(b, position);
            long end = e.end(to);
            if (e.size() == UNKNOWN || end > to) {
                throw corrupt(FORMAT, "bad element in Info");
            }
            if (e.id() == TIMECODE_SCALE) {
                state.timecodeScale = unsigned(b, e);
                if (state.timecodeScale <= 0) {
                    throw corrupt(FORMAT, "timecode scale 0");
                }
            } else if (e.id() == DURATION) {
                state.infoDuration = floating(b, e);
            }
            position = (int) end;
        }
    }

    private static void tracks(byte[] b, int from, int to, State state) {
        if (state.tracks) {
            throw corrupt(FORMAT, "two track lists");
        }
        state.tracks = true;
        for (Element entry : children(b, from, to)) {
            if (entry.id() != TRACK_ENTRY) {
                continue;
            }
            AudioTrack track = new AudioTrack();
            long type = -1;
            String codec = "";
            Element codecPrivate = null;
            for (Element e : children(b, entry.start(), (int) (entry.start() + entry.size()))) {
                switch (e.id()) {
                    case TRACK_NUMBER -> track.number = unsigned(b, e);
                    case TRACK_TYPE -> type = unsigned(b, e);
                    case CODEC_ID -> codec = new String(b, e.start(), (int) e.size(), StandardCharsets.US_ASCII)
                            .replace("\0", "").trim();
                    case CODEC_PRIVATE -> codecPrivate = e;
                    case CODEC_DELAY -> track.codecDelayNanos = unsigned(b, e);
                    case AUDIO -> audio(b, e, track);
                    default -> { }
                }
            }
            if (type != AUDIO_TRACK) {
                continue;
            }
            if (state.audio != null) {
                throw new SpeechException(Reason.UNKNOWN_FORMAT, "Matroska file with more than one audio track");
            }
            codec(b, codec, codecPrivate, track);
            state.audio = track;
        }
        if (state.audio == null) {
            throw new SpeechException(Reason.UNKNOWN_FORMAT, "Matroska file without an audio track");
        }
    }

    private static void audio(byte[] b, Element audio, AudioTrack track) {
        for (Element e : children(b, audio.start(), (int) (audio.start() + audio.size()))) {
            if (e.id() == SAMPLING_FREQUENCY) {
                track.samplingFrequency = floating(b, e);
            } else if (e.id() == CHANNELS) {
                track.channels = unsigned(b, e);
            } else if (e.id() == BIT_DEPTH) {
                track.bitDepth = unsigned(b, e);
            }
        }
        if (!(track.samplingFrequency > 0) || track.channels <= 0) {
            throw corrupt(FORMAT, "audio track without a sample rate or channels");
        }
    }

    private static void codec(byte[] b, String codec, Element codecPrivate, AudioTrack track) {
        if (codec.equals("A_OPUS")) {
            track.codec = Codec.OPUS;
            if (codecPrivate != null && codecPrivate.size() >= 19 && ascii(b, codecPrivate.start(), "OpusHead")) {
                track.preSkip = Bytes.u16le(b, codecPrivate.start() + 10);
            }
        } else if (codec.equals("A_VORBIS")) {
            track.codec = Codec.VORBIS;
            track.vorbis = codecPrivate == null ? VorbisPackets.xiphLaced(b, 0, 0, FORMAT)
                    : VorbisPackets.xiphLaced(b, codecPrivate.start(), (int) codecPrivate.size(), FORMAT);
        } else if (codec.equals("A_AAC") || codec.startsWith("A_AAC/")) {
            track.codec = Codec.AAC;
            track.aacRate = Math.round(track.samplingFrequency);
            int[] frame = codecPrivate == null ? null
                    : AacConfig.frame(b, codecPrivate.start(), (int) (codecPrivate.start() + codecPrivate.size()));
            if (frame != null) {
                track.aacFrameLength = frame[0];
                track.aacRate = frame[1];
            }
        } else if (codec.startsWith("A_PCM/")) {
            track.codec = Codec.PCM;
            if (track.bitDepth <= 0 || track.bitDepth % 8 != 0) {
                throw corrupt(FORMAT, "PCM track without a whole-byte bit depth");
            }
        } else {
            throw new SpeechException(Reason.UNKNOWN_FORMAT,
                    "Matroska audio in a codec other than Opus, Vorbis, AAC or PCM");
        }
    }

    /** Reads a cluster's blocks; returns where the cluster ends (for unknown sizes: at the next top-level id). */
    private static int cluster(byte[] b, int from, int to, boolean unknownSize, State state) {
        int position = from;
        while (position < to) {
            if (unknownSize && SEGMENT_CHILDREN.contains(peekId(b, position))) {
                return position;
            }
            Element e = element(b, position);
            if (e.size() == UNKNOWN) {
                throw corrupt(FORMAT, "unknown size inside a cluster");
            }
            long end = e.start() + e.size();
            if (end > to) {
                throw truncated(FORMAT, "block runs past the end");
            }
            if (e.id() == SIMPLE_BLOCK) {
                block(b, e, state);
            } else if (e.id() == BLOCK_GROUP) {
                int p = e.start();
                while (p < end) {
                    Element g = element(b, p);
                    if (g.size() == UNKNOWN || g.start() + g.size() > end) {
                        throw corrupt(FORMAT, "bad element in a block group");
                    }
                    if (g.id() == BLOCK) {
                        block(b, g, state);
                    }
                    p = (int) (g.start() + g.size());
                }
            }
            position = (int) end;
        }
        return position;
    }

    /** Hands every frame of a block of the audio track to it, through the block's lacing. */
    private static void block(byte[] b, Element block, State state) {
        if (state.audio == null) {
            throw corrupt(FORMAT, "block before the track list");
        }
        int p = block.start();
        int end = (int) (block.start() + block.size());
        int trackLength = vintLength(b, p);
        Bytes.require(b, p, trackLength + 3, FORMAT, "block header");
        if (p + trackLength + 3 > end) {
            throw corrupt(FORMAT, "block shorter than its header");
        }
        long track = vintValue(b, p, trackLength);
        int flags = u8(b, p + trackLength + 2);
        p += trackLength + 3;
        if (track != state.audio.number) {
            return;
        }
        int lacing = (flags >>> 1) & 3;
        if (lacing == 0) {
            state.audio.frame(b, p, end - p);
            return;
        }
        if (p >= end) {
            throw corrupt(FORMAT, "laced block without a frame count");
        }
        int count = u8(b, p++) + 1;
        long[] sizes = new long[count];
        long known = 0;
        if (lacing == 1) { // Xiph: each size as a run of 255s and a last byte
            for (int i = 0; i < count - 1; i++) {
                int v;
                do {
                    if (p >= end) {
                        throw corrupt(FORMAT, "lace sizes run past the block");
                    }
                    v = u8(b, p++);
                    sizes[i] += v;
                } while (v == 255);
                known += sizes[i];
            }
        } else if (lacing == 3) { // EBML: first size, then signed differences
            for (int i = 0; i < count - 1; i++) {
                if (p >= end) {
                    throw corrupt(FORMAT, "lace sizes run past the block");
                }
                int length = vintLength(b, p);
                if (length > 8 || p + length > end) {
                    throw corrupt(FORMAT, "lace sizes run past the block");
                }
                long value = vintValue(b, p, length);
                p += length;
                sizes[i] = i == 0 ? value : sizes[i - 1] + value - ((1L << (7 * length - 1)) - 1);
                if (sizes[i] < 0) {
                    throw corrupt(FORMAT, "negative lace size");
                }
                known += sizes[i];
            }
        } else { // fixed: equal frames
            if ((end - p) % count != 0) {
                throw corrupt(FORMAT, "fixed lacing with unequal frames");
            }
            Arrays.fill(sizes, (end - p) / count);
            known = (end - p) - sizes[count - 1];
        }
        if (known > end - p) {
            throw corrupt(FORMAT, "laced frames larger than the block");
        }
        sizes[count - 1] = end - p - known;
        for (long size : sizes) {
            state.audio.frame(b, p, (int) size);
            p += (int) size;
        }
    }
}
