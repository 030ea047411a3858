package dev.interviewagent.core.internal.inbox;

import dev.interviewagent.core.channel.ChannelInbox;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link ChannelInbox#inMemory()}: pending entries in insertion order, plus a bounded memory of done ids for
 * de-duplication. One lock; the work under it is a few map operations.
 */
public final class InMemoryChannelInbox implements ChannelInbox {

    private record Key(String scope, String id) {
    }

    private final Map<Key, Entry> pending = new LinkedHashMap<>();
    private final Map<Key, Boolean> done;

    public InMemoryChannelInbox(int doneCapacity) {
        if (doneCapacity < 1) {
            throw new IllegalArgumentException("doneCapacity must be >= 1, was " + doneCapacity);
        }
        this.done = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Boolean> eldest) {
                return size() > doneCapacity;
            }
        };
    }

    @Override
    public synchronized boolean add(Entry entry) {
        Objects.requireNonNull(entry, "entry");
        Key key = new Key(entry.scope(), entry.id());
        if (pending.containsKey(key) || done.containsKey(key)) {
            return false;
        }
        pending.put(key, entry);
        return true;
    }

    @Override
    public synchronized List<Entry> pending(String scope) {
        Objects.requireNonNull(scope, "scope");
        List<Entry> out = new ArrayList<>();
        for (Entry entry : pending.values()) {
            if (entry.scope().equals(scope)) {
                out.add(entry);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public synchronized void done(String scope, String id) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(id, "id");
        Key key = new Key(scope, id);
        pending.remove(key);
        done.put(key, Boolean.TRUE);
    }
}
