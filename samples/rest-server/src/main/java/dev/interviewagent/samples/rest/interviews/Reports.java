package dev.interviewagent.samples.rest.interviews;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.core.report.ReportFormat;
import dev.interviewagent.samples.rest.problem.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The report as JSON or Markdown, whichever the {@code Accept} header prefers (JSON when it has no preference). */
public final class Reports {

    /** Markdown, as the report is sent. */
    public static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);
    public static final String MARKDOWN_VALUE = "text/markdown";

    private Reports() {
    }

    /**
     * The report of {@code id} in the format {@code accept} prefers.
     *
     * @throws ApiException 406 when {@code accept} takes neither JSON nor Markdown, 400 when it cannot be parsed
     */
    public static ResponseEntity<String> render(InterviewEngine engine, InterviewId id, @Nullable String accept) {
        ReportFormat format = negotiate(accept);
        String body = engine.report(id, format);
        MediaType type = format == ReportFormat.MARKDOWN ? MARKDOWN : MediaType.APPLICATION_JSON;
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noStore()).body(body);
    }

    /** The format {@code accept} prefers: JSON when it says nothing; 406 when it takes neither. */
    public static ReportFormat negotiate(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            return ReportFormat.JSON;
        }
        List<MediaType> types;
        try {
            types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            throw ApiException.badRequest("the Accept header cannot be parsed");
        }
        types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.getQualityValue() <= 0) {
                continue;
            }
            if (type.includes(MediaType.APPLICATION_JSON)) {
                return ReportFormat.JSON;
            }
            if (type.includes(MARKDOWN)) {
                return ReportFormat.MARKDOWN;
            }
        }
        throw ApiException.of(HttpStatus.NOT_ACCEPTABLE, ErrorCode.BAD_REQUEST,
                "the report is available as application/json or text/markdown");
    }
}
