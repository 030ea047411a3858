package dev.interviewagent.websocket.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of recordings all connections may hold in memory at once ({@code maxBufferedAudioBytes}): each
 * {@link AudioUpload} reserves what it receives before keeping it and gives it back when the recording is discarded
 * or its turn is done, so however many clients send, recordings never hold more heap than this. Thread-safe.
 */
final class AudioBudget {

    private final long capacity;
    private final AtomicLong used = new AtomicLong();

    AudioBudget(long capacity) {
        this.capacity = capacity;
    }

    /** Reserves {@code bytes}; false (nothing reserved) when they do not fit. */
    boolean tryReserve(long bytes) {
        while (true) {
            long now = used.get();
            if (now + bytes > capacity) {
                return false;
            }
            if (used.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    void release(long bytes) {
        used.addAndGet(-bytes);
    }

    /** Bytes reserved now. */
    long used() {
        return used.get();
    }
}
