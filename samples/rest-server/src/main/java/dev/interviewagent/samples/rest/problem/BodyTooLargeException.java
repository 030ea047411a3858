package dev.interviewagent.samples.rest.problem;

import java.io.IOException;

/**
 * A request body grew past the API's limit while it was read (a body without {@code Content-Length}); answered 413.
 */
public final class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public BodyTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }
}
