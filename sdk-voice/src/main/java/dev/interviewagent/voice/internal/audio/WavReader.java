package dev.interviewagent.voice.internal.audio;

import static dev.interviewagent.voice.internal.audio.Bytes.ascii;
import static dev.interviewagent.voice.internal.audio.Bytes.corrupt;
import static dev.interviewagent.voice.internal.audio.Bytes.truncated;
import static dev.interviewagent.voice.internal.audio.Bytes.u16le;
import static dev.interviewagent.voice.internal.audio.Bytes.u32le;

import dev.interviewagent.voice.AudioFormat;
import dev.interviewagent.voice.SpeechException;
import dev.interviewagent.voice.SpeechException.Reason;

/**
 * RIFF/WAVE with PCM, IEEE float or extensible PCM. Walks every chunk to the end of the file; the duration is the
 * size of all {@code data} chunks present divided by the byte rate. Decoders such as FFmpeg play a second
 * {@code data} chunk after the first, so audio hidden there counts; the first chunk's size field is only the
 * declared length. A {@code data} chunk declaring more bytes than follow means a cut file.
 */
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
        long declared = -1;
        long measured = 0;
        boolean data = false;
        while (offset + 8 <= b.length) {
            long size = u32le(b, offset + 4);
            int body = offset + 8;
            long available = b.length - body;
            if (ascii(b, offset, "fmt ") && byteRate < 0) {
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
                if (size == STREAMING_SIZE || (size == 0 && !data)) {
                    // written by a streaming recorder that never patched the header: the rest of the file is audio
                    measured += available;
                    data = true;
                    break;
                }
                if (size > available) {
                    throw truncated(FORMAT, "data chunk shorter than its header says");
                }
                if (!data) {
                    declared = size;
                }
                measured += size;
                data = true;
            }
            long next = body + size + (size & 1);
            if (next > b.length) {
                if (next == b.length + 1L && size <= available) {
                    break; // the pad byte after an odd-sized last chunk is missing: nothing lost
                }
                throw truncated(FORMAT, "chunk runs past the end");
            }
            offset = (int) next;
        }
        if (!data) {
            throw truncated(FORMAT, "no data chunk");
        }
        double declaredSeconds = declared < 0 ? Double.NaN : declared / (double) byteRate;
        return new Probe(FORMAT, measured / (double) byteRate, declaredSeconds);
    }
}
