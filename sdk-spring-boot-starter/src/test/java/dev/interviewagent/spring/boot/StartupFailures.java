package dev.interviewagent.spring.boot;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.jspecify.annotations.Nullable;

/** A start-up failure as an operator reads it: every message in the cause chain, and the stack trace. */
final class StartupFailures {

    private StartupFailures() {
    }

    static String text(@Nullable Throwable failure) {
        if (failure == null) {
            return "";
        }
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
