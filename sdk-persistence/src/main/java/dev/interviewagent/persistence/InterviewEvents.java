package dev.interviewagent.persistence;

import dev.interviewagent.core.InterviewId;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifies every node about something that happened to an interview, e.g. so the node holding a respondent's
 * WebSocket can push a reply produced elsewhere. Payloads are opaque JSON chosen by the host; keep respondent text out
 * of them unless the transport is trusted. Delivery is at most once and best effort: use it to nudge clients, never
 * as the record of a turn (the store is).
 *
 * <p>Implementations are thread-safe; {@link #publish} does not block on listeners. Listeners must be fast and must
 * not throw (a throwing listener is logged and skipped).
 */
public interface InterviewEvents extends AutoCloseable {

    /** Sends an event to the listeners of every node (including this one). */
    void publish(InterviewId id, String json);

    /** Registers a listener until the returned subscription is closed. */
    Subscription subscribe(Listener listener);

    /** Stops delivering events and frees resources. */
    @Override
    void close();

    /** Receives events. */
    @FunctionalInterface
    interface Listener {
        void onEvent(InterviewId id, String json);
    }

    /** A registration; closing it twice is harmless. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** Events within this JVM only, delivered on the publishing thread: the single-node default. */
    static InterviewEvents local() {
        return new Local();
    }

    /**
     * The in-process implementation; also used by {@code RedisInterviewNotifier} (sdk-persistence-redis) for its
     * local listeners.
     */
    final class Local implements InterviewEvents {
        private static final Logger log = LoggerFactory.getLogger(InterviewEvents.class);
        private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();

        Local() {
        }

        @Override
        public void publish(InterviewId id, String json) {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(json, "json");
            for (Listener listener : listeners) {
                try {
                    listener.onEvent(id, json);
                } catch (RuntimeException e) {
                    log.warn("{} event listener failed: {}", id, e.getClass().getSimpleName());
                }
            }
        }

        @Override
        public Subscription subscribe(Listener listener) {
            Objects.requireNonNull(listener, "listener");
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }

        @Override
        public void close() {
            listeners.clear();
        }
    }
}
