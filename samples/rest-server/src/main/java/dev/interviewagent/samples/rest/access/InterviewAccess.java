package dev.interviewagent.samples.rest.access;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewSnapshot;
import dev.interviewagent.samples.rest.problem.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Who may touch an interview: the holder of its token. The token is checked before anything is read or changed;
 * a request without one gets 401, a token of another interview 403, an interview that does not exist 404.
 */
@Component
public class InterviewAccess {

    /** The realm of interview tokens in {@code WWW-Authenticate}. */
    public static final String REALM = "interview";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final InterviewEngine engine;

    public InterviewAccess(InterviewEngine engine) {
        this.engine = engine;
    }

    /** Parses an interview id from a path, 404 if it cannot be one. */
    public static InterviewId id(String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw ApiException.notFound("no such interview");
        }
        return InterviewId.of(value);
    }

    /**
     * The interview the request's token opens.
     *
     * @throws ApiException 401 without a well-formed token, 404 for no such interview, 403 for another token
     */
    public InterviewSnapshot authorize(String id, HttpServletRequest request) {
        String token = Bearer.require(request, REALM);
        InterviewId interviewId = id(id);
        InterviewSnapshot interview = engine.status(interviewId);   // InterviewNotFoundException: 404
        if (!AccessTokens.matches(token, interview.attributes().get(AccessTokens.ATTRIBUTE))) {
            throw ApiException.forbidden("the token does not open this interview");
        }
        return interview;
    }
}
