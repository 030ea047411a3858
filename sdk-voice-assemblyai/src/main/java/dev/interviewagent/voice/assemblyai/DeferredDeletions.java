package dev.interviewagent.voice.assemblyai;

import dev.interviewagent.voice.SpeechException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletions at a provider that failed for a moment (429, 5xx, network) and are tried again in the background, so
 * that a provider outage of a few minutes does not leave a respondent's audio there: each id is tried again after
 * {@code firstDelay}, then after twice as long each time, up to {@code attempts} times; one that is refused (not
 * retriable) or still fails is logged at WARN with its id. {@link #close()} tries every deletion still waiting once
 * more, at once. The one daemon thread starts with the first deferred deletion. Thread-safe.
 */
final class DeferredDeletions implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeferredDeletions.class);

    private final String provider;
    private final Duration firstDelay;
    private final int attempts;
    private final Consumer<String> deletion;
    private final Map<String, ScheduledFuture<?>> waiting = new ConcurrentHashMap<>();
    /** Ids whose deferred attempt is running now; guarded by {@code this}. */
    private final Set<String> running = new HashSet<>();
    private @Nullable ScheduledExecutorService timer;
    private boolean closed;

    /**
     * @param provider   the provider's id, for the log
     * @param firstDelay the wait before the first deferred attempt
     * @param attempts   deferred attempts per id
     * @param deletion   deletes one id; throws {@link SpeechException} when it fails
     */
    DeferredDeletions(String provider, Duration firstDelay, int attempts, Consumer<String> deletion) {
        this.provider = provider;
        this.firstDelay = firstDelay;
        this.attempts = attempts;
        this.deletion = deletion;
    }

    /** Tries to delete {@code id} again later (its deletion just failed for a moment). */
    void later(String id) {
        schedule(id, 1);
    }

    /** How many deletions are waiting to be tried again. */
    int waiting() {
        return waiting.size();
    }

    private synchronized void schedule(String id, int attempt) {
        if (closed) {
            return;
        }
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, provider + "-deletions");
                t.setDaemon(true);
                return t;
            });
        }
        long delay = firstDelay.toMillis() << Math.min(attempt - 1, 20);
        waiting.put(id, timer.schedule(() -> attempt(id, attempt), delay, TimeUnit.MILLISECONDS));
    }

    private void attempt(String id, int attempt) {
        synchronized (this) {
            if (closed) {
                return;   // close() took it over
            }
            running.add(id);
        }
        try {
            deletion.accept(id);
            waiting.remove(id);
            log.debug("{}: {} deleted on deferred attempt {}", provider, id, attempt);
        } catch (SpeechException e) {
            if (e.isRetriable() && attempt < attempts) {
                schedule(id, attempt + 1);
            } else {
                waiting.remove(id);
                log.warn("{}: {} could not be deleted ({}, {} deferred attempts); it stays with the provider",
                        provider, id, e.reason().code(), attempt);
            }
        } catch (RuntimeException e) {
            waiting.remove(id);
            log.warn("{}: {} could not be deleted ({}); it stays with the provider", provider, id,
                    e.getClass().getSimpleName());
        } finally {
            synchronized (this) {
                running.remove(id);
            }
        }
    }

    /** Stops the background attempts and tries each deletion still waiting once more, now. */
    @Override
    public void close() {
        List<String> left;
        synchronized (this) {
            closed = true;
            // An attempt already running ends on its own: trying it again here would delete twice. A running
            // task's future still answers true to cancel(false), so running attempts are tracked here.
            left = waiting.entrySet().stream().filter(e -> !running.contains(e.getKey()))
                    .filter(e -> e.getValue().cancel(false)).map(Map.Entry::getKey).toList();
            waiting.clear();
            if (timer != null) {
                timer.shutdown();
            }
        }
        for (String id : left) {
            try {
                deletion.accept(id);
                log.debug("{}: {} deleted on close", provider, id);
            } catch (RuntimeException e) {
                log.warn("{}: {} could not be deleted on close ({}); it stays with the provider", provider, id,
                        e instanceof SpeechException s ? s.reason().code() : e.getClass().getSimpleName());
            }
        }
    }
}
