package dev.interviewagent.telegram.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded set of recently seen update ids: the first line of defence against redelivered updates. */
public final class RecentIds {

    private final Map<Long, Boolean> seen;

    public RecentIds(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.seen = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Records {@code id}; true if it was not seen before (within the capacity). Thread-safe. */
    public synchronized boolean firstTime(long id) {
        return seen.put(id, Boolean.TRUE) == null;
    }
}
