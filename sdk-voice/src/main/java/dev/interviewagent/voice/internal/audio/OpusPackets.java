package dev.interviewagent.voice.internal.audio;

import static dev.interviewagent.voice.internal.audio.Bytes.corrupt;
import static dev.interviewagent.voice.internal.audio.Bytes.u8;

import dev.interviewagent.voice.AudioFormat;

/**
 * The playing time of one Opus packet from its table-of-contents byte (RFC 6716 §3.1): the configuration gives the
 * frame length, the code the frame count. This is what a decoder outputs whatever any container says.
 */
final class OpusPackets {

    /** 48 kHz samples per frame of configurations 0-11 (SILK), by {@code config & 3}: 10, 20, 40, 60 ms. */
    private static final int[] SILK = {480, 960, 1920, 2880};
    /** Configurations 16-31 (CELT), by {@code config & 3}: 2.5, 5, 10, 20 ms. */
    private static final int[] CELT = {120, 240, 480, 960};
    /** A packet holds at most 120 ms (RFC 6716 §3.2.5). */
    private static final int MAX_SAMPLES = 5760;

    private OpusPackets() {
    }

    /**
     * 48 kHz samples the packet at {@code offset} decodes to; 0 for an empty packet.
     *
     * @param available bytes of the packet readable at {@code offset} (at least its first two when it has them)
     * @throws dev.interviewagent.voice.SpeechException CORRUPT for a packet no decoder accepts
     */
    static int samples(byte[] b, int offset, int available, AudioFormat format) {
        if (available <= 0) {
            return 0;
        }
        int toc = u8(b, offset);
        int config = toc >>> 3;
        int frameSize;
        if (config < 12) {
            frameSize = SILK[config & 3];
        } else if (config < 16) {
            frameSize = (config & 1) == 0 ? 480 : 960; // hybrid: 10 or 20 ms
        } else {
            frameSize = CELT[config & 3];
        }
        int frames;
        switch (toc & 3) {
            case 0 -> frames = 1;
            case 1, 2 -> frames = 2;
            default -> {
                if (available < 2) {
                    throw corrupt(format, "Opus packet without its frame count");
                }
                frames = u8(b, offset + 1) & 0x3F;
            }
        }
        int samples = frames * frameSize;
        if (frames == 0 || samples > MAX_SAMPLES) {
            throw corrupt(format, "Opus packet longer than 120 ms or without frames");
        }
        return samples;
    }
}
