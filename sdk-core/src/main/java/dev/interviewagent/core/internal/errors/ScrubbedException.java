package dev.interviewagent.core.internal.errors;

import dev.interviewagent.core.exception.InterviewException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A copy of an exception that is safe to log and to hand to a host: the original's class name and stack trace (what
 * an operator needs to find a fault) without its message, because the messages of drivers, HTTP clients and parsers
 * quote what they were given — a respondent's answer, a provider's response body, a URL with a key in it. Causes
 * and suppressed exceptions are copied the same way.
 *
 * <p>Kept messages: the SDK's own {@link InterviewException}s (their messages never carry respondent text, tokens
 * or keys), exceptions this package's callers mark as safe, and JDK programming errors whose messages name only
 * code (null pointer, class cast, index and arithmetic errors).
 */
public final class ScrubbedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_DEPTH = 16;
    private static final Set<Class<?>> CODE_ONLY_MESSAGES = Set.of(NullPointerException.class,
            ClassCastException.class, ArithmeticException.class, ArrayStoreException.class,
            NegativeArraySizeException.class, IndexOutOfBoundsException.class,
            ArrayIndexOutOfBoundsException.class, StringIndexOutOfBoundsException.class);

    private final String originalClass;

    private ScrubbedException(String originalClass, @Nullable String keptMessage) {
        super(originalClass + (keptMessage == null ? " (message withheld)" : ": " + keptMessage));
        this.originalClass = originalClass;
    }

    /** The class name of the exception this copies. */
    public String originalClass() {
        return originalClass;
    }

    /**
     * A scrubbed copy of {@code error} and its causes; {@code error} itself if it is one already. Never null for a
     * non-null argument.
     */
    public static RuntimeException of(Throwable error) {
        return copy(error, 0, new IdentityHashMap<>());
    }

    private static RuntimeException copy(Throwable error, int depth, Map<Throwable, ScrubbedException> seen) {
        if (error instanceof ScrubbedException scrubbed) {
            return scrubbed;
        }
        ScrubbedException known = seen.get(error);
        if (known != null) {
            return known;
        }
        String message = error instanceof InterviewException || CODE_ONLY_MESSAGES.contains(error.getClass())
                ? error.getMessage() : null;
        ScrubbedException copy = new ScrubbedException(error.getClass().getName(), message);
        copy.setStackTrace(error.getStackTrace());
        seen.put(error, copy);
        Throwable cause = error.getCause();
        if (cause != null && depth < MAX_DEPTH) {
            copy.initCause(copy(cause, depth + 1, seen));
        }
        for (Throwable suppressed : error.getSuppressed()) {
            if (depth < MAX_DEPTH) {
                copy.addSuppressed(copy(suppressed, depth + 1, seen));
            }
        }
        return copy;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + ": " + getMessage();
    }
}
