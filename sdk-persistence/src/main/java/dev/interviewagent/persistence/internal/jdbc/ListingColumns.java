package dev.interviewagent.persistence.internal.jdbc;

import dev.interviewagent.core.CloseReason;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewStatus;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.spi.InterviewSummary;
import dev.interviewagent.persistence.JdbcInterviewStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plain columns of {@code interviews} that listings filter on ({@code language}, {@code style},
 * {@code channel}, {@code stage}, {@code close_reason}): written with every state, read into summaries, and filled at
 * start-up for rows stored before they existed (schema version 2).
 */
final class ListingColumns {

    // The store's log lines keep the public class's logger name, which operators' log configuration refers to.
    private static final Logger log = LoggerFactory.getLogger(JdbcInterviewStore.class);
    private static final int FILL_BATCH = 200;

    private final JdbcDatabase database;
    private final StateColumn states;

    ListingColumns(JdbcDatabase database, StateColumn states) {
        this.database = database;
        this.states = states;
    }

    /** Binds the listing columns from {@code i} on, in {@code Sql.LISTING_COLUMNS} order; returns the next index. */
    static int bind(PreparedStatement ps, int i, Interview state) throws SQLException {
        ps.setString(i++, state.language().code());
        ps.setString(i++, state.style());
        ps.setString(i++, InterviewSummary.channelOf(state.channelKey()));
        ps.setString(i++, state.stage().code());
        ps.setString(i++, state.closeReason() == null ? null : state.closeReason().code());
        return i;
    }

    /**
     * A row of the listing query ({@link Sql#list}) as a summary. A row written before the listing columns existed,
     * and not filled yet (see {@link #fill()}), takes language, style, stage and close reason from its state document.
     */
    InterviewSummary summary(ResultSet rs) throws SQLException {
        InterviewId id = InterviewId.of(rs.getString(1));
        InterviewStatus status = InterviewStatus.fromCode(rs.getString(2));
        String channelKey = rs.getString(5);
        int turnCount = rs.getInt(7);
        Instant startedAt = rs.getObject(8, OffsetDateTime.class).toInstant();
        Instant updatedAt = rs.getObject(9, OffsetDateTime.class).toInstant();
        String language = rs.getString(3);
        if (language == null) {
            Interview state = states.read(rs.getString(11), id);
            return new InterviewSummary(id, status, state.language(), state.style(),
                    InterviewSummary.channelOf(channelKey), channelKey, state.stage(), turnCount, startedAt, updatedAt,
                    state.closeReason());
        }
        String closeReason = rs.getString(10);
        return new InterviewSummary(id, status, Language.of(language), rs.getString(4),
                InterviewSummary.channelOf(channelKey), channelKey, Stage.fromCode(rs.getString(6)), turnCount,
                startedAt, updatedAt, closeReason == null ? null : CloseReason.fromCode(closeReason));
    }

    /**
     * Fills the listing columns of rows written before they existed and that SQL could not read (every row on H2,
     * encrypted states on PostgreSQL), in batches. A row this store cannot decrypt is left as it is and lists from
     * its state document, which then fails as loading it would.
     *
     * @return how many rows were filled
     */
    int fill() {
        Sql sql = database.sql();
        int filled = 0;
        int unreadable = 0;
        String after = "";
        while (true) {
            String from = after;
            List<String[]> batch = database.run(null, "fillListingColumns", c -> {
                try (PreparedStatement ps = database.prepare(c, sql.unlisted)) {
                    ps.setString(1, from);
                    ps.setInt(2, FILL_BATCH);
                    List<String[]> rows = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new String[] {rs.getString(1), rs.getString(2)});
                        }
                    }
                    return rows;
                }
            });
            for (String[] row : batch) {
                Interview state;
                try {
                    state = states.read(row[1], InterviewId.of(row[0]));
                } catch (RuntimeException e) {
                    // One unreadable row must not keep the store from starting; listing it fails as load() does.
                    unreadable++;
                    log.debug("{} listing columns not filled: {}", row[0], e.getClass().getSimpleName());
                    continue;
                }
                Interview readable = state;
                filled += database.run(state.id(), "fillListingColumns", c -> {
                    try (PreparedStatement ps = database.prepare(c, sql.fillListing)) {
                        ps.setString(bind(ps, 1, readable), readable.id().value());
                        return ps.executeUpdate();
                    }
                });
            }
            if (batch.size() < FILL_BATCH) {
                break;
            }
            after = batch.get(batch.size() - 1)[0];
        }
        if (filled > 0) {
            log.info("filled the listing columns of {} interviews stored before they existed", filled);
        }
        if (unreadable > 0) {
            log.warn("{} interviews stored before the listing columns existed cannot be read (a missing encryption "
                    + "key, or values of an earlier format that need the encryption migration?): a listing page that "
                    + "includes one fails until the key is configured or the migration has run", unreadable);
        }
        return filled;
    }
}
