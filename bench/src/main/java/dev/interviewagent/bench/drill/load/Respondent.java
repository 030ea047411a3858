package dev.interviewagent.bench.drill.load;

import static dev.interviewagent.bench.drill.load.Outgoing.Kind.AUDIO;
import static dev.interviewagent.bench.drill.load.Outgoing.Kind.START;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
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
 * interview ({@code complete}). All state is guarded by this object's monitor; what is in flight is an
 * {@link Outgoing}, the wire is a {@link Connection}.
 */
final class Respondent implements Connection.Events {

    private final int index;
    private final List<URI> nodes;
    private final HttpClient http;
    private final ScheduledExecutorService timer;
    private final Ledger ledger;
    private final Script.Factory scripts;
    private final Load.Settings settings;
    private final String address;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    private int node;
    private int life;
    private @Nullable InterviewRun run;
    private @Nullable Outgoing pending;
    private boolean resuming;
    private @Nullable Connection connection;
    private long generation;
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
        if (done) {
            return;                               // stopped before its turn in the ramp-up came
        }
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
        if (pending == null && started() && connection != null && !resuming) {
            if (nextAnswer != null) {
                nextAnswer.cancel(false);
            }
            sendComplete();
        } else if (pending == null && !started()) {
            finish();
        }
    }

    /** Gives up: an answer still in flight counts as unanswered. */
    synchronized void abandon() {
        if (done) {
            return;
        }
        if (pending != null && pending.carriesAnswer()) {
            ledger.unanswered();
            ledger.problem("respondent " + index + ": no reply to " + pending.id + " of " + run.interviewId + " ("
                    + pending.attempts + " attempts)");
        }
        finish();
    }

    // ------------------------------------------------------------------------------------------ connection

    /** Whether the current interview has been started by the server. */
    private boolean started() {
        return run != null && run.started();
    }

    /** Starts the next interview; false when the script factory has none for it (the respondent is done). */
    private boolean newLife() {
        Script next = scripts.create(index, life + 1);
        if (next == null) {
            return false;
        }
        run = new InterviewRun(++life, next);
        pending = run.start(index);
        return true;
    }

    private void connect() {
        long gen = ++generation;
        URI uri = nodes.get(node);
        Connection.open(http, uri, address, this).whenComplete((c, e) -> connected(gen, c, e));
    }

    private synchronized void connected(long gen, @Nullable Connection opened, @Nullable Throwable error) {
        if (gen != generation || done) {
            if (opened != null) {
                opened.abort();
            }
            return;
        }
        if (error != null) {
            connectFailures++;
            node = (node + 1) % nodes.size();
            timer.schedule(this::reconnect, Pacing.backoffMs(connectFailures), TimeUnit.MILLISECONDS);
            return;
        }
        connection = opened;
        if (!started()) {
            transmit(pending);
        } else {
            sendResume();
        }
    }

    private synchronized void reconnect() {
        if (!done && connection == null) {
            connect();
        }
    }

    @Override
    public synchronized void dropped(Connection dropped) {
        if (dropped != connection || done) {
            return;
        }
        connection = null;
        ledger.reconnected();
        generation++;
        timer.schedule(this::reconnect, Pacing.reconnectMs(), TimeUnit.MILLISECONDS);
    }

    private void sendResume() {
        resuming = true;
        connection.send(Connection.frame("resume").put("interviewId", run.interviewId).put("token", run.token));
    }

    // ------------------------------------------------------------------------------------------ receiving

    @Override
    public void unreadable(Connection from, Exception error) {
        ledger.problem("respondent " + index + ": unreadable frame: " + error);
    }

    @Override
    public synchronized void frame(Connection from, JsonNode f) {
        if (from != connection || done) {
            return;
        }
        String type = f.path("type").asText();
        switch (type) {
            case "session" -> session(f);
            case "question" -> question(f);
            case "delta", "notice" -> ledger.received(run.log, type, f.path("text").asText());
            case "stage", "status", "pong" -> { }
            case "transcript" -> transcript(f);
            case "completed" -> completed(f);
            case "report" -> ledger.received(run.log, type, f.path("content").toString());
            case "error" -> error(f);
            default -> ledger.problem("respondent " + index + ": unknown frame type " + type);
        }
    }

    private void session(JsonNode f) {
        String id = f.path("interviewId").asText();
        if (started() && !run.interviewId.equals(id)) {
            ledger.problem("respondent " + index + ": session for " + id + " while in " + run.interviewId);
        }
        run.interviewId = id;
        run.token = f.path("token").asText();
        run.log = ledger.begin(id, index, run.script);
        connectFailures = 0;
        if (pending != null && pending.kind == START) {
            pending = null;
        }
    }

    private void question(JsonNode f) {
        int turn = f.path("turn").asInt();
        String text = f.path("text").asText();
        ledger.received(run.log, "question", text);
        String replyTo = f.path("replyTo").isTextual() ? f.path("replyTo").asText() : null;
        if (replyTo == null) {
            if (resuming) {
                resuming = false;
                checkContinuity(turn, text);
            }
            run.lastQuestion = new AskedQuestion(turn, text);
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
            run.lastQuestion = new AskedQuestion(turn, text);
            if (stopping) {
                sendComplete();
            } else {
                scheduleNextAnswer();
            }
        }
        // a reply to an older message (its retry was answered twice): nothing to do
    }

    private void checkContinuity(int turn, String text) {
        boolean answerInFlight = pending != null && pending.kind != START;
        String problem = run.lastQuestion == null ? null : run.lastQuestion.resumeProblem(turn, text, answerInFlight);
        if (problem != null) {
            ledger.problem("respondent " + index + ": resumed " + run.interviewId + " " + problem);
        }
    }

    private void transcript(JsonNode f) {
        ledger.received(run.log, "transcript", f.path("text").asText());
        if (pending != null && pending.kind == AUDIO && pending.id.equals(f.path("replyTo").asText())
                && f.path("needsConfirmation").asBoolean(false)) {
            connection.send(Connection.frame("confirm").put("clientMessageId", pending.confirmationId())
                    .put("action", "transcript:confirm"));
        }
    }

    private void completed(JsonNode f) {
        ledger.received(run.log, "completed", f.path("message").asText());
        ledger.received(run.log, "report", f.path("report").toString());
        if (pending != null && pending.kind != START) {
            acknowledge();
        }
        if (run.log != null) {
            ledger.completed(run.log);
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
        ledger.received(run.log, "error", f.path("message").asText());
        if (resuming && (replyTo == null)) {
            if (Outgoing.retriable(code)) {
                timer.schedule(this::retryResume, Pacing.backoffMs(++connectFailures), TimeUnit.MILLISECONDS);
            } else {
                ledger.problem("respondent " + index + ": resume of " + run.interviewId + " refused: " + code);
                finish();
            }
            return;
        }
        Outgoing p = pending;
        if (p == null || !p.refusedBy(replyTo)) {
            return;
        }
        switch (p.refused(code)) {
            case RETRY -> timer.schedule(() -> retry(p), Pacing.backoffMs(p.refusals), TimeUnit.MILLISECONDS);
            case TYPE_INSTEAD -> {
                ledger.typedInsteadOfSpoken();
                pending = p.typedInstead();
                transmit(pending);
            }
            case GIVE_UP -> {
                ledger.problem("respondent " + index + ": " + p.kind + " " + p.id + " refused: " + code + " ("
                        + f.path("message").asText() + ")");
                pending = null;
                if (p.kind == START) {
                    finish();
                } else {
                    scheduleNextAnswer();
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    private synchronized void retryResume() {
        if (!done && resuming && connection != null) {
            sendResume();
        }
    }

    private synchronized void retry(Outgoing p) {
        if (!done && pending == p && connection != null && !resuming) {
            ledger.resent();
            transmit(p);
        }
    }

    // ------------------------------------------------------------------------------------------ sending

    private void scheduleNextAnswer() {
        if (done) {
            return;
        }
        nextAnswer = timer.schedule(this::answerNext, Pacing.thinkMs(settings.thinkMs()), TimeUnit.MILLISECONDS);
    }

    private synchronized void answerNext() {
        if (done || pending != null || !started()) {
            return;
        }
        if (stopping) {
            sendComplete();
            return;
        }
        Outgoing answer = run.nextAnswer();
        if (answer == null) {
            stopping = true;
            sendComplete();
            return;
        }
        pending = answer;
        ledger.sent();
        if (answer.kind == AUDIO) {
            ledger.spokenAnswer();
        }
        transmit(pending);
    }

    private void sendComplete() {
        if (pending == null) {
            pending = run.complete();
            transmit(pending);
        }
    }

    /** Sends {@code p} now if connected (otherwise the resume sends it), and checks later that a reply came. */
    private void transmit(@Nullable Outgoing p) {
        if (p == null || connection == null) {
            return;
        }
        p.writeTo(connection, run.script.language(), run.clientKey);
        int attempt = p.attempts;
        timer.schedule(() -> checkReplied(p, attempt), settings.replyTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void checkReplied(Outgoing p, int attempt) {
        if (!done && pending == p && p.attempts == attempt && connection != null && !resuming) {
            ledger.resent();
            transmit(p);
        }
    }

    private void acknowledge() {
        Outgoing p = pending;
        pending = null;
        if (p != null && p.carriesAnswer() && run.log != null) {
            ledger.acknowledged(run.log, p.id, p.answerText(), System.nanoTime() - p.firstSent);
        }
    }

    private void finish() {
        if (done) {
            return;
        }
        done = true;
        if (nextAnswer != null) {
            nextAnswer.cancel(false);
        }
        if (connection != null) {
            connection.close();
            connection = null;
        }
        finished.complete(null);
    }

    @Override
    public String toString() {
        return "respondent " + index + " (" + (run == null ? "not started" : run.interviewId) + ")";
    }
}
