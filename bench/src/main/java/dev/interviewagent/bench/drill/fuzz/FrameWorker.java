package dev.interviewagent.bench.drill.fuzz;

import static dev.interviewagent.bench.drill.fuzz.HostileFrames.frame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One fuzzing client of the WebSocket sample: sends its share of hostile frames, deterministic by seed, each
 * followed by what docs/protocol.md promises for it (an error of the documented code with the right {@code replyTo},
 * the documented reply, silence, or a close), and counts every miss in the {@link Tally}.
 *
 * <p>It works in batches of a few cases per connection, each connection from a client address of its own (the
 * drill's server trusts {@code X-Forwarded-For}), so the documented rate limits (10 frames/s, burst 20) are never
 * the answer to a case — except in the flood case, which checks them. A batch is either detached (no interview:
 * interview-scoped frames must get {@code unauthorized}, forged resumes too) or attached to one of the fuzzer's own
 * interviews (hostile answers, replays, out-of-order and malformed recordings). Each batch that did not end in a
 * close ends with a {@code ping}: the connection must still answer.
 */
final class FrameWorker {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long REPLY_MS = 15_000;
    private static final int CASES_PER_CONNECTION = 4;

    /** One of the fuzzer's own interviews. */
    private record Own(String id, String token) {
    }

    /** The last answer this worker had acknowledged, for replays. */
    private record Answered(String id, String text, int turn, String interviewId) {
    }

    private final int worker;
    private final URI uri;
    private final Random random;
    private final HostileFrames frames;
    private final Tally tally;
    private final Supplier<List<String>> victims;
    private final List<Own> own = new ArrayList<>();
    private int connections;
    private @Nullable RawWebSocket ws;
    private @Nullable Own attachedTo;
    private @Nullable Answered lastAnswered;
    private boolean ended;

    FrameWorker(int worker, URI uri, long seed, Tally tally, Supplier<List<String>> victims) {
        this.worker = worker;
        this.uri = uri;
        this.random = new Random(seed);
        this.frames = new HostileFrames(worker, random);
        this.tally = tally;
        this.victims = victims;
    }

    /** Runs {@code cases} cases; {@code huge} of them (at most) are 10 MB frames. */
    void run(int cases, int huge) {
        int done = 0;
        while (done < cases) {
            boolean attached = random.nextInt(100) < 55;
            int batch = Math.min(CASES_PER_CONNECTION, cases - done);
            try {
                open(attached);
                for (int i = 0; i < batch; i++) {
                    boolean closes = huge > 0 ? hugeFrame() : (attached ? attachedCase() : detachedCase());
                    huge = Math.max(0, huge - 1);
                    done++;
                    if (closes) {
                        break;
                    }
                }
                if (ws != null) {
                    expectPong("the connection answers after the batch");
                }
            } catch (IOException e) {
                tally.problem("worker " + worker + ": connection failed: " + e);
                done++;
            } finally {
                closeConnection();
            }
        }
        closeConnection();
    }

    // ------------------------------------------------------------------------------------------ connections

    private void open(boolean attached) throws IOException {
        connections++;
        String address = "172." + (16 + worker % 16) + "." + (connections >> 8 & 255) + "." + (connections & 255);
        ws = RawWebSocket.connect(uri, address, random);
        tally.count("connections");
        attachedTo = null;
        if (!attached) {
            return;
        }
        Own target = own.isEmpty() || ended || random.nextInt(4) == 0 ? null : own.get(random.nextInt(own.size()));
        if (target == null) {
            String id = frames.nextId("s");
            send(frame("start").put("clientMessageId", id).put("language", random.nextBoolean() ? "en" : "ru"));
            JsonNode session = await("session", id, "start");
            if (session == null) {
                throw new IOException("no session for a start");
            }
            target = new Own(session.path("interviewId").asText(), session.path("token").asText());
            own.add(target);
            ended = false;
            lastAnswered = null;
        } else {
            send(frame("resume").put("interviewId", target.id()).put("token", target.token()));
            if (await("session", null, "resume") == null) {
                throw new IOException("no session for a resume of its own interview");
            }
        }
        JsonNode first = awaitAny(List.of("question", "completed"), null, "first question");
        if (first != null && first.path("type").asText().equals("completed")) {
            own.remove(target);            // it ended earlier: this batch starts another one next time
            ended = true;
        }
        attachedTo = target;
    }

    private void closeConnection() {
        if (ws != null) {
            ws.close();
            ws = null;
        }
    }

    // ------------------------------------------------------------------------------------------ cases

    /** 10 MB of JSON in one text frame: {@code too_large}, and the connection stays. */
    private boolean hugeFrame() throws IOException {
        tally.input("ws", "10 MB text frame");
        StringBuilder text = new StringBuilder(10 << 20).append("{\"type\":\"answer\",\"clientMessageId\":\"")
                .append(frames.nextId("h")).append("\",\"text\":\"");
        while (text.length() < (10 << 20)) {
            text.append("0123456789abcdef");
        }
        send(text.append("\"}").toString());
        expectError("too_large", null, "10 MB frame");
        return false;
    }

    /** A case for a connection without an interview; true when it closed the connection. */
    private boolean detachedCase() throws IOException {
        int pick = random.nextInt(100);
        if (pick < 45) {
            return neutralCase();
        }
        if (pick < 62) {
            String type = pick(List.of("answer", "complete", "report", "status", "confirm", "history", "speak"));
            tally.input("ws", "interview frame without an interview");
            String id = frames.nextId("u");
            ObjectNode f = frame(type).put("clientMessageId", id);
            switch (type) {
                case "answer" -> f.put("text", HostileText.answer(random));
                case "confirm" -> f.put("action", "transcript:confirm");
                case "speak" -> f.put("turn", 1 + random.nextInt(5));
                default -> { }
            }
            send(f);
            expectError("unauthorized", id, type + " before start");
        } else if (pick < 80) {
            forgedResume();
        } else if (pick < 86) {
            tally.input("ws", "audio announced without an interview");
            String id = frames.nextId("au");
            send(frame("audio").put("clientMessageId", id).put("format", "webm").put("size", 64));
            expectError("unauthorized", id, "audio before start");
            sendBinary(frames.randomBytes(64));      // its recording: dropped quietly, the refusal was the answer
            expectPong("a refused announcement's recording is dropped without another error");
        } else if (pick < 93) {
            tally.input("ws", "export/delete of nothing");
            String id = frames.nextId("x");
            if (random.nextBoolean()) {
                send(frame("export").put("clientMessageId", id));
                expectError("unauthorized", id, "export with nothing attached");
            } else {
                send(frame("delete").put("clientMessageId", id).put("confirm", true));
                expectError("unauthorized", id, "delete with nothing attached");
            }
        } else {
            // a browser key of nobody's: reaches no interview (0 deleted), touches none of the others'
            tally.input("ws", "delete with a stranger's key");
            String id = frames.nextId("x");
            send(frame("delete").put("clientMessageId", id).put("confirm", true).put("clientKey", frames.clientKey()));
            JsonNode deleted = awaitAny(List.of("deleted", "error"), id, "delete with a stranger's key");
            if (deleted != null && !(deleted.path("type").asText().equals("deleted")
                    && deleted.path("interviews").asInt(-1) == 0)) {
                tally.problem("delete with an unknown clientKey answered " + brief(deleted));
            } else if (deleted != null) {
                tally.met();
            }
        }
        return false;
    }

    /** Resumes with other interviews' ids and tokens: always {@code unauthorized}, never a session. */
    private void forgedResume() throws IOException {
        List<String> victimIds = victims.get();
        String id;
        String token;
        String kind;
        int pick = random.nextInt(5);
        if (pick < 2 && !victimIds.isEmpty()) {
            id = victimIds.get(random.nextInt(victimIds.size()));
            token = own.isEmpty() ? frames.randomToken() : own.get(random.nextInt(own.size())).token();
            kind = "resume of another respondent's interview";
            tally.count("victim resumes");
        } else if (pick < 3 && own.size() >= 2) {
            Own a = own.get(random.nextInt(own.size()));
            Own b = own.get(random.nextInt(own.size()));
            if (a == b) {
                b = own.get((own.indexOf(a) + 1) % own.size());
            }
            id = a.id();
            token = b.token();
            kind = "resume with another interview's token";
        } else if (pick < 4) {
            id = own.isEmpty() ? "nobody-" + random.nextInt(1000) : own.get(random.nextInt(own.size())).id();
            token = frames.randomToken();
            kind = "resume with a guessed token";
        } else {
            id = pick(List.of("../../etc/passwd", "a b", "ü", "%00", "'; --", "*"));
            token = frames.randomToken();
            kind = "resume of an impossible id";
        }
        tally.input("ws", kind);
        send(frame("resume").put("interviewId", id).put("token", token));
        expectError("unauthorized", null, kind);
    }

    /** A case for a connection attached to one of the fuzzer's interviews; true when it closed the connection. */
    private boolean attachedCase() throws IOException {
        if (ended || attachedTo == null) {
            return neutralCase();
        }
        int pick = random.nextInt(100);
        if (pick < 30) {
            hostileAnswer();
        } else if (pick < 38) {
            replay();
        } else if (pick < 46) {
            tally.input("ws", "answer too long");
            String id = frames.nextId("l");
            send(frame("answer").put("clientMessageId", id).put("text", "x".repeat(20_001 + random.nextInt(20_000))));
            expectError("too_large", id, "answer over 20,000 characters");
        } else if (pick < 52) {
            tally.input("ws", "empty answer");
            String id = frames.nextId("e");
            send(frame("answer").put("clientMessageId", id).put("text", pick(List.of("", " ", "\n\t "))));
            expectError("bad_request", id, "empty answer");
        } else if (pick < 62) {
            illTypedAttached();
        } else if (pick < 72) {
            garbageRecording();
        } else if (pick < 76) {
            tally.input("ws", "two recordings after one announcement");
            String id = frames.nextId("a2");
            byte[] bytes = frames.randomBytes(200 + random.nextInt(2000));
            send(frame("audio").put("clientMessageId", id).put("format", "ogg").put("size", bytes.length));
            sendBinary(bytes);
            expectError("unsupported_audio", id, "garbage recording");
            sendBinary(frames.randomBytes(100));
            expectError("bad_request", null, "a recording nobody announced");
        } else if (pick < 82) {
            tally.input("ws", "confirm with nothing to confirm");
            String id = frames.nextId("cf");
            send(frame("confirm").put("clientMessageId", id).put("action", pick(List.of("transcript:confirm",
                    "transcript:retry", "transcript:type"))));
            JsonNode reply = awaitAny(List.of("notice", "error"), id, "confirm with nothing to confirm");
            if (reply != null && reply.path("type").asText().equals("error")) {
                tally.problem("confirm with nothing to confirm got error " + reply.path("code").asText());
            } else if (reply != null) {
                tally.met();
            }
        } else if (pick < 90) {
            tally.input("ws", "asking for report, status, history while hostile");
            String id = frames.nextId("r");
            String type = pick(List.of("report", "status", "history"));
            send(frame(type).put("clientMessageId", id));
            awaitReply(type, id, type);
        } else if (pick < 93) {
            tally.input("ws", "flood of frames");
            for (int i = 0; i < 40; i++) {
                send("{\"type\":\"ping\"}");
            }
            long limited = floodReplies(40);
            if (limited == 0) {
                tally.problem("40 frames at once on one connection: no rate_limited");
            } else {
                tally.met();
            }
            closeConnection();
            return true;                      // this connection's tokens are spent: the batch ends here
        } else if (pick < 94) {
            surrogateAnswer();
        } else if (pick < 95) {
            // out of order: a forged resume on an attached connection detaches it (docs/protocol.md, Rules)
            tally.input("ws", "forged resume while attached, then an answer");
            Own other = own.get(random.nextInt(own.size()));
            send(frame("resume").put("interviewId", other.id()).put("token", frames.randomToken()));
            expectError("unauthorized", null, "forged resume while attached");
            String id = frames.nextId("det");
            send(frame("answer").put("clientMessageId", id).put("text", HostileText.answer(random)));
            expectError("unauthorized", id, "answer after a failed resume detached the connection");
            attachedTo = null;
        } else if (pick < 97) {
            return neutralCase();
        } else {
            tally.input("ws", "answer after the interview ended");
            String id = frames.nextId("c");
            send(frame("complete").put("clientMessageId", id));
            awaitReply("completed", null, "complete");
            String late = frames.nextId("late");
            send(frame("answer").put("clientMessageId", late).put("text", HostileText.answer(random)));
            expectError("bad_request", late, "answer after the end");
            own.remove(attachedTo);
            ended = true;
        }
        return false;
    }

    private void hostileAnswer() throws IOException {
        tally.input("ws", "hostile answer");
        String id = frames.nextId("a");
        String text = HostileText.answer(random);
        send(frame("answer").put("clientMessageId", id).put("text", text));
        JsonNode reply = awaitAny(List.of("question", "completed", "error"), id, "hostile answer");
        if (reply == null) {
            return;
        }
        if (reply.path("type").asText().equals("error")) {
            tally.problem("a hostile answer got error " + reply.path("code").asText());
            return;
        }
        tally.met();
        if (reply.path("type").asText().equals("completed")) {
            own.remove(attachedTo);
            ended = true;
            return;
        }
        lastAnswered = new Answered(id, text, reply.path("turn").asInt(), attachedTo.id());
    }

    /**
     * An answer whose JSON escapes lone UTF-16 surrogates and NUL (valid JSON, text no UTF-8 encoder can write as
     * it is): an answer like any other, stored and replied to.
     */
    private void surrogateAnswer() throws IOException {
        tally.input("ws", "answer with lone surrogates and NUL escaped");
        String id = frames.nextId("sg");
        send("{\"type\":\"answer\",\"clientMessageId\":\"" + id + "\",\"text\":\"" + HostileText.CANARY
                + " valve \\ud800 half \\udfff pair \\udfff\\ud800 nul \\u0000 end\"}");
        JsonNode reply = awaitAny(List.of("question", "completed", "error"), id, "answer with lone surrogates");
        if (reply != null && reply.path("type").asText().equals("error")) {
            tally.problem("an answer with lone surrogates escaped got error " + reply.path("code").asText() + " ("
                    + reply.path("message").asText() + ")");
        } else if (reply != null && reply.path("type").asText().equals("completed")) {
            own.remove(attachedTo);
            ended = true;
        } else if (reply != null) {
            tally.met();
        }
    }

    /** The same answer id again, with the same or other words: the same reply again, nothing changed. */
    private void replay() throws IOException {
        Answered last = lastAnswered;
        if (last == null || !last.interviewId().equals(attachedTo.id())) {
            hostileAnswer();
            return;
        }
        boolean otherWords = random.nextBoolean();
        tally.input("ws", otherWords ? "replayed id with other words" : "replayed answer");
        send(frame("answer").put("clientMessageId", last.id()).put("text", otherWords
                ? HostileText.answer(random) + " (changed)" : last.text()));
        JsonNode reply = awaitAny(List.of("question", "completed"), last.id(), "replayed answer");
        if (reply != null && reply.path("type").asText().equals("question")
                && reply.path("turn").asInt() != last.turn()) {
            tally.problem("a replayed answer " + last.id() + " got turn " + reply.path("turn").asInt()
                    + " instead of the first reply's " + last.turn());
        }
    }

    private void illTypedAttached() throws IOException {
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
                send(f);
                expectError("bad_request", id, kind);
                sendBinary(frames.randomBytes(64));    // its recording: dropped quietly, the refusal was the answer
                expectPong("a refused announcement's recording is dropped without another error");
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
        send(f);
        expectError("bad_request", id, kind);
    }

    /** Recordings that are not: random bytes, a size that lies, an unknown format, an oversized announcement. */
    private void garbageRecording() throws IOException {
        String id = frames.nextId("g");
        int pick = random.nextInt(4);
        String format = pick(List.of("webm", "ogg", "wav", "mp3", "m4a"));
        byte[] bytes = pick == 0 ? frames.fakeHeader(format, 400 + random.nextInt(4000))
                : frames.randomBytes(100 + random.nextInt(8000));
        switch (pick) {
            case 0, 1 -> {
                tally.input("ws", "announced garbage recording");
                send(frame("audio").put("clientMessageId", id).put("format", format).put("size", bytes.length));
                if (random.nextInt(3) == 0) {
                    // a frame between the announcement and its recording: handled, the announcement stays
                    send("{\"type\":\"ping\"}");
                    expectPong("a ping between an announcement and its recording");
                }
                sendBinary(bytes);
                expectError("unsupported_audio", id, "garbage recording");
            }
            case 2 -> {
                tally.input("ws", "recording shorter than announced");
                send(frame("audio").put("clientMessageId", id).put("format", format).put("size", bytes.length + 50));
                sendBinary(bytes);
                expectError("bad_request", id, "a recording shorter than its size");
            }
            default -> {
                boolean huge = random.nextBoolean();
                tally.input("ws", huge ? "recording announced over 25 MiB" : "recording of an unknown format");
                send(frame("audio").put("clientMessageId", id).put("format", huge ? format
                        : pick(List.of("exe", "aiff", "WEBM/../x", "aac"))).put("size", huge ? 30_000_000 : 64));
                expectError(huge ? "too_large" : "unsupported_audio", id, "refused announcement");
                sendBinary(frames.randomBytes(64));
                expectPong("a refused announcement's recording is dropped without another error");
            }
        }
    }

    /** A case whose answer does not depend on an interview; true when it closed the connection. */
    private boolean neutralCase() throws IOException {
        int pick = random.nextInt(100);
        if (pick < 10) {
            tally.input("ws", "random text");
            send(frames.randomText(1 + random.nextInt(300)));
            expectError("bad_request", null, "random text");
        } else if (pick < 17) {
            tally.input("ws", "JSON that is not an object");
            send(pick(List.of("[]", "[1,2,3]", "\"answer\"", "42", "null", "true", "", " ", "[{\"type\":\"ping\"}]")));
            expectError("bad_request", null, "JSON not an object");
        } else if (pick < 29) {
            tally.input("ws", "truncated JSON");
            String whole = frames.validLooking().toString();
            send(whole.substring(0, 1 + random.nextInt(whole.length() - 1)));
            expectError("bad_request", null, "truncated JSON");
        } else if (pick < 36) {
            tally.input("ws", "deeply nested JSON");
            send(frames.nested(1_001 + random.nextInt(4_000)));
            expectError("bad_request", null, "deeply nested JSON");
        } else if (pick < 40) {
            tally.input("ws", "nested JSON within the depth limit");
            String id = frames.nextId("n");
            send("{\"type\":" + frames.nested(20 + random.nextInt(900)) + ",\"clientMessageId\":\"" + id + "\"}");
            expectError("bad_request", id, "nested type");
        } else if (pick < 50) {
            tally.input("ws", "type of a wrong type");
            String id = frames.nextId("w");
            ObjectNode f = JSON.createObjectNode().put("clientMessageId", id);
            frames.randomNonText(f, "type", true);
            send(f);
            expectError("bad_request", id, "ill-typed type");
        } else if (pick < 60) {
            tally.input("ws", "unknown type");
            String id = frames.nextId("k");
            String type = random.nextBoolean() ? frames.randomText(1 + random.nextInt(32)).strip()
                    : pick(List.of("START", "Answer", "answer ", "ping\u0000", "__proto__", "constructor", "admin",
                    "x".repeat(33), "qu\u0435stion", "\uD800"));
            if (HostileFrames.KNOWN_TYPES.contains(type) || type.isBlank()) {
                type = "zz" + type;
            }
            send(frame(type).put("clientMessageId", id));
            expectError("bad_request", id, "unknown type " + type);
        } else if (pick < 66) {
            tally.input("ws", "unreadable clientMessageId");
            String id = pick(List.of("bad\u0001id", "tab\tid", "nl\nid", "del\u007Fid"));
            send(frame("answer").put("clientMessageId", id).put("text", "x"));
            expectError("bad_request", id, "control characters in clientMessageId");
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
            send(f);
            expectError("bad_request", id, "invalid start field");
        } else if (pick < 77) {
            tally.input("ws", "unannounced binary");
            sendBinary(frames.randomBytes(1 + random.nextInt(5000)));
            expectError("bad_request", null, "unannounced binary");
        } else if (pick < 83) {
            tally.input("ws", "text frame over 64 KiB");
            String pad = "y".repeat(65_537 + random.nextInt(100_000));
            send("{\"type\":\"answer\",\"clientMessageId\":\"" + frames.nextId("big") + "\",\"text\":\"" + pad + "\"}");
            expectError("too_large", null, "frame over 64 KiB");
        } else if (pick < 88) {
            tally.input("ws", "unknown fields and info");
            boolean bad = random.nextBoolean();
            ObjectNode f = frame("info").put("language", bad ? pick(List.of("xx", "zz", "ru-RU-x")) : "ru");
            f.put("__proto__", "x").putObject("constructor").put("prototype", 1);
            send(f);
            if (bad) {
                expectError("bad_request", null, "info with an unknown language");
            } else {
                awaitReply("info", null, "info with unknown fields");
            }
        } else if (pick < 92) {
            tally.input("ws", "ping with a payload");
            ObjectNode f = frame("ping");
            f.put("clientMessageId", frames.nextId("p")).put("junk", frames.randomText(200));
            send(f);
            expectPong("ping with extra fields");
        } else {
            tally.input("ws", "invalid UTF-8 text frame");
            ws.send(RawWebSocket.TEXT, frames.invalidUtf8());
            expectClose("invalid UTF-8 in a text frame");
            return true;
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------ expectations

    private void expectError(String code, @Nullable String replyTo, String what) throws IOException {
        JsonNode reply = awaitAny(List.of("error"), replyTo, what);
        if (reply == null) {
            return;
        }
        if (!reply.path("code").asText().equals(code)) {
            tally.problem(what + ": expected " + code + ", got " + reply.path("code").asText() + " ("
                    + reply.path("message").asText() + ")");
        } else if (reply.path("message").asText().isBlank()) {
            tally.problem(what + ": error " + code + " without a message to show");
        } else {
            tally.met();
        }
    }

    private void awaitReply(String type, @Nullable String replyTo, String what) throws IOException {
        JsonNode reply = awaitAny(List.of(type, "error"), replyTo, what);
        if (reply != null && reply.path("type").asText().equals("error")) {
            tally.problem(what + ": expected " + type + ", got error " + reply.path("code").asText());
        } else if (reply != null) {
            tally.met();
        }
    }

    private @Nullable JsonNode await(String type, @Nullable String replyTo, String what) throws IOException {
        JsonNode reply = awaitAny(List.of(type, "error"), replyTo, what);
        if (reply != null && reply.path("type").asText().equals("error")) {
            tally.problem(what + ": expected " + type + ", got error " + reply.path("code").asText());
            return null;
        }
        return reply;
    }

    /**
     * The first frame of one of {@code types} that answers {@code replyTo} (any of them when null, but an error must
     * then have no {@code replyTo}); other frames are skipped. Null, with a problem counted, when none came in time
     * or the connection closed.
     */
    private @Nullable JsonNode awaitAny(List<String> types, @Nullable String replyTo, String what)
            throws IOException {
        long deadline = System.currentTimeMillis() + REPLY_MS;
        while (true) {
            long left = deadline - System.currentTimeMillis();
            RawWebSocket.Frame frame;
            try {
                frame = left <= 0 ? null : ws.next(left);
            } catch (RawWebSocket.Closed e) {
                tally.problem(what + ": the server closed the connection (" + e.code + ")");
                ws = null;
                throw new IOException("closed", e);
            }
            if (frame == null) {
                tally.problem(what + ": no " + types + (replyTo == null ? "" : " for " + replyTo) + " within "
                        + REPLY_MS / 1000 + " s");
                return null;
            }
            if (frame.opcode() != RawWebSocket.TEXT) {
                tally.problem(what + ": a binary frame from the server");
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(frame.text());
            } catch (IOException e) {
                tally.problem(what + ": the server sent a frame that is not JSON");
                continue;
            }
            String type = node.path("type").asText();
            if (type.equals("error")) {
                tally.error(node.path("code").asText());
            }
            if (!types.contains(type)) {
                continue;
            }
            String to = node.path("replyTo").isTextual() ? node.path("replyTo").asText() : null;
            boolean answers = type.equals("error") || type.equals("question") || type.equals("transcript")
                    || type.equals("export") || type.equals("deleted")
                    ? Objects.equals(to, replyTo) : true;
            if (answers) {
                return node;
            }
        }
    }

    private void expectPong(String what) throws IOException {
        send("{\"type\":\"ping\"}");
        if (awaitAny(List.of("pong"), null, what) != null) {
            tally.met();
        }
    }

    /** The server must close this connection (1007 for text that is not UTF-8, RFC 6455 §8.1). */
    private void expectClose(String what) {
        long deadline = System.currentTimeMillis() + REPLY_MS;
        try {
            while (System.currentTimeMillis() < deadline) {
                RawWebSocket.Frame frame = ws.next(deadline - System.currentTimeMillis());
                if (frame == null) {
                    break;
                }
            }
            tally.problem(what + ": the connection stayed open");
        } catch (RawWebSocket.Closed e) {
            tally.count("closed " + e.code);
            if (e.code == 1007) {
                tally.met();
            } else {
                tally.problem(what + ": closed with " + e.code + " instead of 1007");
            }
        } catch (IOException e) {
            tally.problem(what + ": " + e);
        }
        closeConnection();
    }

    /**
     * Reads the replies to {@code pings} pings sent at once (each a {@code pong} or an error); returns how many were
     * {@code rate_limited}. A ping that got neither within 15 s is a miss.
     */
    private long floodReplies(int pings) throws IOException {
        long deadline = System.currentTimeMillis() + REPLY_MS;
        long limited = 0;
        int replies = 0;
        while (replies < pings && System.currentTimeMillis() < deadline) {
            RawWebSocket.Frame frame = ws.next(deadline - System.currentTimeMillis());
            if (frame == null) {
                break;
            }
            JsonNode node = JSON.readTree(frame.text());
            String type = node.path("type").asText();
            if (type.equals("error")) {
                tally.error(node.path("code").asText());
                limited += node.path("code").asText().equals("rate_limited") ? 1 : 0;
                replies++;
            } else if (type.equals("pong")) {
                replies++;
            }
        }
        if (replies < pings) {
            tally.problem("a flood of " + pings + " pings: " + replies + " replies within " + REPLY_MS / 1000 + " s");
        }
        return limited;
    }

    // ------------------------------------------------------------------------------------------ generators

    private void send(ObjectNode frame) throws IOException {
        send(frame.toString());
    }

    private void send(String text) throws IOException {
        tally.count("frames");
        ws.sendText(text);
    }

    private void sendBinary(byte[] bytes) throws IOException {
        tally.count("frames");
        ws.send(RawWebSocket.BINARY, bytes);
    }

    private <T> T pick(List<T> choices) {
        return frames.pick(choices);
    }

    private static String brief(JsonNode node) {
        String s = node.toString();
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
