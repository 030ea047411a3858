package dev.interviewagent.core.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.exception.InvalidInputException;
import dev.interviewagent.core.internal.experiment.OutcomeMarkdown;
import dev.interviewagent.core.report.ReportFormat;
import java.util.Objects;

/**
 * Renders an {@link OutcomeReport} as JSON (its record components in snake case, enums by their codes, instants in
 * ISO-8601) or as Markdown in English or Russian: a table of figures per language, then the verdicts in plain words.
 * Style codes a host defined are escaped in the Markdown. Thread-safe.
 */
public final class OutcomeReportRenderer {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** Renders in the given format; Markdown in {@code language}. */
    public String render(OutcomeReport report, ReportFormat format, Language language) {
        return format == ReportFormat.JSON ? json(report) : markdown(report, language);
    }

    /** The report as pretty-printed JSON. */
    public String json(OutcomeReport report) {
        try {
            return mapper.writeValueAsString(Objects.requireNonNull(report, "report"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outcome report cannot be serialised", e);
        }
    }

    /**
     * Reads a report back from its JSON.
     *
     * @throws InvalidInputException if the JSON is not an outcome report
     */
    public OutcomeReport parse(String json) {
        try {
            return mapper.readValue(Objects.requireNonNull(json, "json"), OutcomeReport.class);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("not an outcome report: " + e.getOriginalMessage(), e);
        }
    }

    /** The report as Markdown with labels and verdicts in {@code language}. */
    public String markdown(OutcomeReport report, Language language) {
        return OutcomeMarkdown.render(Objects.requireNonNull(report, "report"),
                Objects.requireNonNull(language, "language"));
    }
}
