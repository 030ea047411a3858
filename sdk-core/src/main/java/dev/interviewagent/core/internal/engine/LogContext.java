package dev.interviewagent.core.internal.engine;

import dev.interviewagent.core.InterviewId;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * Puts the interview id into the SLF4J {@link MDC} for the length of an engine call, so every log line of that call
 * (ours, the store's, the brain's, the host's listener's) can be filtered by interview without parsing messages.
 * The previous value is restored afterwards, so nested calls and pooled threads stay clean.
 */
public final class LogContext implements AutoCloseable {

    private final String key;
    private final String previous;

    private LogContext(String key, String value) {
        this.key = key;
        this.previous = MDC.get(key);
        MDC.put(key, value);
    }

    /** Sets {@code key} to the interview id until {@link #close()}. */
    public static LogContext of(String key, InterviewId id) {
        return new LogContext(key, id.value());
    }

    /**
     * Wraps a task handed to another thread (the brain executor) so it runs with the caller's MDC, and leaves that
     * thread's MDC as it found it.
     */
    public static <T> Supplier<T> propagate(Supplier<T> task) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> before = MDC.getCopyOfContextMap();
            setContext(context);
            try {
                return task.get();
            } finally {
                setContext(before);
            }
        };
    }

    @Override
    public void close() {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }

    private static void setContext(Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }
}
