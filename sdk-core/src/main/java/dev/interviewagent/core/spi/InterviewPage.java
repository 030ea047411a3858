package dev.interviewagent.core.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of an interview listing ({@link InterviewStore#list}): up to {@link InterviewQuery#pageSize()} summaries
 * in {@link InterviewSummary#NEWEST_FIRST} order, and the cursor to the next page if more interviews matched.
 * Immutable.
 *
 * @param items the interviews of this page, in listing order; empty when nothing (more) matched
 * @param next  where the next page starts; null on the last page (see {@link #nextCursor()})
 */
public record InterviewPage(List<InterviewSummary> items, @Nullable InterviewCursor next) {

    public InterviewPage {
        items = List.copyOf(items);
    }

    /**
     * The page for {@code query} from the interviews a store found for it: the ones matching the query (from its
     * cursor on), in {@link InterviewSummary#NEWEST_FIRST} order, fetching one more than {@link
     * InterviewQuery#pageSize()} so the page knows whether another follows. Every store builds its pages here.
     *
     * @param query   the query the store answered
     * @param matches up to {@code pageSize + 1} matching interviews, in listing order
     * @throws IllegalArgumentException if {@code matches} holds more than {@code pageSize + 1} interviews or is not in
     *                                  listing order (a store bug; the contract kit checks the filters too)
     */
    public static InterviewPage of(InterviewQuery query, List<InterviewSummary> matches) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(matches, "matches");
        if (matches.size() > query.pageSize() + 1) {
            throw new IllegalArgumentException("a store must fetch at most pageSize + 1 = " + (query.pageSize() + 1)
                    + " interviews, got " + matches.size());
        }
        for (int i = 0; i < matches.size(); i++) {
            InterviewSummary summary = matches.get(i);
            if (i > 0 && InterviewSummary.NEWEST_FIRST.compare(matches.get(i - 1), summary) >= 0) {
                throw new IllegalArgumentException("interviews must be in NEWEST_FIRST order without repeats, "
                        + summary.id() + " is not");
            }
        }
        if (matches.size() <= query.pageSize()) {
            return new InterviewPage(matches, null);
        }
        List<InterviewSummary> page = new ArrayList<>(matches.subList(0, query.pageSize()));
        return new InterviewPage(page, InterviewCursor.after(query, page.get(page.size() - 1)));
    }

    /** Where the next page starts, for {@link InterviewQuery#after(InterviewCursor)}; empty on the last page. */
    public Optional<InterviewCursor> nextCursor() {
        return Optional.ofNullable(next);
    }

    /** Whether another page may follow. */
    public boolean hasNext() {
        return next != null;
    }
}
