package dev.interviewagent.bench.drill.fuzz;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Hostile WebSocket frames from several {@link FrameWorker}s at once, each with its share and its own seed. */
final class FrameFuzzer {

    static final int WORKERS = 8;
    /** 10 MB text frames: a few, not thousands. */
    static final int HUGE_FRAMES = 3;

    private FrameFuzzer() {
    }

    /** Sends {@code inputs} hostile inputs to {@code uri}; waits until every worker is done. */
    static void run(URI uri, int inputs, long seed, Tally tally, Supplier<List<String>> victims) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r, "fuzz-ws");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                int worker = w;
                int share = inputs / WORKERS + (w < inputs % WORKERS ? 1 : 0);
                int huge = w < HUGE_FRAMES ? 1 : 0;
                running.add(pool.submit(() -> new FrameWorker(worker, uri, seed * 1_000_003L + worker, tally,
                        victims).run(share, huge)));
            }
            for (Future<?> f : running) {
                f.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
