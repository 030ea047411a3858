package dev.interviewagent.persistence.internal.jdbc;

import static dev.interviewagent.persistence.internal.jdbc.JdbcDatabase.utc;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.exception.ConcurrentTurnException;
import dev.interviewagent.core.spi.InterviewPage;
import dev.interviewagent.core.spi.InterviewQuery;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.core.spi.InterviewSummary;
import dev.interviewagent.persistence.JdbcInterviewStore;
import dev.interviewagent.persistence.internal.StoredText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interview store proper on the {@code interviews} and {@code turns} tables: the {@link InterviewStore} SPI,
 * with a commit atomic in one statement on PostgreSQL and in one transaction on H2. {@link JdbcInterviewStore} is
 * its public face. Thread-safe.
 */
public final class JdbcInterviews implements InterviewStore {

    // The store's log lines keep the public class's logger name, which operators' log configuration refers to.
    private static final Logger log = LoggerFactory.getLogger(JdbcInterviewStore.class);

    private final JdbcDatabase database;
    private final Sql sql;
    private final Clock clock;
    private final StateColumn states;
    private final TurnRows turnRows;
    private final ListingColumns listing;

    public JdbcInterviews(JdbcDatabase database, StoredText text, StorableText storable, Clock clock) {
        this.database = database;
        this.sql = database.sql();
        this.clock = clock;
        this.states = new StateColumn(text);
        this.turnRows = new TurnRows(database, text, storable);
        this.listing = new ListingColumns(database, states);
    }

    @Override
    public void create(Interview interview, List<Turn> turns) {
        Objects.requireNonNull(interview, "interview");
        Objects.requireNonNull(turns, "turns");
        TurnRows.checkContinuation(interview, turns);
        if (interview.turnCount() != turns.size()) {
            throw new IllegalArgumentException("turnCount must be " + turns.size() + ", was " + interview.turnCount());
        }
        String state = states.document(interview);
        List<Turn> stored = turnRows.sealed(interview.id(), turns);
        database.run(interview.id(), "create", c -> {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = database.prepare(c, sql.insertInterview)) {
                    ps.setString(1, interview.id().value());
                    ps.setLong(2, interview.version());
                    ps.setString(3, interview.status().code());
                    ps.setString(4, interview.channelKey());
                    ps.setInt(5, interview.turnCount());
                    ps.setString(6, state);
                    ps.setObject(7, utc(interview.createdAt()));
                    ps.setObject(8, utc(interview.updatedAt()));
                    ps.setObject(9, utc(interview.endedAt()));
                    ListingColumns.bind(ps, 10, interview);
                    ps.executeUpdate();
                }
                turnRows.insert(c, interview.id(), stored);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                JdbcDatabase.rollback(c);
                throw e;
            }
            return null;
        });
        log.debug("{} created with {} turns", interview.id(), turns.size());
    }

    @Override
    public Optional<Interview> load(InterviewId id) {
        Objects.requireNonNull(id, "id");
        String document = database.run(id, "load", c -> {
            try (PreparedStatement ps = database.prepare(c, sql.loadState)) {
                ps.setString(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        return document == null ? Optional.empty() : Optional.of(states.read(document, id));
    }

    @Override
    public void commit(long expectedVersion, Interview next, List<Turn> turns) {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(turns, "turns");
        if (next.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("next version must be " + (expectedVersion + 1) + ", was "
                    + next.version());
        }
        TurnRows.checkContinuation(next, turns);
        int previousCount = next.turnCount() - turns.size();
        String state = states.document(next);
        List<Turn> stored = turnRows.sealed(next.id(), turns);
        int updated = database.run(next.id(), "commit", c -> {
            if (database.dialect().singleStatementCommit() && !stored.isEmpty()) {
                try (PreparedStatement ps = database.prepare(c, sql.singleStatementCommit(stored.size()))) {
                    int i = bindUpdate(ps, next, state, expectedVersion, previousCount);
                    for (Turn turn : stored) {
                        i = TurnRows.bindValues(ps, i, turn);
                    }
                    int inserted = ps.executeUpdate();
                    return inserted == stored.size() ? 1 : 0;
                }
            }
            if (stored.isEmpty()) {
                try (PreparedStatement ps = database.prepare(c, sql.updateState)) {
                    bindUpdate(ps, next, state, expectedVersion, previousCount);
                    return ps.executeUpdate();
                }
            }
            c.setAutoCommit(false);
            try {
                int n;
                try (PreparedStatement ps = database.prepare(c, sql.updateState)) {
                    bindUpdate(ps, next, state, expectedVersion, previousCount);
                    n = ps.executeUpdate();
                }
                if (n == 1) {
                    turnRows.insert(c, next.id(), stored);
                    c.commit();
                } else {
                    c.rollback();
                }
                return n;
            } catch (SQLException | RuntimeException e) {
                JdbcDatabase.rollback(c);
                throw e;
            }
        });
        if (updated != 1) {
            explainRejectedCommit(next.id(), expectedVersion, previousCount);
        }
    }

    /** Called when a commit matched no row: says why, as the SPI requires. Always throws. */
    private void explainRejectedCommit(InterviewId id, long expectedVersion, int previousCount) {
        long[] current = database.run(id, "commit", c -> {
            try (PreparedStatement ps = database.prepare(c, sql.versionAndCount)) {
                ps.setString(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : null;
                }
            }
        });
        if (current == null) {
            throw new ConcurrentTurnException("interview " + id + " does not exist (deleted?)");
        }
        if (current[0] != expectedVersion) {
            throw new ConcurrentTurnException("interview " + id + " is at version " + current[0] + ", expected "
                    + expectedVersion);
        }
        if (current[1] != previousCount) {
            throw new IllegalArgumentException("turn numbers must continue the log at " + (current[1] + 1)
                    + ", started at " + (previousCount + 1));
        }
        // Same version and count now: another writer committed and was rolled back in between, or a race; retry.
        throw new ConcurrentTurnException("interview " + id + " changed during the commit");
    }

    private static int bindUpdate(PreparedStatement ps, Interview next, String state, long expectedVersion,
                                  int previousCount) throws SQLException {
        ps.setLong(1, next.version());
        ps.setString(2, next.status().code());
        ps.setString(3, next.channelKey());
        ps.setInt(4, next.turnCount());
        ps.setString(5, state);
        ps.setObject(6, utc(next.updatedAt()));
        ps.setObject(7, utc(next.endedAt()));
        int i = ListingColumns.bind(ps, 8, next);
        ps.setString(i++, next.id().value());
        ps.setLong(i++, expectedVersion);
        ps.setInt(i++, previousCount);
        return i;
    }

    @Override
    public List<Turn> turns(InterviewId id) {
        Objects.requireNonNull(id, "id");
        return readTurns(id, "turns", sql.turns, ps -> ps.setString(1, id.value()));
    }

    @Override
    public List<Turn> recentTurns(InterviewId id, int limit) {
        Objects.requireNonNull(id, "id");
        if (limit <= 0) {
            return List.of();
        }
        List<Turn> newestFirst = readTurns(id, "recentTurns", sql.recentTurns, ps -> {
            ps.setString(1, id.value());
            ps.setInt(2, limit);
        });
        List<Turn> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return List.copyOf(oldestFirst);
    }

    @Override
    public List<Turn> turnRange(InterviewId id, int first, int last) {
        Objects.requireNonNull(id, "id");
        if (first < 1) {
            throw new IllegalArgumentException("first must be >= 1, was " + first);
        }
        if (last < first) {
            return List.of();
        }
        return List.copyOf(readTurns(id, "turnRange", sql.turnRange, ps -> {
            ps.setString(1, id.value());
            ps.setInt(2, first);
            ps.setInt(3, last);
        }));
    }

    @Override
    public Optional<Turn> findByMessageId(InterviewId id, MessageId messageId) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(messageId, "messageId");
        return readTurns(id, "findByMessageId", sql.turnByMessageId, ps -> {
            ps.setString(1, id.value());
            ps.setString(2, messageId.value());
        }).stream().findFirst();
    }

    private List<Turn> readTurns(InterviewId id, String operation, String query, JdbcDatabase.Binder binder) {
        return database.run(id, operation, c -> {
            try (PreparedStatement ps = database.prepare(c, query)) {
                binder.bind(ps);
                return turnRows.read(ps, id);
            }
        });
    }

    @Override
    public Optional<InterviewId> findActiveByChannelKey(String channelKey) {
        Objects.requireNonNull(channelKey, "channelKey");
        return readIds("findActiveByChannelKey", sql.activeByChannelKey, ps -> ps.setString(1, channelKey))
                .stream().findFirst();
    }

    @Override
    public List<InterviewId> findByChannelKey(String channelKey) {
        Objects.requireNonNull(channelKey, "channelKey");
        return readIds("findByChannelKey", sql.byChannelKey, ps -> ps.setString(1, channelKey));
    }

    @Override
    public List<InterviewId> findActiveIdleSince(Instant cutoff, int limit) {
        Objects.requireNonNull(cutoff, "cutoff");
        if (limit <= 0) {
            return List.of();
        }
        return readIds("findActiveIdleSince", sql.activeIdleSince, ps -> {
            ps.setObject(1, utc(cutoff));
            ps.setInt(2, limit);
        });
    }

    private List<InterviewId> readIds(String operation, String query, JdbcDatabase.Binder binder) {
        return database.run(null, operation, c -> {
            try (PreparedStatement ps = database.prepare(c, query)) {
                binder.bind(ps);
                List<InterviewId> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(InterviewId.of(rs.getString(1)));
                    }
                }
                return ids;
            }
        });
    }

    @Override
    public InterviewPage list(InterviewQuery query) {
        Objects.requireNonNull(query, "query");
        Sql.Statement statement = sql.list(query);
        List<InterviewSummary> matches = database.run(null, "list", c -> {
            try (PreparedStatement ps = database.prepare(c, statement.sql())) {
                int i = 1;
                for (Object parameter : statement.parameters()) {
                    ps.setObject(i++, parameter);
                }
                List<InterviewSummary> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(listing.summary(rs));
                    }
                }
                return out;
            }
        });
        return InterviewPage.of(query, matches);
    }

    /**
     * Fills the listing columns of interviews stored before they existed (see {@link ListingColumns#fill()}).
     *
     * @return how many rows were filled
     */
    public int fillListingColumns() {
        return listing.fill();
    }

    @Override
    public boolean delete(InterviewId id) {
        Objects.requireNonNull(id, "id");
        int deleted = database.run(id, "delete", c -> update(c, sql.deleteInterview, ps -> ps.setString(1, id.value())));
        if (deleted > 0) {
            log.info("{} deleted from the store", id);
        }
        return deleted > 0;
    }

    /** See {@link JdbcInterviewStore#purgeArchived(Duration)}. */
    public int purgeArchived(Duration olderThan) {
        Objects.requireNonNull(olderThan, "olderThan");
        if (olderThan.isNegative()) {
            throw new IllegalArgumentException("olderThan must be >= 0, was " + olderThan);
        }
        Instant cutoff = clock.instant().minus(olderThan);
        int purged = database.run(null, "purgeArchived", c -> update(c, sql.purgeArchived,
                ps -> ps.setObject(1, utc(cutoff))));
        log.info("purged {} archived interviews that ended before {}", purged, cutoff);
        return purged;
    }

    private int update(Connection c, String statement, JdbcDatabase.Binder binder) throws SQLException {
        try (PreparedStatement ps = database.prepare(c, statement)) {
            binder.bind(ps);
            return ps.executeUpdate();
        }
    }
}
