package dev.interviewagent.voice.internal.audio;

import static dev.interviewagent.voice.internal.audio.Bytes.ascii;
import static dev.interviewagent.voice.internal.audio.Bytes.corrupt;
import static dev.interviewagent.voice.internal.audio.Bytes.plus;
import static dev.interviewagent.voice.internal.audio.Bytes.times;
import static dev.interviewagent.voice.internal.audio.Bytes.truncated;
import static dev.interviewagent.voice.internal.audio.Bytes.u16be;
import static dev.interviewagent.voice.internal.audio.Bytes.u32be;
import static dev.interviewagent.voice.internal.audio.Bytes.u64be;
import static dev.interviewagent.voice.internal.audio.Bytes.u8;
import static dev.interviewagent.voice.internal.audio.Mp4Boxes.aacFrame;
import static dev.interviewagent.voice.internal.audio.Mp4Boxes.box;
import static dev.interviewagent.voice.internal.audio.Mp4Boxes.child;

import dev.interviewagent.voice.AudioFormat;
import dev.interviewagent.voice.SpeechException;
import dev.interviewagent.voice.SpeechException.Reason;
import dev.interviewagent.voice.internal.audio.Mp4Boxes.Box;
import java.util.ArrayList;
import java.util.List;

/**
 * ISO base media files (MP4/M4A/3GP). Walks the top-level boxes to the end (a box running past the end means the file
 * was cut) and measures the one audio track from its samples: the sample count of {@code stsz} (plus the
 * {@code trun} boxes of fragmented files) times the AAC frame length at the AAC core sample rate, or for other codecs
 * the sample durations of {@code stts}/{@code trun} over the {@code mdhd} time scale. The declared lengths
 * ({@code mvhd}, {@code mdhd}, the {@code stts} total, the edit list, {@code mehd}) are compared with it by the
 * inspector, so any one of them lying is caught; an edit list that repeats media or inserts long gaps shows as a
 * declared length far above the samples. Sample sizes must fit in the media data present. Every table is read only as
 * far as its box holds entries, so forged counts cost nothing. The box syntax itself is {@link Mp4Boxes}'s.
 */
final class Mp4Reader {

    private static final AudioFormat FORMAT = AudioFormat.MP4_AAC;
    private static final long UNKNOWN_32 = 0xFFFFFFFFL;

    private Mp4Reader() {
    }

    static boolean matches(byte[] b) {
        return ascii(b, 4, "ftyp");
    }

    /** What the movie header and the tracks say. */
    private static final class Movie {
        long timescale;
        long duration;
        long fragmentDuration = -1;
        int trackCount;
        final List<Track> sound = new ArrayList<>();
        final List<long[]> trackDefaults = new ArrayList<>(); // {track id, default duration, default size}
    }

    /** One audio track's tables. */
    private static final class Track {
        long id;
        long timescale;
        long mediaDuration;
        long editDuration = -1; // movie time scale
        long sttsSamples;
        long sttsTicks;
        long samples; // stsz
        long sampleBytes;
        int frameLength; // AAC samples per frame, 0 when not AAC or unknown
        long frameRate; // AAC core sample rate
        long fragmentSamples;
        long fragmentTicks;
        long fragmentBytes;
    }

    static Probe read(byte[] b) {
        int offset = 0;
        Movie movie = null;
        long mediaBytes = 0;
        boolean media = false;
        List<Box> fragments = new ArrayList<>();
        while (offset < b.length) {
            Box box = box(b, offset, b.length, true);
            if (box.is(b, "moov")) {
                movie = movie(b, box);
            } else if (box.is(b, "mdat")) {
                media = true;
                mediaBytes += box.end() - box.body();
            } else if (box.is(b, "moof")) {
                media = true;
                fragments.add(box);
            }
            offset = box.end();
        }
        if (movie == null) {
            throw truncated(FORMAT, "no movie header");
        }
        if (!media) {
            throw truncated(FORMAT, "no media data");
        }
        if (movie.timescale == 0) {
            throw corrupt(FORMAT, "no mvhd or timescale 0");
        }
        if (movie.sound.isEmpty()) {
            throw new SpeechException(Reason.UNKNOWN_FORMAT, "MP4 file without an audio track");
        }
        if (movie.sound.size() > 1) {
            throw new SpeechException(Reason.UNKNOWN_FORMAT, "MP4 file with more than one audio track");
        }
        Track track = movie.sound.get(0);
        long[] defaults = {track.id, 0, 0};
        for (long[] trex : movie.trackDefaults) {
            if (trex[0] == track.id) {
                defaults = trex;
            }
        }
        for (Box fragment : fragments) {
            fragment(b, fragment, track, defaults);
        }
        return probe(movie, track, mediaBytes);
    }

    private static Probe probe(Movie movie, Track track, long mediaBytes) {
        if (track.samples != track.sttsSamples) {
            throw corrupt(FORMAT, "sample size and sample time tables disagree");
        }
        if (plus(track.sampleBytes, track.fragmentBytes) > mediaBytes) {
            throw truncated(FORMAT, "samples missing from the media data");
        }
        if (track.timescale == 0) {
            throw corrupt(FORMAT, "track time scale 0");
        }
        long samples = plus(track.samples, track.fragmentSamples);
        double tableSeconds = plus(track.sttsTicks, track.fragmentTicks) / (double) track.timescale;
        double measured = track.frameLength > 0 ? samples * (double) track.frameLength / track.frameRate : tableSeconds;
        double declaredByTables = track.frameLength > 0 ? tableSeconds : Double.NaN;
        double mdhd = known(track.mediaDuration) ? track.mediaDuration / (double) track.timescale : Double.NaN;
        double mvhd = known(movie.duration) && movie.trackCount == 1
                ? movie.duration / (double) movie.timescale : Double.NaN;
        // an empty edit list, or one of zero-length entries (fragmented files), declares nothing
        double edits = track.editDuration > 0 && movie.trackCount == 1
                ? track.editDuration / (double) movie.timescale : Double.NaN;
        double mehd = known(movie.fragmentDuration) ? movie.fragmentDuration / (double) movie.timescale : Double.NaN;
        return new Probe(FORMAT, measured, Probe.farthest(measured, declaredByTables, mdhd, mvhd, edits, mehd));
    }

    private static boolean known(long duration) {
        return duration > 0 && duration != UNKNOWN_32 && duration != -1L;
    }

    private static Movie movie(byte[] b, Box moov) {
        Movie movie = new Movie();
        for (int p = moov.body(); p + 8 <= moov.end(); ) {
            Box box = box(b, p, moov.end(), false);
            if (box.is(b, "mvhd")) {
                int body = box.body();
                if (u8(b, body) == 1) {
                    Bytes.require(b, body, 32, FORMAT, "mvhd");
                    movie.timescale = u32be(b, body + 20);
                    movie.duration = u64be(b, body + 24);
                } else {
                    Bytes.require(b, body, 20, FORMAT, "mvhd");
                    movie.timescale = u32be(b, body + 12);
                    movie.duration = u32be(b, body + 16);
                }
            } else if (box.is(b, "trak")) {
                movie.trackCount++;
                Track track = track(b, box);
                if (track != null) {
                    movie.sound.add(track);
                }
            } else if (box.is(b, "mvex")) {
                extends_(b, box, movie);
            }
            p = box.end();
        }
        return movie;
    }

    private static void extends_(byte[] b, Box mvex, Movie movie) {
        for (int p = mvex.body(); p + 8 <= mvex.end(); ) {
            Box box = box(b, p, mvex.end(), false);
            if (box.is(b, "mehd")) {
                Bytes.require(b, box.body(), 12, FORMAT, "mehd");
                movie.fragmentDuration = u8(b, box.body()) == 1 ? u64be(b, box.body() + 4) : u32be(b, box.body() + 4);
            } else if (box.is(b, "trex")) {
                Bytes.require(b, box.body(), 24, FORMAT, "trex");
                movie.trackDefaults.add(new long[] {u32be(b, box.body() + 4), u32be(b, box.body() + 12),
                    u32be(b, box.body() + 16)});
            }
            p = box.end();
        }
    }

    /** The tables of a track, or null when it is not an audio track. */
    private static Track track(byte[] b, Box trak) {
        Track track = new Track();
        Box mdia = null;
        for (int p = trak.body(); p + 8 <= trak.end(); ) {
            Box box = box(b, p, trak.end(), false);
            if (box.is(b, "tkhd")) {
                Bytes.require(b, box.body(), 24, FORMAT, "tkhd");
                track.id = u32be(b, box.body() + (u8(b, box.body()) == 1 ? 20 : 12));
            } else if (box.is(b, "edts")) {
                track.editDuration = edits(b, box);
            } else if (box.is(b, "mdia")) {
                mdia = box;
            }
            p = box.end();
        }
        if (mdia == null) {
            throw corrupt(FORMAT, "track without media");
        }
        boolean sound = false;
        Box stbl = null;
        for (int p = mdia.body(); p + 8 <= mdia.end(); ) {
            Box box = box(b, p, mdia.end(), false);
            if (box.is(b, "mdhd")) {
                int body = box.body();
                if (u8(b, body) == 1) {
                    Bytes.require(b, body, 32, FORMAT, "mdhd");
                    track.timescale = u32be(b, body + 20);
                    track.mediaDuration = u64be(b, body + 24);
                } else {
                    Bytes.require(b, body, 20, FORMAT, "mdhd");
                    track.timescale = u32be(b, body + 12);
                    track.mediaDuration = u32be(b, body + 16);
                }
            } else if (box.is(b, "hdlr")) {
                Bytes.require(b, box.body(), 12, FORMAT, "hdlr");
                sound = ascii(b, box.body() + 8, "soun");
            } else if (box.is(b, "minf")) {
                stbl = child(b, box, "stbl");
            }
            p = box.end();
        }
        if (!sound) {
            return null;
        }
        if (stbl == null) {
            throw corrupt(FORMAT, "audio track without a sample table");
        }
        sampleTable(b, stbl, track);
        return track;
    }

    /** Total of the edit list's segment durations, in the movie time scale. */
    private static long edits(byte[] b, Box edts) {
        Box elst = child(b, edts, "elst");
        if (elst == null) {
            return -1;
        }
        Bytes.require(b, elst.body(), 8, FORMAT, "elst");
        boolean wide = u8(b, elst.body()) == 1;
        int entrySize = wide ? 20 : 12;
        long count = u32be(b, elst.body() + 4);
        if (count * entrySize > elst.end() - elst.body() - 8L) {
            throw corrupt(FORMAT, "edit list longer than its box");
        }
        long total = 0;
        for (int i = 0, p = elst.body() + 8; i < count; i++, p += entrySize) {
            total = plus(total, wide ? u64be(b, p) & Long.MAX_VALUE : u32be(b, p));
        }
        return total;
    }

    private static void sampleTable(byte[] b, Box stbl, Track track) {
        for (int p = stbl.body(); p + 8 <= stbl.end(); ) {
            Box box = box(b, p, stbl.end(), false);
            if (box.is(b, "stts")) {
                Bytes.require(b, box.body(), 8, FORMAT, "stts");
                long count = u32be(b, box.body() + 4);
                if (count * 8 > box.end() - box.body() - 8L) {
                    throw corrupt(FORMAT, "stts longer than its box");
                }
                for (int i = 0, e = box.body() + 8; i < count; i++, e += 8) {
                    long samples = u32be(b, e);
                    track.sttsSamples = plus(track.sttsSamples, samples);
                    track.sttsTicks = plus(track.sttsTicks, times(samples, u32be(b, e + 4)));
                }
            } else if (box.is(b, "stsz")) {
                Bytes.require(b, box.body(), 12, FORMAT, "stsz");
                long size = u32be(b, box.body() + 4);
                long count = u32be(b, box.body() + 8);
                track.samples = count;
                if (size != 0) {
                    track.sampleBytes = times(size, count);
                } else {
                    if (count * 4 > box.end() - box.body() - 12L) {
                        throw corrupt(FORMAT, "stsz longer than its box");
                    }
                    for (int i = 0, e = box.body() + 12; i < count; i++, e += 4) {
                        track.sampleBytes += u32be(b, e);
                    }
                }
            } else if (box.is(b, "stz2")) {
                throw new SpeechException(Reason.UNKNOWN_FORMAT, "MP4 with compact sample sizes (stz2)");
            } else if (box.is(b, "stsd")) {
                codec(b, box, track);
            }
            p = box.end();
        }
    }

    /** Reads the AAC frame length and core rate from the first sample entry, when it is {@code mp4a} with AAC. */
    private static void codec(byte[] b, Box stsd, Track track) {
        if (stsd.end() - stsd.body() < 16) {
            return;
        }
        Box entry = box(b, stsd.body() + 8, stsd.end(), false);
        if (!entry.is(b, "mp4a")) {
            return;
        }
        // SampleEntry (8) + AudioSampleEntry (20); QuickTime sound descriptions version 1 and 2 add 16 or 36
        Bytes.require(b, entry.body(), 28, FORMAT, "mp4a");
        int version = u16be(b, entry.body() + 8);
        int children = entry.body() + 28 + (version == 1 ? 16 : version == 2 ? 36 : 0);
        if (children > entry.end()) {
            throw corrupt(FORMAT, "mp4a sample entry shorter than its fields");
        }
        Box esds = child(b, new Box(entry.start(), children, entry.end()), "esds");
        if (esds == null) {
            Box wave = child(b, new Box(entry.start(), children, entry.end()), "wave");
            esds = wave == null ? null : child(b, wave, "esds");
        }
        if (esds != null) {
            int[] frame = aacFrame(b, esds.body() + 4, esds.end());
            if (frame != null) {
                track.frameLength = frame[0];
                track.frameRate = frame[1];
            }
        }
    }

    /** @param defaults the audio track's {@code trex}: {track id, default sample duration, default sample size} */
    private static void fragment(byte[] b, Box moof, Track track, long[] defaults) {
        for (int p = moof.body(); p + 8 <= moof.end(); ) {
            Box traf = box(b, p, moof.end(), false);
            if (traf.is(b, "traf")) {
                trackFragment(b, traf, track, defaults);
            }
            p = traf.end();
        }
    }

    private static void trackFragment(byte[] b, Box traf, Track track, long[] defaults) {
        long defaultDuration = defaults[1];
        long defaultSize = defaults[2];
        boolean ours = false;
        for (int p = traf.body(); p + 8 <= traf.end(); ) {
            Box box = box(b, p, traf.end(), false);
            if (box.is(b, "tfhd")) {
                Bytes.require(b, box.body(), 8, FORMAT, "tfhd");
                int flags = u8(b, box.body() + 1) << 16 | u16be(b, box.body() + 2);
                ours = u32be(b, box.body() + 4) == track.id;
                int q = box.body() + 8 + ((flags & 0x01) != 0 ? 8 : 0) + ((flags & 0x02) != 0 ? 4 : 0);
                if ((flags & 0x08) != 0) {
                    Bytes.require(b, q, 4, FORMAT, "tfhd");
                    defaultDuration = u32be(b, q);
                    q += 4;
                }
                if ((flags & 0x10) != 0) {
                    Bytes.require(b, q, 4, FORMAT, "tfhd");
                    defaultSize = u32be(b, q);
                }
            } else if (box.is(b, "trun") && ours) {
                run(b, box, track, defaultDuration, defaultSize);
            }
            p = box.end();
        }
    }

    private static void run(byte[] b, Box trun, Track track, long defaultDuration, long defaultSize) {
        Bytes.require(b, trun.body(), 8, FORMAT, "trun");
        int flags = u8(b, trun.body() + 1) << 16 | u16be(b, trun.body() + 2);
        long count = u32be(b, trun.body() + 4);
        int q = trun.body() + 8 + ((flags & 0x01) != 0 ? 4 : 0) + ((flags & 0x04) != 0 ? 4 : 0);
        boolean durations = (flags & 0x100) != 0;
        boolean sizes = (flags & 0x200) != 0;
        int entry = (durations ? 4 : 0) + (sizes ? 4 : 0) + ((flags & 0x400) != 0 ? 4 : 0)
                + ((flags & 0x800) != 0 ? 4 : 0);
        if (count * entry > trun.end() - (long) q) {
            throw corrupt(FORMAT, "trun longer than its box");
        }
        track.fragmentSamples = plus(track.fragmentSamples, count);
        if (entry == 0) {
            track.fragmentTicks = plus(track.fragmentTicks, times(count, defaultDuration));
            track.fragmentBytes = plus(track.fragmentBytes, times(count, defaultSize));
            return;
        }
        for (long i = 0; i < count; i++, q += entry) {
            track.fragmentTicks = plus(track.fragmentTicks, durations ? u32be(b, q) : defaultDuration);
            track.fragmentBytes = plus(track.fragmentBytes, sizes ? u32be(b, q + (durations ? 4 : 0)) : defaultSize);
        }
    }
}
