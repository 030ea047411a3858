package dev.interviewagent.samples.rest.problem;

import dev.interviewagent.core.exception.ConcurrentTurnException;
import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.core.exception.InputTooLargeException;
import dev.interviewagent.core.exception.InterviewClosedException;
import dev.interviewagent.core.exception.InterviewException;
import dev.interviewagent.core.exception.InterviewNotFoundException;
import dev.interviewagent.core.exception.InvalidInputException;
import dev.interviewagent.voice.SpeechException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error the API answers, as an RFC 9457 problem ({@code application/problem+json}) with the SDK's error code
 * in {@code code}: the API's own refusals ({@link ApiException}), the engine's and the speech provider's typed
 * exceptions, and Spring MVC's own (unreadable JSON, a wrong media type, a missing header, a too-large upload, no such
 * route, a method not allowed). Details are safe to show: never a stack trace, an exception's class or a key; for
 * server-side failures only a generic sentence (the exception goes to the log).
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    /** How long a client should wait before repeating a turn that found the interview busy. */
    private static final Duration BUSY_RETRY = Duration.ofSeconds(1);
    /** How long a client should wait before repeating a call that found a dependency down. */
    private static final Duration UNAVAILABLE_RETRY = Duration.ofSeconds(5);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        return respond(Problems.of(e), e.status(), e.retryAfterDelay(), e.authenticateChallenge());
    }

    @ExceptionHandler(SpeechException.class)
    ResponseEntity<ProblemDetail> speech(SpeechException e) {
        SpeechException.Reason reason = e.reason();
        HttpStatus status;
        String detail;
        if (reason == SpeechException.Reason.UNKNOWN_FORMAT) {
            status = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            detail = "the recording is not in a supported audio format (Ogg/Opus, Ogg/Vorbis, WebM, WAV, MP3, M4A,"
                    + " FLAC), whatever its name or declared type says";
        } else if (reason == SpeechException.Reason.TOO_LARGE || reason == SpeechException.Reason.TOO_LONG) {
            status = HttpStatus.CONTENT_TOO_LARGE;
            detail = e.getMessage();
        } else if (reason.audioProblem()) {
            status = HttpStatus.UNPROCESSABLE_CONTENT;
            detail = e.getMessage();
        } else if (reason == SpeechException.Reason.AUTH || reason == SpeechException.Reason.REJECTED) {
            log.warn("speech-to-text provider refused a transcription: {}", reason.code());
            status = HttpStatus.BAD_GATEWAY;
            detail = "the speech-to-text provider refused the recording; type the answer instead";
        } else {
            log.warn("speech-to-text unavailable: {}", reason.code());
            status = HttpStatus.SERVICE_UNAVAILABLE;
            detail = "speech-to-text is unavailable at the moment; repeat the request later or type the answer";
        }
        ErrorCode code = status == HttpStatus.BAD_GATEWAY ? ErrorCode.UNAVAILABLE : reason.errorCode();
        ProblemDetail problem = Problems.of(status, code, detail);
        problem.setProperty("reason", reason.code());
        return respond(problem, status, e.isRetriable() ? UNAVAILABLE_RETRY : null, null);
    }

    @ExceptionHandler(InterviewException.class)
    ResponseEntity<ProblemDetail> interview(InterviewException e) {
        HttpStatus status;
        String detail = e.getMessage();
        Duration retry = null;
        if (e instanceof InterviewNotFoundException) {
            status = HttpStatus.NOT_FOUND;
            detail = "no such interview";
        } else if (e instanceof InterviewClosedException) {
            status = HttpStatus.CONFLICT;
        } else if (e instanceof InputTooLargeException) {
            status = HttpStatus.CONTENT_TOO_LARGE;
        } else if (e instanceof InvalidInputException) {
            status = HttpStatus.UNPROCESSABLE_CONTENT;
        } else if (e instanceof ConcurrentTurnException || e.code() == ErrorCode.BUSY) {
            status = HttpStatus.CONFLICT;
            detail = "another turn of this interview is in progress; repeat the request with the same"
                    + " Idempotency-Key";
            retry = BUSY_RETRY;
        } else if (e.code() == ErrorCode.RATE_LIMITED) {
            status = HttpStatus.TOO_MANY_REQUESTS;
            retry = UNAVAILABLE_RETRY;
        } else if (e.code() == ErrorCode.UNAVAILABLE) {
            log.warn("interview dependency unavailable: {}", e.toString());
            status = HttpStatus.SERVICE_UNAVAILABLE;
            detail = "the interview service is unavailable at the moment; repeat the request later (with the same"
                    + " Idempotency-Key)";
            retry = UNAVAILABLE_RETRY;
        } else if (e.code() == ErrorCode.INTERNAL) {
            log.error("interview engine failed", e);
            status = HttpStatus.INTERNAL_SERVER_ERROR;
            detail = "an unexpected error occurred; it was logged";
        } else {
            status = statusOf(e.code());
        }
        return respond(Problems.of(status, e.code(), detail), status, retry, null);
    }

    /** A multipart body that cannot be parsed (no boundary, cut off); too large ones are 413 (the base class). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST,
                "the multipart/form-data body cannot be read"), HttpStatus.BAD_REQUEST, null, null);
    }

    /** The last resort: a bug. Logged with its stack trace; the client learns nothing of it. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected error", e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL,
                "an unexpected error occurred; it was logged"), HttpStatus.INTERNAL_SERVER_ERROR, null, null);
    }

    /** Spring MVC's own exceptions: the problem Spring built, with our code and, where it helps, our detail. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        HttpStatusCode status = statusCode;
        ErrorCode code = Problems.codeFor(status);
        String detail = body instanceof ProblemDetail problem && problem.getDetail() != null ? problem.getDetail()
                : HttpStatus.valueOf(status.value()).getReasonPhrase();
        if (ex instanceof HttpMessageNotReadableException) {
            BodyTooLargeException tooLarge = causeOf(ex, BodyTooLargeException.class);
            if (tooLarge != null) {
                status = HttpStatus.CONTENT_TOO_LARGE;
                code = ErrorCode.TOO_LARGE;
                detail = tooLarge.getMessage();
            } else {
                detail = unreadable(ex);
            }
        } else if (status.value() == 404) {
            detail = "no such resource";
        } else if (status.value() >= 500) {
            log.error("request failed", ex);
            detail = "an unexpected error occurred; it was logged";
        }
        ProblemDetail problem = Problems.of(status, code, detail);
        HttpHeaders out = new HttpHeaders();
        headers.forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                out.put(name, values);
            }
        });
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        out.setCacheControl("no-store");
        return ResponseEntity.status(status).headers(out).body(problem);
    }

    /** What was wrong with a body Jackson could not read: where and what, never the exception's class. */
    private static String unreadable(Exception ex) {
        MismatchedInputException mismatch = causeOf(ex, MismatchedInputException.class);
        if (mismatch != null) {
            String path = pathOf(mismatch);
            return path.isEmpty() ? "the body must be a JSON object of the documented shape"
                    : "'" + path + "' has the wrong type or value";
        }
        StreamReadException syntax = causeOf(ex, StreamReadException.class);
        if (syntax != null) {
            return "the body is not valid JSON in UTF-8";
        }
        JacksonException other = causeOf(ex, JacksonException.class);
        if (other != null) {
            String path = pathOf(other);
            return path.isEmpty() ? "the body is not valid JSON of the documented shape"
                    : "'" + path + "' has the wrong type or value";
        }
        return "a JSON body is required";
    }

    private static String pathOf(JacksonException e) {
        StringBuilder path = new StringBuilder();
        List<JacksonException.Reference> references = e.getPath();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static <T extends Throwable> @Nullable T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static HttpStatus statusOf(ErrorCode code) {
        switch (code) {
            case NOT_FOUND:
                return HttpStatus.NOT_FOUND;
            case UNAUTHORIZED:
                return HttpStatus.UNAUTHORIZED;
            case TOO_LARGE:
                return HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_AUDIO:
                return HttpStatus.UNPROCESSABLE_CONTENT;
            default:
                return HttpStatus.BAD_REQUEST;
        }
    }

    private static <T> ResponseEntity<T> respond(T problem, HttpStatusCode status, @Nullable Duration retryAfter,
                                                 @Nullable String authenticate) {
        return ResponseEntity.status(status).headers(Problems.headers(retryAfter, authenticate))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
