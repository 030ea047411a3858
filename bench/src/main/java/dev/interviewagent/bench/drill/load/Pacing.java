package dev.interviewagent.bench.drill.load;

import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a respondent waits, with jitter so that thousands of them never act in step: before answering (a
 * person thinks), before retrying a refused message or a failed connection (exponential, capped), and before
 * reconnecting after a drop.
 */
final class Pacing {

    private static final long BACKOFF_BASE_MS = 100;
    private static final long BACKOFF_CAP_MS = 3_000;
    private static final int RECONNECT_MIN_MS = 50;
    private static final int RECONNECT_JITTER_MS = 200;

    private Pacing() {
    }

    /** Between half and one and a half times the drill's think time. */
    static long thinkMs(long thinkMs) {
        return thinkMs / 2 + ThreadLocalRandom.current().nextLong(Math.max(1, thinkMs));
    }

    /** Before the {@code attempt}-th retry (1-based): between half and all of a doubling, capped ceiling. */
    static long backoffMs(int attempt) {
        long ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS << Math.min(attempt, 10));
        return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    }

    static long reconnectMs() {
        return RECONNECT_MIN_MS + ThreadLocalRandom.current().nextInt(RECONNECT_JITTER_MS);
    }
}
