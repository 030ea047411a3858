package dev.interviewagent.samples.console;

import dev.interviewagent.core.InterviewEngine;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The console's {@code /history [before=N] [limit=N]} line: the same request as the WebSocket's {@code history}
 * frame (docs/protocol.md), answered with the same {@code history} object. Without {@code before}, the newest page;
 * {@code limit} 1–{@value InterviewEngine#MAX_HISTORY_PAGE}, default {@value #DEFAULT_LIMIT}.
 *
 * @param before only turns numbered below it; null for the newest page
 * @param limit  the most turns in the page
 */
record HistoryLine(@Nullable Integer before, int limit) {

    /** Turns in a page when the line does not say, as on the WebSocket. */
    static final int DEFAULT_LIMIT = 50;

    private static final Pattern COMMAND = Pattern.compile("\\s*/history(\\s.*)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern ARGUMENT = Pattern.compile("(before|limit)=(\\d{1,9})");

    /** Whether the line is a {@code /history} command (well-formed or not). */
    static boolean matches(String line) {
        return COMMAND.matcher(line).matches();
    }

    /** The request of a {@code /history} line; empty when its arguments are unknown or out of range. */
    static Optional<HistoryLine> parse(String line) {
        Matcher command = COMMAND.matcher(line);
        if (!command.matches()) {
            return Optional.empty();
        }
        Integer before = null;
        int limit = DEFAULT_LIMIT;
        String arguments = command.group(1) == null ? "" : command.group(1).strip();
        for (String argument : arguments.isEmpty() ? new String[0] : arguments.split("\\s+")) {
            Matcher pair = ARGUMENT.matcher(argument.toLowerCase(Locale.ROOT));
            if (!pair.matches()) {
                return Optional.empty();
            }
            int value = Integer.parseInt(pair.group(2));
            if (pair.group(1).equals("before")) {
                if (value < 1) {
                    return Optional.empty();
                }
                before = value;
            } else {
                if (value < 1 || value > InterviewEngine.MAX_HISTORY_PAGE) {
                    return Optional.empty();
                }
                limit = value;
            }
        }
        return Optional.of(new HistoryLine(before, limit));
    }
}
