package dev.interviewagent.core;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures every log line of the SDK (all levels) while open, rendered as an operator would read it: level,
 * logger, message and the whole stack trace with every cause's message. Other tests' lines may show up too (the
 * appender is on the root logger), so assertions look for what a test itself caused.
 */
public final class CapturedLogs implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger sdk = (Logger) LoggerFactory.getLogger("dev.interviewagent");
    private final Level previous = sdk.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public CapturedLogs() {
        appender.start();
        root.addAppender(appender);
        sdk.setLevel(Level.TRACE);
    }

    /** Every captured line with its throwable, as text. */
    public List<String> lines() {
        return appender.list.stream().map(CapturedLogs::render).toList();
    }

    /** The captured lines at ERROR from a logger whose name ends with {@code loggerSuffix}. */
    public List<String> errorsFrom(String loggerSuffix) {
        return appender.list.stream()
                .filter(e -> e.getLevel() == Level.ERROR && e.getLoggerName().endsWith(loggerSuffix))
                .map(CapturedLogs::render).toList();
    }

    private static String render(ILoggingEvent event) {
        String line = event.getLevel() + " " + event.getLoggerName() + " - " + event.getFormattedMessage();
        return event.getThrowableProxy() == null ? line
                : line + "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        sdk.setLevel(previous);
        appender.stop();
    }
}
