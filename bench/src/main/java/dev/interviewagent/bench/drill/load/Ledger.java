package dev.interviewagent.bench.drill.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the respondents of a load saw, from their side: each interview's acknowledged answers (an answer counts as
 * acknowledged when a reply naming it arrives), every text the server sent it, errors by code, turn times, answers
 * still without a reply at the end, and anything that broke the protocol's promises. Thread-safe.
 */
public final class Ledger {

    /** One interview as its respondent saw it. */
    public static final class InterviewLog {
        public final String interviewId;
        public final int respondent;
        public final Script script;
        private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
        private volatile boolean completed;

        InterviewLog(String interviewId, int respondent, Script script) {
            this.interviewId = interviewId;
            this.respondent = respondent;
            this.script = script;
        }

        /** Acknowledged answers: message id → the words sent. */
        public Map<String, String> acknowledged() {
            return Map.copyOf(acknowledged);
        }

        /** Every text frame's shown text, in arrival order. */
        public List<Received> received() {
            return List.copyOf(received);
        }

        public boolean completed() {
            return completed;
        }
    }

    /** A text the server showed this respondent: frame type and its text (question, delta, message, report...). */
    public record Received(String type, String text) {
    }

    private final Map<String, InterviewLog> interviews = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> turnNanos = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong resent = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private final AtomicLong spoken = new AtomicLong();
    private final AtomicLong typedInstead = new AtomicLong();

    InterviewLog begin(String interviewId, int respondent, Script script) {
        return interviews.computeIfAbsent(interviewId, id -> new InterviewLog(id, respondent, script));
    }

    void sent() {
        sent.incrementAndGet();
    }

    void resent() {
        resent.incrementAndGet();
    }

    void reconnected() {
        reconnects.incrementAndGet();
    }

    void acknowledged(InterviewLog log, String messageId, String text, long nanos) {
        if (log.acknowledged.putIfAbsent(messageId, text) == null) {
            turnNanos.add(nanos);
        }
    }

    void received(InterviewLog log, String type, String text) {
        if (log != null && text != null && !text.isEmpty()) {
            log.received.add(new Received(type, text));
        }
    }

    void completed(InterviewLog log) {
        log.completed = true;
    }

    void error(String code) {
        errors.computeIfAbsent(code, c -> new AtomicLong()).incrementAndGet();
    }

    void unanswered() {
        unanswered.incrementAndGet();
    }

    void spokenAnswer() {
        spoken.incrementAndGet();
    }

    void typedInsteadOfSpoken() {
        typedInstead.incrementAndGet();
    }

    /** Something the protocol promises did not happen (kept for the report, at most 50 listed). */
    public void problem(String what) {
        if (problems.size() < 50) {
            problems.add(what);
        }
        error("(problem)");
    }

    public Collection<InterviewLog> interviews() {
        return List.copyOf(interviews.values());
    }

    public long acknowledgedCount() {
        return interviews.values().stream().mapToLong(l -> l.acknowledged.size()).sum();
    }

    /** Errors by code, sorted by code; protocol problems under {@code (problem)}. */
    public Map<String, Long> errors() {
        Map<String, Long> out = new TreeMap<>();
        errors.forEach((code, n) -> out.put(code, n.get()));
        return out;
    }

    public long errorCount(String code) {
        AtomicLong n = errors.get(code);
        return n == null ? 0 : n.get();
    }

    public List<String> problems() {
        return new ArrayList<>(problems);
    }

    public long sentCount() {
        return sent.get();
    }

    public long resentCount() {
        return resent.get();
    }

    public long reconnectCount() {
        return reconnects.get();
    }

    public long unansweredCount() {
        return unanswered.get();
    }

    public long spokenCount() {
        return spoken.get();
    }

    public long typedInsteadCount() {
        return typedInstead.get();
    }

    /** Turn times in milliseconds: answer first sent → its reply, including every retry in between. */
    public Percentiles turnTimes() {
        return Percentiles.ofNanos(turnNanos);
    }
}
