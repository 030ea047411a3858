package dev.interviewagent.bench.drill.fuzz;

import static dev.interviewagent.bench.drill.fuzz.HostileFrames.frame;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Random;

/**
 * The fuzzing cases whose documented answer depends on no interview: frames that are not JSON objects, ill-typed or
 * unknown fields and types, oversized, nested or truncated frames, and recordings that are not recordings. Each
 * sends its frames on the connection given and checks the answer there.
 */
final class MalformedFrameCases {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HostileFrames frames;
    private final Random random;
    private final Tally tally;

    MalformedFrameCases(HostileFrames frames, Random random, Tally tally) {
        this.frames = frames;
        this.random = random;
        this.tally = tally;
    }

    /** An ill-typed or out-of-range field of an interview frame: {@code bad_request}. */
    void illTyped(FuzzConnection conn) throws IOException {
        String id = frames.nextId("t");
        int pick = random.nextInt(6);
        ObjectNode f;
        String kind;
        switch (pick) {
            case 0 -> {
                f = frame("answer").put("clientMessageId", id);
                frames.randomNonText(f, "text", true);
                kind = "answer text of a wrong type";
            }
            case 1 -> {
                f = frame("report").put("clientMessageId", id);
                if (random.nextBoolean()) {
                    f.put("format", pick(List.of("pdf", "html", "JSON ", "")));
                } else {
                    frames.randomNonText(f, "format", false);
                }
                kind = "report format unknown or ill-typed";
            }
            case 2 -> {
                f = frame("history").put("clientMessageId", id);
                switch (random.nextInt(7)) {
                    case 0 -> f.put("limit", 0);
                    case 1 -> f.put("limit", 201 + random.nextInt(100_000));
                    case 2 -> f.put("limit", "ten");
                    case 3 -> f.put("limit", 1.5);
                    case 4 -> f.put("before", 1e300);
                    case 5 -> f.put("before", Long.MAX_VALUE);
                    default -> f.put("before", -1 - random.nextInt(5));
                }
                kind = "history out of range";
            }
            case 3 -> {
                f = frame("speak").put("clientMessageId", id);
                if (random.nextBoolean()) {
                    f.put("turn", "one");
                } else {
                    f.put("turn", 1);             // this server has no text-to-speech: bad_request too
                }
                kind = "speak without speech or with a bad turn";
            }
            case 4 -> {
                f = frame("audio").put("clientMessageId", id).put("format", "webm");
                f.put("size", pick(List.of(-1, 0)));
                kind = "audio size not positive";
                tally.input("ws", kind);
                conn.send(f);
                conn.expectError("bad_request", id, kind);
                // its recording: dropped quietly, the refusal was the answer
                conn.sendBinary(frames.randomBytes(64));
                conn.expectPong("a refused announcement's recording is dropped without another error");
                return;
            }
            default -> {
                f = frame("complete");
                frames.randomNonText(f, "clientMessageId", true);
                id = null;
                kind = "complete without a readable id";
            }
        }
        tally.input("ws", kind);
        conn.send(f);
        conn.expectError("bad_request", id, kind);
    }

    /** Recordings that are not: random bytes, a size that lies, an unknown format, an oversized announcement. */
    void garbageRecording(FuzzConnection conn) throws IOException {
        String id = frames.nextId("g");
        int pick = random.nextInt(4);
        String format = pick(List.of("webm", "ogg", "wav", "mp3", "m4a"));
        byte[] bytes = pick == 0 ? frames.fakeHeader(format, 400 + random.nextInt(4000))
                : frames.randomBytes(100 + random.nextInt(8000));
        switch (pick) {
            case 0, 1 -> {
                tally.input("ws", "announced garbage recording");
                conn.send(frame("audio").put("clientMessageId", id).put("format", format).put("size", bytes.length));
                if (random.nextInt(3) == 0) {
                    // a frame between the announcement and its recording: handled, the announcement stays
                    conn.send("{\"type\":\"ping\"}");
                    conn.expectPong("a ping between an announcement and its recording");
                }
                conn.sendBinary(bytes);
                conn.expectError("unsupported_audio", id, "garbage recording");
            }
            case 2 -> {
                tally.input("ws", "recording shorter than announced");
                conn.send(frame("audio").put("clientMessageId", id).put("format", format)
                        .put("size", bytes.length + 50));
                conn.sendBinary(bytes);
                conn.expectError("bad_request", id, "a recording shorter than its size");
            }
            default -> {
                boolean huge = random.nextBoolean();
                tally.input("ws", huge ? "recording announced over 25 MiB" : "recording of an unknown format");
                conn.send(frame("audio").put("clientMessageId", id).put("format", huge ? format
                        : pick(List.of("exe", "aiff", "WEBM/../x", "aac"))).put("size", huge ? 30_000_000 : 64));
                conn.expectError(huge ? "too_large" : "unsupported_audio", id, "refused announcement");
                conn.sendBinary(frames.randomBytes(64));
                conn.expectPong("a refused announcement's recording is dropped without another error");
            }
        }
    }

    /** A case whose answer does not depend on an interview; true when it closed the connection. */
    boolean neutralCase(FuzzConnection conn) throws IOException {
        int pick = random.nextInt(100);
        if (pick < 10) {
            tally.input("ws", "random text");
            conn.send(frames.randomText(1 + random.nextInt(300)));
            conn.expectError("bad_request", null, "random text");
        } else if (pick < 17) {
            tally.input("ws", "JSON that is not an object");
            conn.send(pick(List.of("[]", "[1,2,3]", "\"answer\"", "42", "null", "true", "", " ",
                    "[{\"type\":\"ping\"}]")));
            conn.expectError("bad_request", null, "JSON not an object");
        } else if (pick < 29) {
            tally.input("ws", "truncated JSON");
            String whole = frames.validLooking().toString();
            conn.send(whole.substring(0, 1 + random.nextInt(whole.length() - 1)));
            conn.expectError("bad_request", null, "truncated JSON");
        } else if (pick < 36) {
            tally.input("ws", "deeply nested JSON");
            conn.send(frames.nested(1_001 + random.nextInt(4_000)));
            conn.expectError("bad_request", null, "deeply nested JSON");
        } else if (pick < 40) {
            tally.input("ws", "nested JSON within the depth limit");
            String id = frames.nextId("n");
            conn.send("{\"type\":" + frames.nested(20 + random.nextInt(900)) + ",\"clientMessageId\":\"" + id + "\"}");
            conn.expectError("bad_request", id, "nested type");
        } else if (pick < 50) {
            tally.input("ws", "type of a wrong type");
            String id = frames.nextId("w");
            ObjectNode f = JSON.createObjectNode().put("clientMessageId", id);
            frames.randomNonText(f, "type", true);
            conn.send(f);
            conn.expectError("bad_request", id, "ill-typed type");
        } else if (pick < 60) {
            tally.input("ws", "unknown type");
            String id = frames.nextId("k");
            String type = random.nextBoolean() ? frames.randomText(1 + random.nextInt(32)).strip()
                    : pick(List.of("START", "Answer", "answer ", "ping\u0000", "__proto__", "constructor", "admin",
                    "x".repeat(33), "qu\u0435stion", "\uD800"));
            if (HostileFrames.KNOWN_TYPES.contains(type) || type.isBlank()) {
                type = "zz" + type;
            }
            conn.send(frame(type).put("clientMessageId", id));
            conn.expectError("bad_request", id, "unknown type " + type);
        } else if (pick < 66) {
            tally.input("ws", "unreadable clientMessageId");
            String id = pick(List.of("bad\u0001id", "tab\tid", "nl\nid", "del\u007Fid"));
            conn.send(frame("answer").put("clientMessageId", id).put("text", "x"));
            conn.expectError("bad_request", id, "control characters in clientMessageId");
        } else if (pick < 71) {
            tally.input("ws", "invalid start fields");
            String id = frames.nextId("bs");
            ObjectNode f = frame("start").put("clientMessageId", id);
            switch (random.nextInt(7)) {
                case 0 -> f.put("language", pick(List.of("xx", "english", "EN-us", "")));
                case 1 -> f.put("style", pick(List.of("evil", "../master", "master; drop")));
                case 2 -> f.put("profile", "a string");
                case 3 -> f.putObject("profile").put("years_experience", pick(List.of(-1, 81, 999)));
                case 4 -> f.put("clientKey", pick(List.of("short", "has spaces in it and is long enough",
                        "é".repeat(30))));
                case 5 -> f.put("consent", pick(List.of("yes", "true", "1")));
                default -> f.putObject("profile").put("expert_name", "n".repeat(201));
            }
            conn.send(f);
            conn.expectError("bad_request", id, "invalid start field");
        } else if (pick < 77) {
            tally.input("ws", "unannounced binary");
            conn.sendBinary(frames.randomBytes(1 + random.nextInt(5000)));
            conn.expectError("bad_request", null, "unannounced binary");
        } else if (pick < 83) {
            tally.input("ws", "text frame over 64 KiB");
            String pad = "y".repeat(65_537 + random.nextInt(100_000));
            conn.send("{\"type\":\"answer\",\"clientMessageId\":\"" + frames.nextId("big") + "\",\"text\":\"" + pad
                    + "\"}");
            conn.expectError("too_large", null, "frame over 64 KiB");
        } else if (pick < 88) {
            tally.input("ws", "unknown fields and info");
            boolean bad = random.nextBoolean();
            ObjectNode f = frame("info").put("language", bad ? pick(List.of("xx", "zz", "ru-RU-x")) : "ru");
            f.put("__proto__", "x").putObject("constructor").put("prototype", 1);
            conn.send(f);
            if (bad) {
                conn.expectError("bad_request", null, "info with an unknown language");
            } else {
                conn.awaitReply("info", null, "info with unknown fields");
            }
        } else if (pick < 92) {
            tally.input("ws", "ping with a payload");
            ObjectNode f = frame("ping");
            f.put("clientMessageId", frames.nextId("p")).put("junk", frames.randomText(200));
            conn.send(f);
            conn.expectPong("ping with extra fields");
        } else {
            tally.input("ws", "invalid UTF-8 text frame");
            conn.sendRawText(frames.invalidUtf8());
            conn.expectClose("invalid UTF-8 in a text frame");
            return true;
        }
        return false;
    }

    private <T> T pick(List<T> choices) {
        return frames.pick(choices);
    }
}
