package dev.interviewagent.websocket.internal;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frames on their way to one connection: queued, and sent one at a time through the container's asynchronous
 * remote endpoint, so no thread — a turn's, a container's — ever waits for a client to read. A client that reads so
 * slowly that more than {@code maxChars} characters pile up is closed (1008) and its queue dropped: it costs a
 * bounded amount of memory and never blocks another connection. Thread-safe.
 */
final class Outbound {

    private static final Logger log = LoggerFactory.getLogger(Outbound.class);
    static final CloseReason NOT_READING = new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY,
            "client does not read");

    /** How long a connection given up on may take to close before the container drops it. */
    private static final long GIVE_UP_MILLIS = 2_000;

    private final Session session;
    private final RemoteEndpoint.Async remote;
    private final long maxChars;
    private final Runnable gone;
    private final Object lock = new Object();
    private final ArrayDeque<String> frames = new ArrayDeque<>();
    private long queuedChars;
    private boolean writing;     // a frame is with the container
    private boolean pumping;     // a thread is in pump()
    private boolean closed;
    private @Nullable CloseReason closeWhenSent;

    /** @param gone runs once when this gives up on the connection (it does not read, or a send failed) */
    Outbound(Session session, long maxChars, Runnable gone) {
        this.session = session;
        this.remote = session.getAsyncRemote();
        this.maxChars = maxChars;
        this.gone = gone;
    }

    /** Queues a frame; never blocks. Dropped once the connection is closing. */
    void send(String frame) {
        boolean overflow = false;
        synchronized (lock) {
            if (closed || closeWhenSent != null) {
                return;
            }
            if (queuedChars + frame.length() > maxChars) {
                overflow = true;
                shut();
            } else {
                frames.add(frame);
                queuedChars += frame.length();
            }
        }
        if (overflow) {
            log.debug("{} does not read; {} characters waiting: closed", session.getId(), maxChars);
            giveUp(NOT_READING);
            return;
        }
        pump();
    }

    /** Closes the connection with {@code reason} once the frames queued before have been sent. */
    void closeWhenSent(CloseReason reason) {
        synchronized (lock) {
            if (closed || closeWhenSent != null) {
                return;
            }
            closeWhenSent = reason;
        }
        pump();
    }

    /** The connection is gone: drops what is queued. */
    void discard() {
        synchronized (lock) {
            shut();
        }
    }

    private void shut() {
        closed = true;
        frames.clear();
        queuedChars = 0;
    }

    /**
     * Hands the next frame to the container when none is with it. A container may complete a send on the calling
     * thread; the {@code pumping} flag turns that recursion into this loop.
     */
    private void pump() {
        synchronized (lock) {
            if (pumping) {
                return;
            }
            pumping = true;
        }
        while (true) {
            String frame;
            CloseReason close = null;
            synchronized (lock) {
                if (writing || closed) {
                    pumping = false;
                    return;
                }
                frame = frames.poll();
                if (frame == null) {
                    pumping = false;
                    if (closeWhenSent == null) {
                        return;
                    }
                    close = closeWhenSent;
                    closed = true;
                } else {
                    queuedChars -= frame.length();
                    writing = true;
                }
            }
            if (close != null) {
                close(session, close);
                return;
            }
            try {
                remote.sendText(frame, this::sent);
            } catch (RuntimeException e) {   // the session closed meanwhile
                synchronized (lock) {
                    writing = false;
                    pumping = false;
                    shut();
                }
                log.debug("{} send failed: {}", session.getId(), e.toString());
                return;
            }
        }
    }

    private void sent(SendResult result) {
        synchronized (lock) {
            writing = false;
        }
        if (result.isOK()) {
            pump();
            return;
        }
        synchronized (lock) {
            shut();
        }
        log.debug("{} send failed: {}", session.getId(), String.valueOf(result.getException()));
        giveUp(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "send failed"));
    }

    /**
     * Closes a connection that cannot take more frames. Its close frame may be stuck behind unread data, so the
     * container gets a short idle timeout to drop it; the hub forgets the connection now rather than then.
     */
    private void giveUp(CloseReason reason) {
        try {
            gone.run();
        } finally {
            try {
                session.setMaxIdleTimeout(GIVE_UP_MILLIS);
            } catch (RuntimeException e) {
                log.debug("{} idle timeout not shortened: {}", session.getId(), e.toString());
            }
            close(session, reason);
        }
    }

    static void close(Session session, CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException | RuntimeException e) {
            log.debug("closing a connection failed: {}", e.toString());
        }
    }
}
