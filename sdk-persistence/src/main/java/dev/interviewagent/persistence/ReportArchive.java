package dev.interviewagent.persistence;

import dev.interviewagent.core.InterviewId;
import java.util.Optional;

/**
 * Keeps the final report of each interview next to its transcript, so exports, deletion and retention treat them
 * together. Thread-safe; methods block on I/O and throw {@link dev.interviewagent.core.exception.StoreException} when
 * the store fails (retrying is safe: archiving again replaces the report).
 */
public interface ReportArchive {

    /** Keeps nothing; {@link #findReport} is always empty. */
    ReportArchive NONE = new ReportArchive() {
        @Override
        public void archiveReport(InterviewId id, String json, String markdown) {
        }

        @Override
        public Optional<ArchivedReport> findReport(InterviewId id) {
            return Optional.empty();
        }
    };

    /**
     * Stores (or replaces) the report of an interview.
     *
     * @throws dev.interviewagent.core.exception.InterviewNotFoundException if the interview is not stored
     */
    void archiveReport(InterviewId id, String json, String markdown);

    /** The archived report, or empty. */
    Optional<ArchivedReport> findReport(InterviewId id);
}
