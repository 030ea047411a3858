package dev.interviewagent.bench.drill.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * The raw material of a {@link FrameWorker}'s hostile frames: ids, picks, non-text values, non-JSON text, deep
 * nesting, fake recordings and broken UTF-8. It draws from the worker's own {@link Random}, in the same order as
 * before, so a seed still gives the same cases.
 */
final class HostileFrames {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every frame type docs/protocol.md names. */
    static final List<String> KNOWN_TYPES = List.of("start", "resume", "answer", "audio", "complete",
            "report", "confirm", "status", "ping", "history", "speak", "info", "export", "delete");

    private final int worker;
    private final Random random;
    private int ids;

    HostileFrames(int worker, Random random) {
        this.worker = worker;
        this.random = random;
    }

    String nextId(String prefix) {
        return "fz-" + worker + "-" + prefix + "-" + (++ids);
    }

    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    static ObjectNode frame(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    /** A valid-looking frame of a known type, to be cut short. */
    ObjectNode validLooking() {
        return frame(pick(KNOWN_TYPES)).put("clientMessageId", nextId("v")).put("text", HostileText.answer(random))
                .put("format", "markdown");
    }

    /** A value of {@code field} that is not a string ({@code null} only when {@code nullToo}). */
    void randomNonText(ObjectNode f, String field, boolean nullToo) {
        switch (random.nextInt(nullToo ? 6 : 5)) {
            case 0 -> f.put(field, random.nextInt());
            case 1 -> f.put(field, random.nextBoolean());
            case 2 -> f.putArray(field).add("answer");
            case 3 -> f.putObject(field).put("text", "x");
            case 4 -> f.put(field, random.nextDouble());
            default -> f.putNull(field);
        }
    }

    /** Printable text that is not JSON (it never starts like JSON). */
    String randomText(int length) {
        StringBuilder s = new StringBuilder("~");
        for (int i = 1; i < length; i++) {
            int kind = random.nextInt(10);
            s.append(kind < 6 ? (char) (0x20 + random.nextInt(0x5f))
                    : kind < 8 ? (char) (0x400 + random.nextInt(0x60)) : (char) (0x4e00 + random.nextInt(0x100)));
        }
        return s.toString();
    }

    String nested(int depth) {
        boolean arrays = random.nextBoolean();
        StringBuilder s = new StringBuilder(depth * 6);
        for (int i = 0; i < depth; i++) {
            s.append(arrays ? "[" : "{\"a\":");
        }
        s.append("1");
        for (int i = 0; i < depth; i++) {
            s.append(arrays ? "]" : "}");
        }
        return s.toString();
    }

    byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Bytes that begin like a recording of {@code format} (its magic number) and are garbage after. */
    byte[] fakeHeader(String format, int n) {
        byte[] bytes = randomBytes(n);
        byte[] magic = switch (format) {
            case "webm" -> new byte[] {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3};
            case "ogg" -> "OggS".getBytes(StandardCharsets.US_ASCII);
            case "wav" -> "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII);
            case "mp3" -> "ID3".getBytes(StandardCharsets.US_ASCII);
            default -> new byte[] {0, 0, 0, 0x20, 'f', 't', 'y', 'p'};
        };
        System.arraycopy(magic, 0, bytes, 0, Math.min(magic.length, n));
        return bytes;
    }

    /** JSON-looking text with a byte sequence that is not UTF-8 somewhere in it. */
    byte[] invalidUtf8() {
        byte[][] bad = {{(byte) 0xc3, 0x28}, {(byte) 0xff}, {(byte) 0x80}, {(byte) 0xc0, (byte) 0xaf},
                {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80},
                {(byte) 0xe2, (byte) 0x82}};
        byte[] head = "{\"type\":\"answer\",\"clientMessageId\":\"u8\",\"text\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] middle = bad[random.nextInt(bad.length)];
        byte[] tail = "\"}".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + middle.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(middle, 0, all, head.length, middle.length);
        System.arraycopy(tail, 0, all, head.length + middle.length, tail.length);
        return all;
    }

    String clientKey() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(24));
    }

    String randomToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }
}
