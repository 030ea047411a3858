package dev.interviewagent.voice.internal.audio;

/**
 * The AAC AudioSpecificConfig (ISO 14496-3 §1.6.2.1), as far as the frame length and the core sample rate: an AAC
 * frame always decodes to 1024 (or 960) samples at the core rate, whatever a container's time stamps claim; with
 * SBR the output rate doubles and so does the sample count, so the time per frame is the same.
 */
final class AacConfig {

    private static final int[] RATES = {96_000, 88_200, 64_000, 48_000, 44_100, 32_000, 24_000, 22_050, 16_000,
        12_000, 11_025, 8_000, 7_350};

    private AacConfig() {
    }

    /** {frame length, core sample rate} from the config in {@code [from, to)}, or null when it is not plain AAC. */
    static int[] frame(byte[] b, int from, int to) {
        Bits bits = new Bits(b, from, to);
        int objectType = objectType(bits);
        int rate = rate(bits);
        bits.read(4); // channel configuration
        if (objectType == 5 || objectType == 29) { // explicit SBR / PS: the extension rate, then the core type
            rate(bits);
            objectType = objectType(bits);
        }
        boolean generalAudio = switch (objectType) {
            case 1, 2, 3, 4, 6, 7, 17, 19, 20, 21, 22 -> true;
            default -> false;
        };
        if (!generalAudio || rate <= 0 || bits.overrun()) {
            return null;
        }
        int frameLength = bits.read(1) == 1 ? 960 : 1024;
        return bits.overrun() ? null : new int[] {frameLength, rate};
    }

    private static int objectType(Bits bits) {
        int type = bits.read(5);
        return type == 31 ? 32 + bits.read(6) : type;
    }

    private static int rate(Bits bits) {
        int index = bits.read(4);
        if (index == 15) {
            return bits.read(24);
        }
        return index < RATES.length ? RATES[index] : -1;
    }

    /** Most-significant-bit-first reader that reports reading past its end instead of throwing. */
    private static final class Bits {
        private final byte[] b;
        private final long end;
        private long position;

        Bits(byte[] b, int from, int to) {
            this.b = b;
            this.position = (long) from * 8;
            this.end = (long) to * 8;
        }

        int read(int count) {
            int value = 0;
            for (int i = 0; i < count; i++, position++) {
                int bit = position < end ? (b[(int) (position / 8)] >>> (7 - (int) (position % 8))) & 1 : 0;
                value = (value << 1) | bit;
            }
            return value;
        }

        boolean overrun() {
            return position > end;
        }
    }
}
