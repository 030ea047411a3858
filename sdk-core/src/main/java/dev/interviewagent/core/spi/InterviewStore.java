package dev.interviewagent.core.spi;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.exception.ConcurrentTurnException;
import dev.interviewagent.core.exception.StoreException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where interviews live: a current-state record with a version (optimistic locking) next to an append-only turn
 * log, plus the respondent message ids already handled (idempotency), and a filtered, paged listing of summaries
 * for operator views ({@link #list(InterviewQuery)}).
 *
 * <p>Implementations must be thread-safe. Every method may block on I/O; the engine calls them with its own
 * timeout. Failures are reported as {@link StoreException} (retriable) unless stated otherwise. Contract tests for
 * implementations ship in the sdk-core test-jar as {@code InterviewStoreContract}.
 */
public interface InterviewStore {

    /**
     * Stores a new interview together with its first turns, atomically.
     *
     * @throws ConcurrentTurnException if an interview with the same id already exists
     */
    void create(Interview interview, List<Turn> turns);

    /** The current state of an interview, or empty if there is none with that id. */
    Optional<Interview> load(InterviewId id);

    /**
     * Atomically replaces the state and appends turns, if and only if the stored version is
     * {@code expectedVersion}. {@code next.version()} must be {@code expectedVersion + 1}, and the turns must
     * continue the log without gaps ({@code next.turnCount()} is the number of the last turn). Either everything is
     * stored or nothing is.
     *
     * @throws ConcurrentTurnException if the stored version differs (another writer won), or a respondent turn
     *                                 repeats a message id already stored for this interview
     * @throws IllegalArgumentException if the versions or turn numbers are inconsistent
     */
    void commit(long expectedVersion, Interview next, List<Turn> turns);

    /** The whole turn log of an interview, in order; empty if there is none. */
    List<Turn> turns(InterviewId id);

    /**
     * The last {@code limit} turns of the log, oldest first. The default reads the whole log; stores with a cheaper
     * way to read the tail should override it.
     */
    default List<Turn> recentTurns(InterviewId id, int limit) {
        List<Turn> all = turns(id);
        return all.subList(Math.max(0, all.size() - limit), all.size());
    }

    /**
     * The turns numbered {@code first} to {@code last} (both inclusive, 1-based), oldest first; fewer when the log is
     * shorter, empty if there is no such interview or the range is empty. For paged reads of the conversation
     * (the engine's {@code history}). The default reads the whole log and cuts it; stores with a cheaper way to read
     * a range should override it.
     *
     * @throws IllegalArgumentException if {@code first} is below 1
     */
    default List<Turn> turnRange(InterviewId id, int first, int last) {
        if (first < 1) {
            throw new IllegalArgumentException("first must be >= 1, was " + first);
        }
        List<Turn> all = turns(id);
        int from = Math.min(first - 1, all.size());
        int to = Math.max(from, Math.min(last, all.size()));
        return List.copyOf(all.subList(from, to));
    }

    /**
     * The respondent turn that carried this inbound message id, if it was stored (idempotency lookup).
     */
    Optional<Turn> findByMessageId(InterviewId id, MessageId messageId);

    /** The most recent active interview bound to a channel key (e.g. {@code telegram:12345}). */
    Optional<InterviewId> findActiveByChannelKey(String channelKey);

    /**
     * Every interview bound to a channel key, whatever its status, oldest first (for a respondent's data export or
     * deletion).
     */
    List<InterviewId> findByChannelKey(String channelKey);

    /** Up to {@code limit} active interviews whose last change is before {@code cutoff} (for abandonment). */
    List<InterviewId> findActiveIdleSince(Instant cutoff, int limit);

    /**
     * One page of interviews matching {@code query}, as summaries (no state document, no turns): for operator views
     * and reports without raw SQL. Filters touch only non-secret facts (status, language, style, channel, channel
     * key, start and last-change times), so stores can answer from plain columns even when states are encrypted.
     *
     * <p>Order: {@link InterviewSummary#NEWEST_FIRST}, the most recent change first, ties broken by id. Build the
     * result with {@link InterviewPage#of(InterviewQuery, List)} from up to {@code pageSize + 1} matching interviews
     * after the query's cursor (an exclusive keyset position, never an offset). So paging while interviews change
     * never repeats nor skips an interview that did not change between pages; one that changed moves to the front
     * and is not shown again on later pages, one deleted is no longer listed, and one created is on a first page.
     * Every call reads the store afresh: a page reflects every write completed before the call.
     *
     * @throws StoreException if the store cannot be read (retriable; the same query may be repeated)
     */
    InterviewPage list(InterviewQuery query);

    /**
     * Deletes an interview, its turns and its idempotency records.
     *
     * @return whether there was anything to delete
     */
    boolean delete(InterviewId id);
}
