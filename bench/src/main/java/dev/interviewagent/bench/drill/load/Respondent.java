package dev.interviewagent.bench.drill.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One scripted respondent on the JDK's WebSocket, behaving as the sample's page does (docs/protocol.md): it starts
 * an interview with a {@code clientKey} (so a start repeated after a lost reply returns the same interview), answers
 * after a think time, keeps each answer until a reply names it ({@code replyTo}) and sends it again with the same
 * {@code clientMessageId} after {@code unavailable}/{@code busy}/{@code rate_limited}, after a reconnect, or when no
 * reply came in time. When the connection drops it reconnects — to the next node if the one it used refuses — and
 * resumes with its token, checking that the interview continues from its pending question. Spoken answers are
 * announced and sent as a recording; a low-confidence transcript is confirmed; a recording the server could not
 * transcribe is typed instead, as a person would. On {@link #stop()} it finishes the answer in flight and ends the
 * interview ({@code complete}). All state is guarded by this object's monitor; frames go out one at a time.
 */
final class Respondent implements WebSocket.Listener {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> RETRIABLE = Set.of("unavailable", "busy", "rate_limited");
    /** A recording refused this often (e.g. speech-to-text down) is typed instead. */
    private static final int AUDIO_RETRIES = 2;

    private enum Kind { START, ANSWER, AUDIO, COMPLETE }

    /** A message sent and not yet acknowledged. */
    private static final class Pending {
        final Kind kind;
        final String id;
        final Script.@Nullable Answer answer;
        final long firstSent = System.nanoTime();
        int attempts;
        int refusals;

        Pending(Kind kind, String id, Script.@Nullable Answer answer) {
            this.kind = kind;
            this.id = id;
            this.answer = answer;
        }
    }

    private record Question(int turn, String text) {
    }

    private final int index;
    private final List<URI> nodes;
    private final HttpClient http;
    private final ScheduledExecutorService timer;
    private final Ledger ledger;
    private final Script.Factory scripts;
    private final Load.Settings settings;
    private final String address;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();

    private int node;
    private int life;
    private Script script;
    private String clientKey;
    private @Nullable String interviewId;
    private @Nullable String token;
    private Ledger.@Nullable InterviewLog log;
    private int answered;
    private @Nullable Pending pending;
    private @Nullable Question lastQuestion;
    private boolean resuming;
    private @Nullable WebSocket socket;
    private long generation;
    private CompletableFuture<?> outbox = CompletableFuture.completedFuture(null);
    private int connectFailures;
    private @Nullable ScheduledFuture<?> nextAnswer;
    private boolean stopping;
    private boolean done;

    Respondent(int index, List<URI> nodes, HttpClient http, ScheduledExecutorService timer, Ledger ledger,
               Script.Factory scripts, Load.Settings settings) {
        this.index = index;
        this.nodes = nodes;
        this.http = http;
        this.timer = timer;
        this.ledger = ledger;
        this.scripts = scripts;
        this.settings = settings;
        this.node = index % nodes.size();
        this.address = "10." + (index >> 16 & 255) + "." + (index >> 8 & 255) + "." + (index & 255);
    }

    CompletableFuture<Void> finished() {
        return finished;
    }

    synchronized void begin() {
        if (newLife()) {
            connect();
        } else {
            finish();
        }
    }

    /** Finishes the answer in flight, then ends the interview. */
    synchronized void stop() {
        if (done || stopping) {
            return;
        }
        stopping = true;
        if (pending == null && interviewId != null && socket != null && !resuming) {
            if (nextAnswer != null) {
                nextAnswer.cancel(false);
            }
            sendComplete();
        } else if (pending == null && interviewId == null) {
            finish();
        }
    }

    /** Gives up: an answer still in flight counts as unanswered. */
    synchronized void abandon() {
        if (done) {
            return;
        }
        if (pending != null && (pending.kind == Kind.ANSWER || pending.kind == Kind.AUDIO)) {
            ledger.unanswered();
            ledger.problem("respondent " + index + ": no reply to " + pending.id + " of " + interviewId + " ("
                    + pending.attempts + " attempts)");
        }
        finish();
    }

    // ------------------------------------------------------------------------------------------ connection

    /** Starts the next interview; false when the script factory has none for it (the respondent is done). */
    private boolean newLife() {
        Script next = scripts.create(index, life + 1);
        if (next == null) {
            return false;
        }
        life++;
        script = next;
        byte[] key = new byte[24];
        RANDOM.nextBytes(key);
        clientKey = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        interviewId = null;
        token = null;
        log = null;
        answered = 0;
        lastQuestion = null;
        pending = new Pending(Kind.START, "s-" + index + "-" + life, null);
        return true;
    }

    private void connect() {
        long gen = ++generation;
        URI uri = nodes.get(node);
        http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).header("X-Forwarded-For", address)
                .buildAsync(uri, this).whenComplete((ws, e) -> connected(gen, ws, e));
    }

    private synchronized void connected(long gen, @Nullable WebSocket ws, @Nullable Throwable error) {
        if (gen != generation || done) {
            if (ws != null) {
                ws.abort();
            }
            return;
        }
        if (error != null) {
            connectFailures++;
            node = (node + 1) % nodes.size();
            timer.schedule(this::reconnect, backoff(connectFailures), TimeUnit.MILLISECONDS);
            return;
        }
        socket = ws;
        outbox = CompletableFuture.completedFuture(null);
        if (interviewId == null) {
            transmit(pending);
        } else {
            sendResume();
        }
    }

    private synchronized void reconnect() {
        if (!done && socket == null) {
            connect();
        }
    }

    private synchronized void dropped(WebSocket ws) {
        if (ws != socket || done) {
            return;
        }
        socket = null;
        ledger.reconnected();
        generation++;
        timer.schedule(this::reconnect, 50 + ThreadLocalRandom.current().nextInt(200), TimeUnit.MILLISECONDS);
    }

    private void sendResume() {
        resuming = true;
        ObjectNode frame = frame("resume").put("interviewId", interviewId).put("token", token);
        send(frame.toString());
    }

    // ------------------------------------------------------------------------------------------ receiving

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        String frame = null;
        synchronized (this) {
            partial.append(data);
            if (last) {
                frame = partial.toString();
                partial.setLength(0);
            }
        }
        if (frame != null) {
            try {
                handle(webSocket, JSON.readTree(frame));
            } catch (Exception e) {
                ledger.problem("respondent " + index + ": unreadable frame: " + e);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        dropped(webSocket);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        dropped(webSocket);
    }

    private synchronized void handle(WebSocket ws, JsonNode f) {
        if (ws != socket || done) {
            return;
        }
        String type = f.path("type").asText();
        switch (type) {
            case "session" -> session(f);
            case "question" -> question(f);
            case "delta", "notice" -> ledger.received(log, type, f.path("text").asText());
            case "stage", "status", "pong" -> { }
            case "transcript" -> transcript(f);
            case "completed" -> completed(f);
            case "report" -> ledger.received(log, type, f.path("content").toString());
            case "error" -> error(f);
            default -> ledger.problem("respondent " + index + ": unknown frame type " + type);
        }
    }

    private void session(JsonNode f) {
        String id = f.path("interviewId").asText();
        if (interviewId != null && !interviewId.equals(id)) {
            ledger.problem("respondent " + index + ": session for " + id + " while in " + interviewId);
        }
        interviewId = id;
        token = f.path("token").asText();
        log = ledger.begin(id, index, script);
        connectFailures = 0;
        if (pending != null && pending.kind == Kind.START) {
            pending = null;
        }
    }

    private void question(JsonNode f) {
        int turn = f.path("turn").asInt();
        String text = f.path("text").asText();
        ledger.received(log, "question", text);
        String replyTo = f.path("replyTo").isTextual() ? f.path("replyTo").asText() : null;
        if (replyTo == null) {
            if (resuming) {
                resuming = false;
                checkContinuity(turn, text);
            }
            lastQuestion = new Question(turn, text);
            if (pending != null) {
                transmit(pending);              // the answer in flight, again with its id
            } else if (stopping) {
                sendComplete();
            } else if (nextAnswer == null || nextAnswer.isDone()) {
                scheduleNextAnswer();
            }
            return;
        }
        if (pending != null && replyTo.equals(pending.id)) {
            acknowledge();
            lastQuestion = new Question(turn, text);
            if (stopping) {
                sendComplete();
            } else {
                scheduleNextAnswer();
            }
        }
        // a reply to an older message (its retry was answered twice): nothing to do
    }

    /** After a resume the server re-sends the pending question: the same one, or the reply to the answer in flight. */
    private void checkContinuity(int turn, String text) {
        if (lastQuestion == null) {
            return;
        }
        if (turn < lastQuestion.turn()) {
            ledger.problem("respondent " + index + ": resumed " + interviewId + " at turn " + turn + ", before its "
                    + "pending question (turn " + lastQuestion.turn() + ")");
        } else if (turn == lastQuestion.turn() && !text.equals(lastQuestion.text())) {
            ledger.problem("respondent " + index + ": resumed " + interviewId + " with another question at turn "
                    + turn);
        } else if (turn > lastQuestion.turn() && (pending == null || pending.kind == Kind.START)) {
            ledger.problem("respondent " + index + ": resumed " + interviewId + " at turn " + turn + " though no "
                    + "answer was in flight (pending question was turn " + lastQuestion.turn() + ")");
        }
    }

    private void transcript(JsonNode f) {
        ledger.received(log, "transcript", f.path("text").asText());
        if (pending != null && pending.kind == Kind.AUDIO && pending.id.equals(f.path("replyTo").asText())
                && f.path("needsConfirmation").asBoolean(false)) {
            send(frame("confirm").put("clientMessageId", pending.id + "-ok").put("action", "transcript:confirm")
                    .toString());
        }
    }

    private void completed(JsonNode f) {
        ledger.received(log, "completed", f.path("message").asText());
        ledger.received(log, "report", f.path("report").toString());
        if (pending != null && pending.kind != Kind.START) {
            acknowledge();
        }
        if (log != null) {
            ledger.completed(log);
        }
        resuming = false;
        if (stopping || !newLife()) {
            finish();
        } else {
            transmit(pending);                    // a new interview on the same connection
        }
    }

    private void error(JsonNode f) {
        String code = f.path("code").asText();
        String replyTo = f.path("replyTo").isTextual() ? f.path("replyTo").asText() : null;
        ledger.error(code);
        ledger.received(log, "error", f.path("message").asText());
        if (resuming && (replyTo == null)) {
            if (RETRIABLE.contains(code)) {
                timer.schedule(this::retryResume, backoff(++connectFailures), TimeUnit.MILLISECONDS);
            } else {
                ledger.problem("respondent " + index + ": resume of " + interviewId + " refused: " + code);
                finish();
            }
            return;
        }
        Pending p = pending;
        if (p == null || !(replyTo == null || replyTo.equals(p.id) || replyTo.equals(p.id + "-ok"))) {
            return;
        }
        int attempt = ++p.refusals;
        if (RETRIABLE.contains(code) && !(p.kind == Kind.AUDIO && attempt > AUDIO_RETRIES)) {
            timer.schedule(() -> retry(p), backoff(attempt), TimeUnit.MILLISECONDS);
        } else if (p.kind == Kind.AUDIO) {
            // the recording could not be heard (or not now): the person types the same answer instead
            ledger.typedInsteadOfSpoken();
            pending = new Pending(Kind.ANSWER, p.id + "-typed", Script.Answer.typed(p.answer.text()));
            transmit(pending);
        } else {
            ledger.problem("respondent " + index + ": " + p.kind + " " + p.id + " refused: " + code + " ("
                    + f.path("message").asText() + ")");
            pending = null;
            if (p.kind == Kind.START) {
                finish();
            } else {
                scheduleNextAnswer();
            }
        }
    }

    private synchronized void retryResume() {
        if (!done && resuming && socket != null) {
            sendResume();
        }
    }

    private synchronized void retry(Pending p) {
        if (!done && pending == p && socket != null && !resuming) {
            ledger.resent();
            transmit(p);
        }
    }

    // ------------------------------------------------------------------------------------------ sending

    private void scheduleNextAnswer() {
        if (done) {
            return;
        }
        long think = settings.thinkMs() / 2 + ThreadLocalRandom.current().nextLong(Math.max(1, settings.thinkMs()));
        nextAnswer = timer.schedule(this::answerNext, think, TimeUnit.MILLISECONDS);
    }

    private synchronized void answerNext() {
        if (done || pending != null || interviewId == null) {
            return;
        }
        if (stopping) {
            sendComplete();
            return;
        }
        Script.Answer answer = script.answer(answered + 1);
        if (answer == null) {
            stopping = true;
            sendComplete();
            return;
        }
        answered++;
        pending = new Pending(answer.spoken() ? Kind.AUDIO : Kind.ANSWER, "a-" + life + "-" + answered, answer);
        ledger.sent();
        if (answer.spoken()) {
            ledger.spokenAnswer();
        }
        transmit(pending);
    }

    private void sendComplete() {
        if (pending == null) {
            pending = new Pending(Kind.COMPLETE, "c-" + life, null);
            transmit(pending);
        }
    }

    /** Sends {@code p} now if connected (otherwise the resume sends it), and checks later that a reply came. */
    private void transmit(@Nullable Pending p) {
        if (p == null || socket == null) {
            return;
        }
        p.attempts++;
        switch (p.kind) {
            case START -> send(frame("start").put("clientMessageId", p.id).put("language", script.language())
                    .put("clientKey", clientKey).toString());
            case ANSWER -> send(frame("answer").put("clientMessageId", p.id).put("text", p.answer.text())
                    .toString());
            case AUDIO -> {
                send(frame("audio").put("clientMessageId", p.id).put("format", p.answer.format())
                        .put("size", p.answer.audio().length).toString());
                sendBinary(p.answer.audio());
            }
            case COMPLETE -> send(frame("complete").put("clientMessageId", p.id).toString());
            default -> throw new IllegalStateException();
        }
        int attempt = p.attempts;
        timer.schedule(() -> checkReplied(p, attempt), settings.replyTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void checkReplied(Pending p, int attempt) {
        if (!done && pending == p && p.attempts == attempt && socket != null && !resuming) {
            ledger.resent();
            transmit(p);
        }
    }

    private void acknowledge() {
        Pending p = pending;
        pending = null;
        if (p != null && (p.kind == Kind.ANSWER || p.kind == Kind.AUDIO) && log != null) {
            ledger.acknowledged(log, p.id, p.answer.text(), System.nanoTime() - p.firstSent);
        }
    }

    private void send(String text) {
        WebSocket ws = socket;
        if (ws == null) {
            return;
        }
        outbox = outbox.handle((x, e) -> null).thenCompose(x -> ws.sendText(text, true));
    }

    private void sendBinary(byte[] bytes) {
        WebSocket ws = socket;
        if (ws == null) {
            return;
        }
        outbox = outbox.handle((x, e) -> null).thenCompose(x -> ws.sendBinary(ByteBuffer.wrap(bytes), true));
    }

    private void finish() {
        if (done) {
            return;
        }
        done = true;
        if (nextAnswer != null) {
            nextAnswer.cancel(false);
        }
        WebSocket ws = socket;
        socket = null;
        if (ws != null) {
            outbox.handle((x, e) -> null).thenCompose(x -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "done"))
                    .orTimeout(5, TimeUnit.SECONDS).whenComplete((x, e) -> ws.abort());
        }
        finished.complete(null);
    }

    private static long backoff(int attempt) {
        long ceiling = Math.min(3_000, 100L << Math.min(attempt, 10));
        return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    }

    private static ObjectNode frame(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    @Override
    public String toString() {
        return "respondent " + index + " (" + interviewId + ")";
    }
}
