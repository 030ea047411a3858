package dev.interviewagent.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.exception.StoreException;
import dev.interviewagent.core.internal.json.JsonMappers;
import dev.interviewagent.core.spi.InterviewStore;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A respondent's rights over their data, by channel key (e.g. {@code telegram:12345}): export everything stored about
 * them as one JSON document, or delete all of it. Works on any {@link InterviewStore}; pass the store the engine uses
 * (a Redis store from sdk-persistence-redis, so its cache is cleared too) and the {@link ReportArchive} holding reports
 * (a {@link JdbcInterviewStore} is both).
 *
 * <p>Thread-safe; blocks on the store. Deleting while one of the respondent's interviews takes a turn may leave that
 * turn's commit failing (it finds no interview), never a partial interview. Both operations are safe to repeat.
 */
public final class PrivacyOperations {

    private static final Logger log = LoggerFactory.getLogger(PrivacyOperations.class);

    private final InterviewStore store;
    private final ReportArchive reports;
    private final Clock clock;
    private final ObjectMapper mapper;

    private PrivacyOperations(InterviewStore store, ReportArchive reports, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.mapper = JsonMappers.store();
    }

    /** Operations over {@code store}, with reports from {@code reports}. */
    public static PrivacyOperations of(InterviewStore store, ReportArchive reports, Clock clock) {
        return new PrivacyOperations(store, reports, clock);
    }

    /** Operations over a JDBC store, which also holds the reports. */
    public static PrivacyOperations of(JdbcInterviewStore store) {
        return new PrivacyOperations(store, store, Clock.systemUTC());
    }

    /**
     * Everything stored about one respondent: each interview's state (profile, knowledge, progress), its full turn
     * log and its archived report, oldest interview first. Decrypted. Contains personal data: hand it only to the
     * respondent.
     *
     * <pre>{@code {"channelKey": "...", "exportedAt": "...", "interviews": [
     *     {"interview": {...}, "turns": [...], "report": {"json": {...}, "markdown": "...", "archivedAt": "..."}}]}}</pre>
     *
     * @throws StoreException if the store fails
     */
    public String exportRespondent(String channelKey) {
        Objects.requireNonNull(channelKey, "channelKey");
        ObjectNode root = mapper.createObjectNode();
        root.put("channelKey", channelKey);
        root.put("exportedAt", clock.instant().toString());
        ArrayNode interviews = root.putArray("interviews");
        List<InterviewId> ids = store.findByChannelKey(channelKey);
        for (InterviewId id : ids) {
            Optional<Interview> state = store.load(id);
            if (state.isEmpty()) {
                continue;
            }
            ObjectNode entry = interviews.addObject();
            entry.set("interview", mapper.valueToTree(state.get()));
            entry.set("turns", mapper.valueToTree(store.turns(id)));
            reports.findReport(id).ifPresent(report -> {
                ObjectNode r = entry.putObject("report");
                r.set("json", parseOrText(report.json()));
                r.put("markdown", report.markdown());
                r.put("archivedAt", report.archivedAt().toString());
            });
        }
        log.info("exported {} interviews of one respondent", ids.size());
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write the export", e);
        }
    }

    /**
     * Deletes every interview of one respondent with its turns, knowledge, idempotency records and report.
     *
     * @return how many interviews were deleted
     * @throws StoreException if the store fails (repeat the call: it continues where it stopped)
     */
    public int deleteRespondent(String channelKey) {
        Objects.requireNonNull(channelKey, "channelKey");
        int deleted = 0;
        for (InterviewId id : store.findByChannelKey(channelKey)) {
            if (store.delete(id)) {
                deleted++;
            }
        }
        log.info("deleted {} interviews of one respondent", deleted);
        return deleted;
    }

    private JsonNode parseOrText(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return mapper.getNodeFactory().textNode(json);
        }
    }
}
