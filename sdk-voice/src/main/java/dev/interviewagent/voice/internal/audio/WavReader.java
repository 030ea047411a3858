package dev.interviewagent.voice.internal.audio;

import static dev.interviewagent.voice.internal.audio.Bytes.ascii;
import static dev.interviewagent.voice.internal.audio.Bytes.corrupt;
import static dev.interviewagent.voice.internal.audio.Bytes.truncated;
import static dev.interviewagent.voice.internal.audio.Bytes.u16le;
import static dev.interviewagent.voice.internal.audio.Bytes.u32le;

import dev.interviewagent.voice.AudioFormat;
import dev.interviewagent.voice.SpeechException;
import dev.interviewagent.voice.SpeechException.Reason;

/** RIFF/WAVE with PCM, IEEE float or extensible PCM: duration = data chunk size / byte rate. */
final class WavReader {

    private static final AudioFormat FORMAT = AudioFormat.WAV_PCM;
    private static final long STREAMING_SIZE = 0xFFFFFFFFL;

    private WavReader() {
    }

    static boolean matches(byte[] b) {
        return ascii(b, 0, "RIFF") && ascii(b, 8, "WAVE");
    }

    static Probe read(byte[] b) {
        int offset = 12;
        long byteRate = -1;
        while (true) {
            if (offset + 8 > b.length) {
                throw truncated(FORMAT, "no data chunk");
            }
            long size = u32le(b, offset + 4);
            int body = offset + 8;
            if (ascii(b, offset, "fmt ")) {
                Bytes.require(b, body, 16, FORMAT, "fmt chunk");
                int codec = u16le(b, body);
                if (codec != 1 && codec != 3 && codec != 0xFFFE) {
                    throw new SpeechException(Reason.UNKNOWN_FORMAT, "WAV with a codec other than PCM: " + codec);
                }
                byteRate = u32le(b, body + 8);
                if (byteRate == 0 || u16le(b, body + 2) == 0) {
                    throw corrupt(FORMAT, "byte rate or channel count 0");
                }
            } else if (ascii(b, offset, "data")) {
                if (byteRate < 0) {
                    throw corrupt(FORMAT, "data chunk before fmt chunk");
                }
                long available = b.length - body;
                long dataSize;
                if (size == STREAMING_SIZE || size == 0) {
                    dataSize = available; // written by a streaming recorder that never patched the header
                } else if (size > available) {
                    throw truncated(FORMAT, "data chunk shorter than its header says");
                } else {
                    dataSize = size;
                }
                return new Probe(FORMAT, dataSize / (double) byteRate);
            }
            long next = body + size + (size & 1);
            if (next > b.length) {
                throw truncated(FORMAT, "chunk runs past the end");
            }
            offset = (int) next;
        }
    }
}
