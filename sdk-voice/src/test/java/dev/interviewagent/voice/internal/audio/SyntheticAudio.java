package dev.interviewagent.voice.internal.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds audio files in memory, byte by byte from the format specifications, so tests can give any container a
 * header that lies about the length of its content. The payloads are minimal (silent or empty frames): the readers
 * look at containers and frame headers, never at the sound. Nothing here depends on the readers under test.
 */
final class SyntheticAudio {

    private SyntheticAudio() {
    }

    // ------------------------------------------------------------------------------------------------------ Ogg

    /**
     * A real Ogg recording re-paginated with its audio packets repeated {@code times} times (header packets once),
     * and the last page's granule position set to {@code lastGranule}: the length the file declares.
     */
    static byte[] oggRepeated(byte[] source, int times, long lastGranule) {
        List<byte[]> packets = new ArrayList<>();
        long serial = -1;
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        for (int offset = 0; offset < source.length; ) {
            int segments = source[offset + 26] & 0xFF;
            if (serial < 0) {
                serial = le32(source, offset + 14);
            }
            int body = offset + 27 + segments;
            for (int i = 0; i < segments; i++) {
                int length = source[offset + 27 + i] & 0xFF;
                packet.write(source, body, length);
                body += length;
                if (length < 255) {
                    packets.add(packet.toByteArray());
                    packet.reset();
                }
            }
            offset = body;
        }
        int headers = new String(packets.get(0), StandardCharsets.ISO_8859_1).startsWith("OpusHead") ? 2 : 3;
        List<byte[]> audio = new ArrayList<>();
        for (int t = 0; t < times; t++) {
            audio.addAll(packets.subList(headers, packets.size()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int sequence = 0;
        writePage(out, List.of(packets.get(0)), 0x02, 0, serial, sequence++);
        writePage(out, packets.subList(1, headers), 0, 0, serial, sequence++);
        List<byte[]> page = new ArrayList<>();
        int lacing = 0;
        for (int i = 0; i < audio.size(); i++) {
            byte[] p = audio.get(i);
            int needed = p.length / 255 + 1;
            if (lacing + needed > 255) {
                // intermediate pages carry a plausible, growing granule; only the last one matters here
                writePage(out, page, 0, Math.max(0, lastGranule) * i / audio.size(), serial, sequence++);
                page = new ArrayList<>();
                lacing = 0;
            }
            page.add(p);
            lacing += needed;
        }
        writePage(out, page, 0x04, lastGranule, serial, sequence);
        return out.toByteArray();
    }

    private static void writePage(ByteArrayOutputStream out, List<byte[]> packets, int flags, long granule,
            long serial, int sequence) {
        ByteArrayOutputStream lacing = new ByteArrayOutputStream();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] p : packets) {
            for (int left = p.length; ; left -= 255) {
                lacing.write(Math.min(left, 255));
                if (left < 255) {
                    break;
                }
            }
            body.writeBytes(p);
        }
        ByteBuffer page = ByteBuffer.allocate(27 + lacing.size() + body.size()).order(ByteOrder.LITTLE_ENDIAN);
        page.put("OggS".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) flags).putLong(granule)
                .putInt((int) serial).putInt(sequence).putInt(0).put((byte) lacing.size())
                .put(lacing.toByteArray()).put(body.toByteArray());
        byte[] bytes = page.array();
        int crc = oggCrc(bytes);
        ByteBuffer.wrap(bytes, 22, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(crc);
        out.writeBytes(bytes);
    }

    private static int oggCrc(byte[] page) {
        int crc = 0;
        for (byte value : page) {
            crc ^= (value & 0xFF) << 24;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
            }
        }
        return crc;
    }

    private static long le32(byte[] b, int i) {
        return ByteBuffer.wrap(b, i, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
    }

    // ------------------------------------------------------------------------------------------------------ MP3

    /** MPEG-2.5 Layer III, 8 kHz mono, 8 kbit/s: 72-byte frames of 576 samples (72 ms). */
    static final double MP3_FRAME_SECONDS = 576 / 8000.0;
    private static final int MP3_FRAME_BYTES = 72;

    /**
     * {@code frames} MP3 frames; with {@code xingFrames >= 0} the first frame is an Xing header declaring that many
     * (it carries no audio, so the file then has {@code frames - 1} audio frames).
     */
    static byte[] mp3(int frames, long xingFrames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < frames; i++) {
            byte[] frame = mp3Frame();
            if (i == 0 && xingFrames >= 0) {
                ByteBuffer x = ByteBuffer.wrap(frame, 4 + 9, 12); // after the 9-byte side info of MPEG-2 mono
                x.put("Xing".getBytes(StandardCharsets.US_ASCII)).putInt(1).putInt((int) xingFrames);
            }
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }

    static byte[] mp3Frame() {
        byte[] frame = new byte[MP3_FRAME_BYTES];
        frame[0] = (byte) 0xFF;
        frame[1] = (byte) 0xE3; // MPEG 2.5, Layer III, no CRC
        frame[2] = (byte) 0x18; // 8 kbit/s, 8 kHz, no padding
        frame[3] = (byte) 0xC0; // mono
        return frame;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    // ------------------------------------------------------------------------------------------------------ WAV

    /** 8-bit mono PCM at 2 kHz (2,000 bytes a second), one {@code data} chunk per length given, in seconds. */
    static byte[] wav(double... dataSeconds) {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        ByteBuffer fmt = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        fmt.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(2000).putInt(2000).putShort((short) 1).putShort((short) 8);
        chunks.writeBytes(fmt.array());
        for (double seconds : dataSeconds) {
            int size = (int) Math.round(seconds * 2000);
            ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            header.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(size);
            chunks.writeBytes(header.array());
            byte[] silence = new byte[size + (size & 1)];
            java.util.Arrays.fill(silence, (byte) 0x80);
            chunks.writeBytes(silence);
        }
        ByteBuffer riff = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        riff.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + chunks.size())
                .put("WAVE".getBytes(StandardCharsets.US_ASCII));
        return concat(riff.array(), chunks.toByteArray());
    }

    // ----------------------------------------------------------------------------------------------------- FLAC

    /** FLAC at 8 kHz, 16-bit mono, blocks of 4,096 samples (0.512 s) holding one constant (silent) subframe. */
    static final double FLAC_FRAME_SECONDS = 4096 / 8000.0;

    /**
     * {@code frames} FLAC frames numbered from 0, STREAMINFO declaring {@code totalSamples}; when
     * {@code lastFrameNumber >= 0} the last frame carries that number instead of its own (with valid checksums).
     */
    static byte[] flac(int frames, long totalSamples, long lastFrameNumber) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("fLaC".getBytes(StandardCharsets.US_ASCII));
        ByteBuffer info = ByteBuffer.allocate(4 + 34);
        info.put((byte) 0x80).put((byte) 0).put((byte) 0).put((byte) 34); // last block, STREAMINFO, 34 bytes
        info.putShort((short) 4096).putShort((short) 4096).put(new byte[6]);
        info.putLong((8000L << 44) | (0L << 41) | (15L << 36) | (totalSamples & 0xF_FFFF_FFFFL));
        out.writeBytes(info.array()); // the MD5 signature stays zero: "not computed"
        for (int i = 0; i < frames; i++) {
            long number = i == frames - 1 && lastFrameNumber >= 0 ? lastFrameNumber : i;
            out.writeBytes(flacFrame(number));
        }
        return out.toByteArray();
    }

    private static byte[] flacFrame(long number) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0xFF);
        frame.write(0xF8); // fixed block size
        frame.write(0xC4); // 4,096 samples, 8 kHz
        frame.write(0x08); // mono, 16 bits
        frame.writeBytes(utf8(number));
        frame.write(crc8(frame.toByteArray()));
        frame.write(0x00); // subframe: constant, no wasted bits
        frame.write(0x00);
        frame.write(0x00); // the constant sample value, 16 bits
        int crc = crc16(frame.toByteArray());
        frame.write(crc >>> 8);
        frame.write(crc & 0xFF);
        return frame.toByteArray();
    }

    private static byte[] utf8(long n) {
        if (n < 0x80) {
            return new byte[] {(byte) n};
        }
        if (n < 0x800) {
            return new byte[] {(byte) (0xC0 | (n >>> 6)), (byte) (0x80 | (n & 0x3F))};
        }
        return new byte[] {(byte) (0xE0 | (n >>> 12)), (byte) (0x80 | ((n >>> 6) & 0x3F)), (byte) (0x80 | (n & 0x3F))};
    }

    private static int crc8(byte[] b) {
        int crc = 0;
        for (byte value : b) {
            crc ^= value & 0xFF;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x07) & 0xFF : (crc << 1) & 0xFF;
            }
        }
        return crc;
    }

    private static int crc16(byte[] b) {
        int crc = 0;
        for (byte value : b) {
            crc ^= (value & 0xFF) << 8;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x8005) & 0xFFFF : (crc << 1) & 0xFFFF;
            }
        }
        return crc;
    }

    // ------------------------------------------------------------------------------------------------------ MP4

    /** AAC-LC at 16 kHz, mono: 1,024 samples (64 ms) a frame. */
    static final double AAC_FRAME_SECONDS = 1024 / 16000.0;
    private static final int AAC_FRAME_BYTES = 6;

    /**
     * An M4A file with {@code frames} AAC frames (6 bytes each) in one audio track. Declared lengths, each in
     * seconds (negative: written as honest): {@code movieSeconds} in {@code mvhd}, {@code mediaSeconds} in
     * {@code mdhd}; {@code sttsDelta} is each sample's duration in the 16 kHz media time scale (1,024 is honest);
     * {@code edits} edit-list entries of {@code editSeconds} each (none when 0).
     */
    static byte[] m4a(int frames, double movieSeconds, double mediaSeconds, int sttsDelta, int edits,
            double editSeconds) {
        double honest = frames * AAC_FRAME_SECONDS;
        long movie = Math.round((movieSeconds < 0 ? honest : movieSeconds) * 1000); // movie time scale 1000
        long media = Math.round((mediaSeconds < 0 ? honest : mediaSeconds) * 16000);
        byte[] ftyp = box("ftyp", ascii("M4A "), u32(0), ascii("isomM4A "));
        byte[] mdatPayload = new byte[frames * AAC_FRAME_BYTES];
        byte[] stsz = new byte[frames * 4];
        for (int i = 0; i < frames; i++) {
            ByteBuffer.wrap(stsz, i * 4, 4).putInt(AAC_FRAME_BYTES);
        }
        byte[] edts = edits == 0 ? new byte[0] : box("edts", fullBox("elst", 0, u32(edits),
                repeat(concat(u32(Math.round(editSeconds * 1000)), u32(0), u32(0x00010000)), edits)));
        byte[] stbl = box("stbl",
                fullBox("stsd", 0, u32(1), mp4a()),
                fullBox("stts", 0, u32(1), u32(frames), u32(sttsDelta)),
                fullBox("stsc", 0, u32(1), u32(1), u32(frames), u32(1)),
                fullBox("stsz", 0, u32(0), u32(frames), stsz),
                fullBox("stco", 0, u32(1), u32(0))); // the offset is not needed by the reader
        byte[] trak = box("trak", tkhd(), edts, box("mdia", mdhd(media), hdlr(), box("minf",
                fullBox("smhd", 0, new byte[4]), stbl)));
        byte[] moov = box("moov", mvhd(movie), trak);
        return concat(ftyp, moov, box("mdat", mdatPayload));
    }

    /**
     * A fragmented M4A: an empty sample table in {@code moov}, {@code mehd} declaring {@code declaredSeconds}
     * (none when negative), and {@code fragments} fragments of {@code framesPerFragment} AAC frames, timed by the
     * {@code trex} defaults (1,024 ticks, 6 bytes).
     */
    static byte[] fragmentedM4a(int fragments, int framesPerFragment, double declaredSeconds) {
        byte[] ftyp = box("ftyp", ascii("iso5"), u32(0), ascii("iso5dash"));
        byte[] stbl = box("stbl",
                fullBox("stsd", 0, u32(1), mp4a()),
                fullBox("stts", 0, u32(0)),
                fullBox("stsc", 0, u32(0)),
                fullBox("stsz", 0, u32(0), u32(0)),
                fullBox("stco", 0, u32(0)));
        byte[] trak = box("trak", tkhd(), box("mdia", mdhd(0), hdlr(), box("minf",
                fullBox("smhd", 0, new byte[4]), stbl)));
        byte[] mehd = declaredSeconds < 0 ? new byte[0]
                : fullBox("mehd", 0, u32(Math.round(declaredSeconds * 1000)));
        byte[] mvex = box("mvex", mehd, fullBox("trex", 0, u32(1), u32(1), u32(1024), u32(AAC_FRAME_BYTES), u32(0)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(concat(ftyp, box("moov", mvhd(0), trak, mvex)));
        for (int f = 0; f < fragments; f++) {
            byte[] moof = box("moof", fullBox("mfhd", 0, u32(f + 1)), box("traf",
                    fullBox("tfhd", 0x020000, u32(1)),
                    fullBox("trun", 0, u32(framesPerFragment))));
            out.writeBytes(moof);
            out.writeBytes(box("mdat", new byte[framesPerFragment * AAC_FRAME_BYTES]));
        }
        return out.toByteArray();
    }

    private static byte[] mvhd(long duration) {
        return fullBox("mvhd", 0, u32(0), u32(0), u32(1000), u32(duration), u32(0x00010000), new byte[] {1, 0},
                new byte[10], new byte[36], new byte[24], u32(2));
    }

    private static byte[] tkhd() {
        return fullBox("tkhd", 7, u32(0), u32(0), u32(1), u32(0), u32(0), new byte[8], new byte[8], new byte[36],
                u32(0), u32(0));
    }

    private static byte[] mdhd(long duration) {
        return fullBox("mdhd", 0, u32(0), u32(0), u32(16000), u32(duration), new byte[] {0x55, (byte) 0xC4}, new byte[2]);
    }

    private static byte[] hdlr() {
        return fullBox("hdlr", 0, u32(0), ascii("soun"), new byte[12], new byte[] {0});
    }

    /** An {@code mp4a} sample entry with an AAC-LC 16 kHz mono AudioSpecificConfig. */
    private static byte[] mp4a() {
        byte[] asc = {0x14, 0x08}; // object type 2, rate index 8 (16 kHz), 1 channel, 1,024-sample frames
        byte[] decoderSpecific = concat(new byte[] {0x05, (byte) asc.length}, asc);
        byte[] decoderConfig = concat(new byte[] {0x04, (byte) (13 + decoderSpecific.length), 0x40, 0x15},
                new byte[3], u32(24000), u32(24000), decoderSpecific);
        byte[] sl = {0x06, 0x01, 0x02};
        byte[] es = concat(new byte[] {0x03, (byte) (3 + decoderConfig.length + sl.length), 0, 0, 0},
                decoderConfig, sl);
        return box("mp4a", new byte[6], new byte[] {0, 1}, new byte[8], new byte[] {0, 1, 0, 16}, new byte[4],
                u32(16000L << 16), fullBox("esds", 0, es));
    }

    private static byte[] box(String type, byte[]... payload) {
        byte[] body = concat(payload);
        return concat(u32(8 + body.length), ascii(type), body);
    }

    private static byte[] fullBox(String type, int flags, byte[]... payload) {
        return box(type, concat(u32(flags & 0xFFFFFF), concat(payload)));
    }

    private static byte[] u32(long value) {
        return ByteBuffer.allocate(4).putInt((int) value).array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] repeat(byte[] part, int times) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < times; i++) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    // ----------------------------------------------------------------------------------------------------- WebM

    /** One Opus packet of six 20 ms CELT frames (code 3): 120 ms. */
    static final double OPUS_PACKET_SECONDS = 0.120;
    private static final byte[] OPUS_PACKET = {(byte) 0xFB, 0x06};
    /** How blocks hold their packets. */
    enum Lacing { NONE, XIPH, EBML, FIXED }

    /**
     * A WebM file with one Opus track (no pre-skip) of {@code packets} 120 ms packets, {@code perBlock} to a block
     * with the given lacing (without lacing a block holds one packet, so {@code perBlock} must be 1), 100 blocks to a cluster, every block time stamped {@code timestampMs} (time stamps are
     * free to lie too); Segment Info declares {@code durationMs} (none when negative).
     */
    static byte[] webm(int packets, int perBlock, Lacing lacing, double durationMs, int timestampMs) {
        if (lacing == Lacing.NONE && perBlock != 1) {
            throw new IllegalArgumentException("a block without lacing holds one packet");
        }
        byte[] header = ebml(0x1A45DFA3, ebml(0x4286, uint(1)), ebml(0x42F7, uint(1)), ebml(0x42F2, uint(4)),
                ebml(0x42F3, uint(8)), ebml(0x4282, ascii("webm")), ebml(0x4287, uint(4)), ebml(0x4285, uint(2)));
        byte[] info = ebml(0x1549A966, ebml(0x2AD7B1, uint(1_000_000)),
                durationMs < 0 ? new byte[0] : ebml(0x4489, ByteBuffer.allocate(8).putDouble(durationMs).array()));
        byte[] opusHead = ByteBuffer.allocate(19).order(ByteOrder.LITTLE_ENDIAN).put(ascii("OpusHead"))
                .put((byte) 1).put((byte) 1).putShort((short) 0).putInt(48000).putShort((short) 0).put((byte) 0)
                .array();
        byte[] tracks = ebml(0x1654AE6B, ebml(0xAE, ebml(0xD7, uint(1)), ebml(0x83, uint(2)),
                ebml(0x86, ascii("A_OPUS")), ebml(0x63A2, opusHead),
                ebml(0xE1, ebml(0xB5, ByteBuffer.allocate(8).putDouble(48000).array()), ebml(0x9F, uint(1)))));
        ByteArrayOutputStream clusters = new ByteArrayOutputStream();
        ByteArrayOutputStream cluster = new ByteArrayOutputStream();
        int blocks = 0;
        for (int left = packets; left > 0; left -= perBlock) {
            cluster.writeBytes(ebml(0xA3, block(Math.min(perBlock, left), lacing)));
            if (++blocks % 100 == 0 || left <= perBlock) {
                clusters.writeBytes(ebml(0x1F43B675, ebml(0xE7, uint(timestampMs)), cluster.toByteArray()));
                cluster.reset();
            }
        }
        return concat(header, ebml(0x18538067, info, tracks, clusters.toByteArray()));
    }

    private static byte[] block(int count, Lacing lacing) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0x81); // track 1
        b.write(0);
        b.write(0); // relative time stamp 0
        Lacing used = count == 1 ? Lacing.NONE : lacing;
        b.write(0x80 | (used.ordinal() == 0 ? 0 : used == Lacing.XIPH ? 0x02 : used == Lacing.EBML ? 0x06 : 0x04));
        if (used != Lacing.NONE) {
            b.write(count - 1);
            for (int i = 0; i < count - 1; i++) {
                if (used == Lacing.XIPH) {
                    b.write(OPUS_PACKET.length);
                } else if (used == Lacing.EBML) {
                    b.write(i == 0 ? 0x80 | OPUS_PACKET.length : 0xBF); // first size, then differences of 0
                }
            }
        }
        for (int i = 0; i < count; i++) {
            b.writeBytes(OPUS_PACKET);
        }
        return b.toByteArray();
    }

    /** An EBML element: its id bytes, an 8-byte size and the payload. */
    private static byte[] ebml(int id, byte[]... payload) {
        byte[] body = concat(payload);
        byte[] idBytes = id > 0xFFFFFF ? u32(id) : id > 0xFFFF ? new byte[] {(byte) (id >>> 16), (byte) (id >>> 8),
            (byte) id} : id > 0xFF ? new byte[] {(byte) (id >>> 8), (byte) id} : new byte[] {(byte) id};
        byte[] size = ByteBuffer.allocate(8).putLong(body.length).array();
        size[0] = 0x01;
        return concat(idBytes, size, body);
    }

    private static byte[] uint(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }
}
