package dev.interviewagent.bench.drill.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the fuzzer sent and saw, over all its channels: hostile inputs by channel and kind, error codes received,
 * expectations met, and every expectation missed (the first few kept for the report). Thread-safe.
 */
final class Tally {

    private final Map<String, AtomicLong> inputs = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final AtomicLong problemCount = new AtomicLong();
    private final AtomicLong met = new AtomicLong();

    /** One hostile input of {@code kind} went to {@code channel} (e.g. {@code ws}, {@code console}). */
    void input(String channel, String kind) {
        inputs.computeIfAbsent(channel + ":" + kind, k -> new AtomicLong()).incrementAndGet();
    }

    /** An error frame (or line) with {@code code} came back. */
    void error(String code) {
        errors.computeIfAbsent(code, k -> new AtomicLong()).incrementAndGet();
    }

    void count(String what) {
        counters.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    /** An expectation held. */
    void met() {
        met.incrementAndGet();
    }

    /** An expectation did not hold. */
    void problem(String what) {
        problemCount.incrementAndGet();
        synchronized (problems) {
            if (problems.size() < 40) {
                problems.add(what);
            }
        }
    }

    long inputs(String channel) {
        return inputs.entrySet().stream().filter(e -> e.getKey().startsWith(channel + ":"))
                .mapToLong(e -> e.getValue().get()).sum();
    }

    long totalInputs() {
        return inputs.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** Kinds of one channel with their counts, sorted. */
    Map<String, Long> kinds(String channel) {
        Map<String, Long> out = new TreeMap<>();
        inputs.forEach((k, v) -> {
            if (k.startsWith(channel + ":")) {
                out.put(k.substring(channel.length() + 1), v.get());
            }
        });
        return out;
    }

    Map<String, Long> errors() {
        Map<String, Long> out = new TreeMap<>();
        errors.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    long counter(String what) {
        AtomicLong n = counters.get(what);
        return n == null ? 0 : n.get();
    }

    long metCount() {
        return met.get();
    }

    long problemCount() {
        return problemCount.get();
    }

    List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }
}
