package dev.interviewagent.persistence;

import dev.interviewagent.core.InterviewId;
import java.time.Instant;
import java.util.Objects;

/**
 * The final report of an interview as the host archived it: opaque to the store.
 *
 * @param interviewId the interview it belongs to
 * @param json        the report as JSON (whatever shape the host's report API produced)
 * @param markdown    the report rendered for people
 * @param archivedAt  when it was archived
 */
public record ArchivedReport(InterviewId interviewId, String json, String markdown, Instant archivedAt) {

    public ArchivedReport {
        Objects.requireNonNull(interviewId, "interviewId");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(archivedAt, "archivedAt");
    }
}
