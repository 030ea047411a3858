package dev.interviewagent.samples.rest.admin;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.experiment.OutcomeReport;
import dev.interviewagent.core.experiment.OutcomeReportRenderer;
import dev.interviewagent.core.report.ReportFormat;
import dev.interviewagent.core.spi.InterviewQuery;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.samples.rest.interviews.Reports;
import dev.interviewagent.samples.rest.openapi.ProblemResponses;
import dev.interviewagent.samples.rest.problem.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outcome report of a style experiment over the stored interviews (docs/experiments.md): per style and language,
 * completion, stages, answers, duration, knowledge captured, vague answers challenged and the member-check rating,
 * each with n and a 95 % interval, and a plain verdict per comparison. Behind the admin token, like every
 * {@code /api/admin} endpoint.
 */
@RestController
@RequestMapping(path = "/api/admin/experiments", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "operator")
@SecurityRequirement(name = "adminToken")
public class ExperimentController {

    /** An experiment name as {@code StyleExperiment} accepts it. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final InterviewStore store;
    private final OutcomeReportRenderer renderer = new OutcomeReportRenderer();

    public ExperimentController(InterviewStore store) {
        this.store = store;
    }

    @GetMapping(path = "/{name}/outcomes", produces = {MediaType.APPLICATION_JSON_VALUE, Reports.MARKDOWN_VALUE})
    @Operation(operationId = "getExperimentOutcomes", summary = "A style experiment's outcome report",
            description = "Reads every stored interview of the experiment (narrow it by language and start time) and"
                    + " compares its styles. JSON or Markdown by `Accept`; Markdown in `language` (English when"
                    + " none is given). An experiment with no interviews gives a report with no groups.",
            responses = @ApiResponse(responseCode = "200", description = "The outcome report.", content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object",
                            description = "The outcome report, as docs/experiments.md describes it.")),
                    @Content(mediaType = Reports.MARKDOWN_VALUE, schema = @Schema(type = "string"))}))
    @ProblemResponses({400, 401, 403, 406})
    public ResponseEntity<String> outcomes(
            @Parameter(description = "The experiment's name.",
                    schema = @Schema(pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"))
            @PathVariable String name,
            @Parameter(schema = @Schema(allowableValues = {"en", "ru"}))
            @RequestParam(required = false) @Nullable String language,
            @Parameter(description = "Started at or after this instant.", schema = @Schema(format = "date-time"))
            @RequestParam(required = false) @Nullable String startedFrom,
            @Parameter(description = "Started before this instant.", schema = @Schema(format = "date-time"))
            @RequestParam(required = false) @Nullable String startedBefore,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Parameter(hidden = true)
            @Nullable String accept) {
        if (!NAME.matcher(name).matches()) {
            throw ApiException.badRequest("the experiment name must be 1-64 of A-Z a-z 0-9 . _ - (starting with a letter or digit)");
        }
        ReportFormat format = Reports.negotiate(accept);
        Language reportLanguage = Language.ENGLISH;
        InterviewQuery query;
        try {
            InterviewQuery.Builder builder = InterviewQuery.builder()
                    .startedFrom(instant("startedFrom", startedFrom))
                    .startedBefore(instant("startedBefore", startedBefore));
            if (language != null) {
                reportLanguage = Language.fromCode(language).filter(l -> l.code().equals(language))
                        .orElseThrow(() -> new IllegalArgumentException("language must be en or ru"));
                builder.language(reportLanguage);
            }
            query = builder.build();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        OutcomeReport report = OutcomeReport.builder(store).experiment(name).query(query).build();
        MediaType type = format == ReportFormat.MARKDOWN ? Reports.MARKDOWN : MediaType.APPLICATION_JSON;
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noStore())
                .body(renderer.render(report, format, reportLanguage));
    }

    private static @Nullable Instant instant(String name, @Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }
}
