package dev.interviewagent.bench.drill.fuzz;

import static dev.interviewagent.bench.drill.fuzz.HostileFrames.frame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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
    private final MalformedFrameCases malformed;
    private final Tally tally;
    private final Supplier<List<String>> victims;
    private final List<Own> own = new ArrayList<>();
    private int connections;
    private @Nullable FuzzConnection conn;
    private @Nullable Own attachedTo;
    private @Nullable Answered lastAnswered;
    private boolean ended;

    FrameWorker(int worker, URI uri, long seed, Tally tally, Supplier<List<String>> victims) {
        this.worker = worker;
        this.uri = uri;
        this.random = new Random(seed);
        this.frames = new HostileFrames(worker, random);
        this.malformed = new MalformedFrameCases(frames, random, tally);
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
                if (conn != null && conn.isOpen()) {
                    conn.expectPong("the connection answers after the batch");
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
        conn = new FuzzConnection(RawWebSocket.connect(uri, address, random), tally);
        tally.count("connections");
        attachedTo = null;
        if (!attached) {
            return;
        }
        Own target = own.isEmpty() || ended || random.nextInt(4) == 0 ? null : own.get(random.nextInt(own.size()));
        if (target == null) {
            String id = frames.nextId("s");
            conn.send(frame("start").put("clientMessageId", id).put("language", random.nextBoolean() ? "en" : "ru"));
            JsonNode session = conn.await("session", id, "start");
            if (session == null) {
                throw new IOException("no session for a start");
            }
            target = new Own(session.path("interviewId").asText(), session.path("token").asText());
            own.add(target);
            ended = false;
            lastAnswered = null;
        } else {
            conn.send(frame("resume").put("interviewId", target.id()).put("token", target.token()));
            if (conn.await("session", null, "resume") == null) {
                throw new IOException("no session for a resume of its own interview");
            }
        }
        JsonNode first = conn.awaitAny(List.of("question", "completed"), null, "first question");
        if (first != null && first.path("type").asText().equals("completed")) {
            own.remove(target);            // it ended earlier: this batch starts another one next time
            ended = true;
        }
        attachedTo = target;
    }

    private void closeConnection() {
        if (conn != null) {
            conn.close();
            conn = null;
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
        conn.send(text.append("\"}").toString());
        conn.expectError("too_large", null, "10 MB frame");
        return false;
    }

    /** A case for a connection without an interview; true when it closed the connection. */
    private boolean detachedCase() throws IOException {
        int pick = random.nextInt(100);
        if (pick < 45) {
            return malformed.neutralCase(conn);
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
            conn.send(f);
            conn.expectError("unauthorized", id, type + " before start");
        } else if (pick < 80) {
            forgedResume();
        } else if (pick < 86) {
            tally.input("ws", "audio announced without an interview");
            String id = frames.nextId("au");
            conn.send(frame("audio").put("clientMessageId", id).put("format", "webm").put("size", 64));
            conn.expectError("unauthorized", id, "audio before start");
            conn.sendBinary(frames.randomBytes(64));      // its recording: dropped quietly, the refusal was the answer
            conn.expectPong("a refused announcement's recording is dropped without another error");
        } else if (pick < 93) {
            tally.input("ws", "export/delete of nothing");
            String id = frames.nextId("x");
            if (random.nextBoolean()) {
                conn.send(frame("export").put("clientMessageId", id));
                conn.expectError("unauthorized", id, "export with nothing attached");
            } else {
                conn.send(frame("delete").put("clientMessageId", id).put("confirm", true));
                conn.expectError("unauthorized", id, "delete with nothing attached");
            }
        } else {
            // a browser key of nobody's: reaches no interview (0 deleted), touches none of the others'
            tally.input("ws", "delete with a stranger's key");
            String id = frames.nextId("x");
            conn.send(frame("delete").put("clientMessageId", id).put("confirm", true)
                    .put("clientKey", frames.clientKey()));
            JsonNode deleted = conn.awaitAny(List.of("deleted", "error"), id, "delete with a stranger's key");
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
        conn.send(frame("resume").put("interviewId", id).put("token", token));
        conn.expectError("unauthorized", null, kind);
    }

    /** A case for a connection attached to one of the fuzzer's interviews; true when it closed the connection. */
    private boolean attachedCase() throws IOException {
        if (ended || attachedTo == null) {
            return malformed.neutralCase(conn);
        }
        int pick = random.nextInt(100);
        if (pick < 30) {
            hostileAnswer();
        } else if (pick < 38) {
            replay();
        } else if (pick < 46) {
            tally.input("ws", "answer too long");
            String id = frames.nextId("l");
            conn.send(frame("answer").put("clientMessageId", id)
                    .put("text", "x".repeat(20_001 + random.nextInt(20_000))));
            conn.expectError("too_large", id, "answer over 20,000 characters");
        } else if (pick < 52) {
            tally.input("ws", "empty answer");
            String id = frames.nextId("e");
            conn.send(frame("answer").put("clientMessageId", id).put("text", pick(List.of("", " ", "\n\t "))));
            conn.expectError("bad_request", id, "empty answer");
        } else if (pick < 62) {
            malformed.illTyped(conn);
        } else if (pick < 72) {
            malformed.garbageRecording(conn);
        } else if (pick < 76) {
            tally.input("ws", "two recordings after one announcement");
            String id = frames.nextId("a2");
            byte[] bytes = frames.randomBytes(200 + random.nextInt(2000));
            conn.send(frame("audio").put("clientMessageId", id).put("format", "ogg").put("size", bytes.length));
            conn.sendBinary(bytes);
            conn.expectError("unsupported_audio", id, "garbage recording");
            conn.sendBinary(frames.randomBytes(100));
            conn.expectError("bad_request", null, "a recording nobody announced");
        } else if (pick < 82) {
            tally.input("ws", "confirm with nothing to confirm");
            String id = frames.nextId("cf");
            conn.send(frame("confirm").put("clientMessageId", id).put("action", pick(List.of("transcript:confirm",
                    "transcript:retry", "transcript:type"))));
            JsonNode reply = conn.awaitAny(List.of("notice", "error"), id, "confirm with nothing to confirm");
            if (reply != null && reply.path("type").asText().equals("error")) {
                tally.problem("confirm with nothing to confirm got error " + reply.path("code").asText());
            } else if (reply != null) {
                tally.met();
            }
        } else if (pick < 90) {
            tally.input("ws", "asking for report, status, history while hostile");
            String id = frames.nextId("r");
            String type = pick(List.of("report", "status", "history"));
            conn.send(frame(type).put("clientMessageId", id));
            conn.awaitReply(type, id, type);
        } else if (pick < 93) {
            tally.input("ws", "flood of frames");
            for (int i = 0; i < 40; i++) {
                conn.send("{\"type\":\"ping\"}");
            }
            long limited = conn.floodReplies(40);
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
            conn.send(frame("resume").put("interviewId", other.id()).put("token", frames.randomToken()));
            conn.expectError("unauthorized", null, "forged resume while attached");
            String id = frames.nextId("det");
            conn.send(frame("answer").put("clientMessageId", id).put("text", HostileText.answer(random)));
            conn.expectError("unauthorized", id, "answer after a failed resume detached the connection");
            attachedTo = null;
        } else if (pick < 97) {
            return malformed.neutralCase(conn);
        } else {
            tally.input("ws", "answer after the interview ended");
            String id = frames.nextId("c");
            conn.send(frame("complete").put("clientMessageId", id));
            conn.awaitReply("completed", null, "complete");
            String late = frames.nextId("late");
            conn.send(frame("answer").put("clientMessageId", late).put("text", HostileText.answer(random)));
            conn.expectError("bad_request", late, "answer after the end");
            own.remove(attachedTo);
            ended = true;
        }
        return false;
    }

    private void hostileAnswer() throws IOException {
        tally.input("ws", "hostile answer");
        String id = frames.nextId("a");
        String text = HostileText.answer(random);
        conn.send(frame("answer").put("clientMessageId", id).put("text", text));
        JsonNode reply = conn.awaitAny(List.of("question", "completed", "error"), id, "hostile answer");
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
        conn.send("{\"type\":\"answer\",\"clientMessageId\":\"" + id + "\",\"text\":\"" + HostileText.CANARY
                + " valve \\ud800 half \\udfff pair \\udfff\\ud800 nul \\u0000 end\"}");
        JsonNode reply = conn.awaitAny(List.of("question", "completed", "error"), id, "answer with lone surrogates");
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
        conn.send(frame("answer").put("clientMessageId", last.id()).put("text", otherWords
                ? HostileText.answer(random) + " (changed)" : last.text()));
        JsonNode reply = conn.awaitAny(List.of("question", "completed"), last.id(), "replayed answer");
        if (reply != null && reply.path("type").asText().equals("question")
                && reply.path("turn").asInt() != last.turn()) {
            tally.problem("a replayed answer " + last.id() + " got turn " + reply.path("turn").asInt()
                    + " instead of the first reply's " + last.turn());
        }
    }

    private <T> T pick(List<T> choices) {
        return frames.pick(choices);
    }

    private static String brief(JsonNode node) {
        String s = node.toString();
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
