package dev.interviewagent.bench.drill.harness;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition to hold, checking it every 50 ms, up to a limit. */
public final class Await {

    private Await() {
    }

    /** Returns as soon as {@code condition} holds; throws when it still does not after {@code limit}. */
    public static void until(String what, Duration limit, BooleanSupplier condition) {
        if (!within(limit, condition)) {
            throw new IllegalStateException("timed out after " + limit + " waiting until " + what);
        }
    }

    /** Whether {@code condition} held within {@code limit}. */
    public static boolean within(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
