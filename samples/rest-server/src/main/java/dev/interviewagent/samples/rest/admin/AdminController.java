package dev.interviewagent.samples.rest.admin;

import dev.interviewagent.core.EngineMetrics;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewSnapshot;
import dev.interviewagent.core.InterviewStatus;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.spi.InterviewCursor;
import dev.interviewagent.core.spi.InterviewPage;
import dev.interviewagent.core.spi.InterviewQuery;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.core.spi.InterviewSummary;
import dev.interviewagent.core.spi.InterviewerBrain;
import dev.interviewagent.samples.rest.access.InterviewAccess;
import dev.interviewagent.samples.rest.interviews.InterviewController;
import dev.interviewagent.samples.rest.interviews.InterviewData;
import dev.interviewagent.samples.rest.interviews.Reports;
import dev.interviewagent.samples.rest.openapi.ProblemResponses;
import dev.interviewagent.samples.rest.problem.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator API: list interviews by status, date, language, style and channel (the store's keyset listing), a
 * metrics summary, and any interview's report, export and deletion. Every request needs the admin token
 * ({@code INTERVIEW_ADMIN_TOKEN}, checked by {@link dev.interviewagent.samples.rest.access.AdminAccess}).
 */
@RestController
@RequestMapping(path = "/api/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "operator", description = "The operator API: listing, metrics, reports, export and deletion. Needs the"
        + " admin token (INTERVIEW_ADMIN_TOKEN); off without one (403).")
@SecurityRequirement(name = "adminToken")
public class AdminController {

    private static final Logger log = LoggerFactory.getLogger(AdminController.class);
    /** The most interviews counted per status in the metrics summary (each count pages through the store). */
    static final int COUNT_LIMIT = 10_000;

    private final InterviewEngine engine;
    private final InterviewStore store;
    private final InterviewerBrain brain;
    private final InterviewData data;

    public AdminController(InterviewEngine engine, InterviewStore store, InterviewerBrain brain, InterviewData data) {
        this.engine = engine;
        this.store = store;
        this.brain = brain;
        this.data = data;
    }

    @GetMapping("/interviews")
    @Operation(operationId = "listInterviews", summary = "List interviews",
            description = "Interviews matching every given filter, most recently changed first, a page at a time."
                    + " Continue with `cursor` (from `nextCursor`) and the same filters.")
    @ProblemResponses({400, 401, 403})
    public PageView list(
            @Parameter(description = "Only these statuses (repeat the parameter for several).",
                    array = @ArraySchema(schema = @Schema(allowableValues = {"active", "completed", "ended_early",
                            "ended_emergency", "abandoned"})))
            @RequestParam(name = "status", required = false) @Nullable List<String> status,
            @Parameter(schema = @Schema(allowableValues = {"en", "ru"}))
            @RequestParam(required = false) @Nullable String language,
            @Parameter(description = "A style code such as `master`.", schema = @Schema(minLength = 1, maxLength = 256))
            @RequestParam(required = false) @Nullable String style,
            @Parameter(description = "A channel such as `rest`, `telegram` or `web`.",
                    schema = @Schema(minLength = 1, maxLength = 512, pattern = "^[^:]+$"))
            @RequestParam(required = false) @Nullable String channel,
            @Parameter(description = "Started at or after this instant.", schema = @Schema(format = "date-time"))
            @RequestParam(required = false) @Nullable String startedFrom,
            @Parameter(description = "Started before this instant.", schema = @Schema(format = "date-time"))
            @RequestParam(required = false) @Nullable String startedBefore,
            @Parameter(description = "Last changed at or after this instant.", schema = @Schema(format = "date-time"))
            @RequestParam(required = false) @Nullable String updatedFrom,
            @Parameter(description = "Last changed before this instant.", schema = @Schema(format = "date-time"))
            @RequestParam(required = false) @Nullable String updatedBefore,
            @Parameter(description = "Interviews per page.", schema = @Schema(type = "integer", minimum = "1",
                    maximum = "500", defaultValue = "50"))
            @RequestParam(required = false) @Nullable String pageSize,
            @Parameter(description = "Where to continue: `nextCursor` of the previous page.",
                    schema = @Schema(minLength = 1, maxLength = 256))
            @RequestParam(required = false) @Nullable String cursor) {
        InterviewQuery query;
        try {
            InterviewQuery.Builder builder = InterviewQuery.builder()
                    .statuses(statuses(status))
                    .language(language == null ? null : language(language))
                    .style(style).channel(channel)
                    .startedFrom(instant("startedFrom", startedFrom))
                    .startedBefore(instant("startedBefore", startedBefore))
                    .updatedFrom(instant("updatedFrom", updatedFrom))
                    .updatedBefore(instant("updatedBefore", updatedBefore))
                    .pageSize(pageSize == null ? InterviewQuery.DEFAULT_PAGE_SIZE : pageSize(pageSize));
            if (cursor != null) {
                builder.after(InterviewCursor.of(cursor));
            }
            query = builder.build();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        InterviewPage page = store.list(query);
        return new PageView(page.items().stream().map(SummaryView::of).toList(),
                page.nextCursor().map(InterviewCursor::value).orElse(null));
    }

    @GetMapping("/metrics")
    @Operation(operationId = "getMetricsSummary", summary = "Metrics summary",
            description = "The engine's counters since this process started, the interviews in the store by status"
                    + " and the brain in use.")
    @ProblemResponses({401, 403})
    public MetricsView metrics() {
        EngineMetrics m = engine.metrics();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (InterviewStatus status : InterviewStatus.values()) {
            counts.put(status.code(), count(status));
        }
        return new MetricsView(new MetricsView.EngineCounters(m.started(), m.answers(), m.duplicates(),
                m.brainFallbacks(), m.guardRepairs(), m.conflicts(), m.recoveries(), m.completed(), m.rejected()),
                counts, COUNT_LIMIT, brain.id());
    }

    @GetMapping("/interviews/{id}")
    @Operation(operationId = "getInterviewSummary", summary = "One interview's summary")
    @ProblemResponses({401, 403, 404})
    public SummaryView get(@PathVariable String id) {
        return SummaryView.of(InterviewSummary.of(load(id)));
    }

    @GetMapping(path = "/interviews/{id}/report", produces = {MediaType.APPLICATION_JSON_VALUE,
            Reports.MARKDOWN_VALUE})
    @Operation(operationId = "getInterviewReportAsOperator", summary = "An interview's report",
            description = "JSON or Markdown by `Accept`, as for the respondent.",
            responses = @ApiResponse(responseCode = "200", description = "The report.", content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object",
                            description = "The report, as docs/report-schema.json describes it.")),
                    @Content(mediaType = Reports.MARKDOWN_VALUE, schema = @Schema(type = "string"))}))
    @ProblemResponses({400, 401, 403, 404, 406})
    public ResponseEntity<String> report(@PathVariable String id,
                                         @RequestHeader(name = HttpHeaders.ACCEPT, required = false)
                                         @Parameter(hidden = true) @Nullable String accept) {
        return Reports.render(engine, load(id).id(), accept);
    }

    @GetMapping("/interviews/{id}/export")
    @Operation(operationId = "exportInterviewAsOperator", summary = "Export an interview",
            description = "Everything stored about the interview, decrypted (a data subject request).",
            responses = @ApiResponse(responseCode = "200", description = "The export, as an attachment.",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(ref = "#/components/schemas/Export"))))
    @ProblemResponses({401, 403, 404, 409})
    public ResponseEntity<String> export(@PathVariable String id) {
        InterviewSnapshot interview = load(id);
        log.info("{} exported by the operator", interview.id());
        return InterviewController.exportResponse(interview, data.export(interview));
    }

    @DeleteMapping("/interviews/{id}")
    @Operation(operationId = "deleteInterviewAsOperator", summary = "Delete an interview",
            description = "The interview and everything stored about it (a data subject request).",
            responses = @ApiResponse(responseCode = "204", description = "Deleted."))
    @ProblemResponses({401, 403, 404})
    public ResponseEntity<Void> delete(@PathVariable String id) {
        InterviewSnapshot interview = load(id);
        data.delete(interview);
        log.info("{} deleted by the operator", interview.id());
        return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
    }

    private InterviewSnapshot load(String id) {
        return engine.status(InterviewAccess.id(id));
    }

    /** How many interviews have {@code status}, paging through the listing up to {@link #COUNT_LIMIT}. */
    private int count(InterviewStatus status) {
        InterviewQuery query = InterviewQuery.builder().statuses(status).pageSize(InterviewQuery.MAX_PAGE_SIZE).build();
        int count = 0;
        InterviewPage page = store.list(query);
        while (true) {
            count += page.items().size();
            if (count >= COUNT_LIMIT || page.nextCursor().isEmpty()) {
                return Math.min(count, COUNT_LIMIT);
            }
            page = store.list(query.after(page.nextCursor().get()));
        }
    }

    private static List<InterviewStatus> statuses(@Nullable List<String> codes) {
        List<InterviewStatus> statuses = new ArrayList<>();
        if (codes != null) {
            for (String code : codes) {
                statuses.add(InterviewStatus.fromCode(code));
            }
        }
        return statuses;
    }

    private static Language language(String code) {
        return Language.fromCode(code).filter(l -> l.code().equals(code))
                .orElseThrow(() -> new IllegalArgumentException("language must be en or ru, was '" + code + "'"));
    }

    private static int pageSize(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("pageSize must be an integer 1-" + InterviewQuery.MAX_PAGE_SIZE);
        }
    }

    private static @Nullable Instant instant(String name, @Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an instant such as 2026-01-31T00:00:00Z");
        }
    }
}
