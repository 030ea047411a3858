package dev.interviewagent.samples.rest.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error report (for a request it refuses before the application sees it, such as a path with an
 * encoded {@code /}) as a problem detail, instead of Tomcat's HTML page: the status and its SDK error code, nothing
 * about the server. Replaces Tomcat's {@link ErrorReportValve} on the host ({@code TomcatProblemReports}).
 */
public class ProblemReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus resolved = HttpStatus.resolve(status);
        HttpStatus known = resolved == null ? HttpStatus.BAD_REQUEST : resolved;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", known.getReasonPhrase());
        body.put("status", status);
        body.put("detail", known == HttpStatus.BAD_REQUEST ? "the request cannot be read (for example an encoded '/'"
                + " or an invalid character in its path)" : known.getReasonPhrase());
        body.put(Problems.CODE, Problems.codeFor(known).wireValue());
        try {
            String json = JSON.writeValueAsString(body);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem map is always serialisable", e);
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing more to say
        }
    }
}
