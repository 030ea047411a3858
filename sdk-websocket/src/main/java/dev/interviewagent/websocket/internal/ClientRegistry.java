package dev.interviewagent.websocket.internal;

import dev.interviewagent.websocket.WebSocketSettings;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What each client address may still do: its open connections, its frame bucket and its start bucket. Kept per
 * address rather than per connection so that reconnecting neither refills a bucket nor escapes the connection cap.
 * Bounded: an address without connections is forgotten once its buckets have refilled (forgetting it then changes
 * nothing; looked for every {@link #SWEEP_MILLIS}), and the least recently seen of those go first when more than
 * {@link #MAX_IDLE} are remembered. Starts are also counted for all clients together. Thread-safe.
 */
final class ClientRegistry {

    /** Idle addresses remembered at most, besides those with open connections (at most maxConnections of them). */
    static final int MAX_IDLE = 100_000;
    /** How often idle addresses are looked for; a sweep costs one pass over the addresses remembered. */
    static final long SWEEP_MILLIS = 10_000;

    /** The limits of one address; a connection whose address is unknown gets one of its own, not shared. */
    static final class Client {
        private final @Nullable String address;
        private final RateLimiter frames;
        private final RateLimiter starts;
        private int connections;

        private Client(@Nullable String address, RateLimiter frames, RateLimiter starts) {
            this.address = address;
            this.frames = frames;
            this.starts = starts;
        }

        /** Takes a frame token of this address. */
        boolean tryFrame() {
            return frames.tryAcquire();
        }
    }

    private final WebSocketSettings settings;
    private final Clock clock;
    private final RateLimiter allStarts;
    // access order: the least recently used first
    private final Map<String, Client> clients = new LinkedHashMap<>(256, 0.75f, true);
    private int idle;
    private long lastSweep;

    ClientRegistry(WebSocketSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.allStarts = new RateLimiter(settings.startsPerMinute() / 60.0, settings.startsPerMinute(), clock);
        this.lastSweep = clock.millis();
    }

    /**
     * Counts a new connection of {@code address} (null: unknown, limited per connection only).
     *
     * @return its client, or null when the address has {@link WebSocketSettings#maxConnectionsPerAddress()} open
     */
    synchronized @Nullable Client open(@Nullable String address) {
        if (address == null) {
            Client alone = newClient(null);
            alone.connections = 1;
            return alone;
        }
        sweep();   // before the new one is counted: it is idle until its connection below
        Client client = clients.get(address);
        if (client == null) {
            client = newClient(address);
            clients.put(address, client);
            idle++;
        }
        if (client.connections >= settings.maxConnectionsPerAddress()) {
            return null;
        }
        if (client.connections++ == 0) {
            idle--;
        }
        return client;
    }

    /** A connection of this client closed. */
    synchronized void close(Client client) {
        if (client.address == null || clients.get(client.address) != client) {
            return;
        }
        if (--client.connections == 0) {
            idle++;
            sweep();
        }
    }

    /** Takes a start token of the client and of all clients; false (nothing started) when either is empty. */
    boolean tryStart(Client client) {
        return client.starts.tryAcquire() && allStarts.tryAcquire();
    }

    /** Addresses remembered now (tests). */
    synchronized int size() {
        return clients.size();
    }

    private Client newClient(@Nullable String address) {
        return new Client(address, new RateLimiter(settings.addressMessagesPerSecond(), settings.addressBurst(), clock),
                new RateLimiter(settings.startsPerMinutePerAddress() / 60.0, settings.startsPerMinutePerAddress(),
                        clock));
    }

    /**
     * Every {@link #SWEEP_MILLIS}, forgets idle addresses whose buckets are full again; beyond {@link #MAX_IDLE} idle
     * ones, also the least recently seen, down to nine tenths of it, so the pass is not repeated per connection.
     */
    private void sweep() {
        long now = clock.millis();
        boolean due = now - lastSweep >= SWEEP_MILLIS || now < lastSweep;
        if (!due && idle <= MAX_IDLE) {
            return;
        }
        lastSweep = now;
        int keep = idle > MAX_IDLE ? MAX_IDLE - MAX_IDLE / 10 : Integer.MAX_VALUE;
        Iterator<Client> it = clients.values().iterator();   // least recently seen first
        while (it.hasNext()) {
            Client client = it.next();
            if (client.connections == 0 && (idle > keep || (client.frames.isFull() && client.starts.isFull()))) {
                it.remove();
                idle--;
            }
        }
    }
}
