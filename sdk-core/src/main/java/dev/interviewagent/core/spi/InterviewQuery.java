package dev.interviewagent.core.spi;

import dev.interviewagent.core.InterviewStatus;
import dev.interviewagent.core.Language;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What to list from an {@link InterviewStore} ({@link InterviewStore#list}): filters on non-secret facts of an
 * interview, a page size and where to continue. Every filter is optional (null or empty means any) and all given
 * filters must hold. Results come in {@link InterviewSummary#NEWEST_FIRST} order, a page at a time, continued by an
 * opaque keyset {@link InterviewCursor}. Immutable and thread-safe; build it with {@link #builder()}.
 *
 * <pre>{@code
 * InterviewQuery query = InterviewQuery.builder()
 *         .statuses(InterviewStatus.ACTIVE)
 *         .language(Language.RUSSIAN)
 *         .updatedFrom(clock.instant().minus(Duration.ofHours(1)))
 *         .pageSize(50)
 *         .build();
 * InterviewPage page = store.list(query);
 * while (page.nextCursor().isPresent()) {
 *     page = store.list(query.after(page.nextCursor().get()));
 * }
 * }</pre>
 *
 * @param statuses      the statuses to include; empty for any
 * @param language      only interviews in this language; null for any
 * @param style         only interviews in this style code; null for any
 * @param channel       only interviews whose channel key starts with {@code channel + ":"} (see
 *                      {@link InterviewSummary#channelOf(String)}); null for any
 * @param channelKey    only interviews bound to exactly this channel key (one respondent of a channel); null for any
 * @param startedFrom   only interviews started at or after this instant; null for no lower bound
 * @param startedBefore only interviews started before this instant; null for no upper bound
 * @param updatedFrom   only interviews last changed at or after this instant; null for no lower bound
 * @param updatedBefore only interviews last changed before this instant; null for no upper bound
 * @param pageSize      at most this many interviews per page, 1–{@link #MAX_PAGE_SIZE}
 * @param cursor        continue after this position; null for the first page
 */
public record InterviewQuery(
        Set<InterviewStatus> statuses,
        @Nullable Language language,
        @Nullable String style,
        @Nullable String channel,
        @Nullable String channelKey,
        @Nullable Instant startedFrom,
        @Nullable Instant startedBefore,
        @Nullable Instant updatedFrom,
        @Nullable Instant updatedBefore,
        int pageSize,
        @Nullable InterviewCursor cursor) {

    /** Page size when none is set. */
    public static final int DEFAULT_PAGE_SIZE = 50;
    /** The largest page a store returns at once. */
    public static final int MAX_PAGE_SIZE = 500;

    /**
     * Validates every filter.
     *
     * @throws IllegalArgumentException if the page size is outside 1–{@link #MAX_PAGE_SIZE}, a text filter is blank
     *                                  or too long, {@code channel} contains {@code :}, a range is empty or
     *                                  reversed, or the cursor was issued for other filters
     */
    public InterviewQuery {
        statuses = Set.copyOf(Objects.requireNonNull(statuses, "statuses"));
        checkText("style", style, 256);
        checkText("channel", channel, 512);
        checkText("channelKey", channelKey, 512);
        if (channel != null && channel.indexOf(':') >= 0) {
            throw new IllegalArgumentException("channel is the part of a channel key before ':', so it cannot contain "
                    + "':', was '" + channel + "'");
        }
        checkRange("started", startedFrom, startedBefore);
        checkRange("updated", updatedFrom, updatedBefore);
        checkPageSize(pageSize);
        if (cursor != null && !cursor.queryFingerprint().equals(fingerprint(statuses, language, style, channel,
                channelKey, startedFrom, startedBefore, updatedFrom, updatedBefore))) {
            throw new IllegalArgumentException("the cursor was issued for a query with other filters; start again "
                    + "without a cursor");
        }
    }

    /** A builder: no filters, {@link #DEFAULT_PAGE_SIZE} per page, the first page. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset with this query's filters, page size and cursor. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * This query continued after {@code cursor}, usually {@link InterviewPage#nextCursor()} of the previous page.
     *
     * @throws IllegalArgumentException if the cursor was issued for a query with other filters
     */
    public InterviewQuery after(InterviewCursor cursor) {
        return toBuilder().after(Objects.requireNonNull(cursor, "cursor")).build();
    }

    /**
     * Whether an interview belongs to this query's listing from its cursor on: all filters hold and, with a cursor,
     * it comes strictly after the cursor's position in {@link InterviewSummary#NEWEST_FIRST} order. Stores that
     * filter in memory use it; SQL stores express the same conditions in their statement.
     */
    public boolean matches(InterviewSummary summary) {
        Objects.requireNonNull(summary, "summary");
        if (!statuses.isEmpty() && !statuses.contains(summary.status())) {
            return false;
        }
        if ((language != null && language != summary.language())
                || (style != null && !style.equals(summary.style()))
                || (channel != null && !channel.equals(summary.channel()))
                || (channelKey != null && !channelKey.equals(summary.channelKey()))) {
            return false;
        }
        if (!within(summary.startedAt(), startedFrom, startedBefore)
                || !within(summary.updatedAt(), updatedFrom, updatedBefore)) {
            return false;
        }
        if (cursor == null) {
            return true;
        }
        int byTime = summary.updatedAt().compareTo(cursor.updatedAt());
        return byTime < 0 || (byTime == 0 && summary.id().value().compareTo(cursor.id().value()) < 0);
    }

    /** A hash of the filters (not the page size or cursor) that ties a cursor to the query that issued it. */
    String fingerprint() {
        return fingerprint(statuses, language, style, channel, channelKey, startedFrom, startedBefore, updatedFrom,
                updatedBefore);
    }

    /** The channel key is the respondent's address in a channel: not spelled out in logs. */
    @Override
    public String toString() {
        return "InterviewQuery{statuses=" + statuses + ", language=" + language + ", style=" + style + ", channel="
                + channel + ", channelKey=" + (channelKey == null ? "null" : "<set>") + ", startedFrom=" + startedFrom
                + ", startedBefore=" + startedBefore + ", updatedFrom=" + updatedFrom + ", updatedBefore="
                + updatedBefore + ", pageSize=" + pageSize + ", cursor=" + (cursor == null ? "none" : "set") + "}";
    }

    private static boolean within(Instant at, @Nullable Instant from, @Nullable Instant before) {
        return (from == null || !at.isBefore(from)) && (before == null || at.isBefore(before));
    }

    private static void checkText(String name, @Nullable String value, int maxLength) {
        if (value != null && (value.isBlank() || value.length() > maxLength)) {
            throw new IllegalArgumentException(name + " must be 1-" + maxLength + " characters and not blank, was '"
                    + value + "'");
        }
    }

    private static void checkRange(String name, @Nullable Instant from, @Nullable Instant before) {
        if (from != null && before != null && !from.isBefore(before)) {
            throw new IllegalArgumentException(name + "From must be before " + name + "Before, was " + from + " and "
                    + before);
        }
    }

    private static void checkPageSize(int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be 1-" + MAX_PAGE_SIZE + ", was " + pageSize);
        }
    }

    private static String fingerprint(Set<InterviewStatus> statuses, @Nullable Language language,
                                      @Nullable String style, @Nullable String channel, @Nullable String channelKey,
                                      @Nullable Instant startedFrom, @Nullable Instant startedBefore,
                                      @Nullable Instant updatedFrom, @Nullable Instant updatedBefore) {
        StringBuilder canonical = new StringBuilder();
        for (InterviewStatus status : statuses.isEmpty() ? EnumSet.noneOf(InterviewStatus.class)
                : EnumSet.copyOf(statuses)) {
            field(canonical, "status", status.code());
        }
        field(canonical, "language", language == null ? null : language.code());
        field(canonical, "style", style);
        field(canonical, "channel", channel);
        field(canonical, "channelKey", channelKey);
        field(canonical, "startedFrom", startedFrom == null ? null : startedFrom.toString());
        field(canonical, "startedBefore", startedBefore == null ? null : startedBefore.toString());
        field(canonical, "updatedFrom", updatedFrom == null ? null : updatedFrom.toString());
        field(canonical, "updatedBefore", updatedBefore == null ? null : updatedBefore.toString());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(Arrays.copyOf(hash, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Length-prefixed, so no two different filter sets give the same text. */
    private static void field(StringBuilder out, String name, @Nullable String value) {
        out.append(name);
        if (value == null) {
            out.append("-;");
        } else {
            out.append('=').append(value.length()).append(':').append(value).append(';');
        }
    }

    /**
     * Builds an {@link InterviewQuery}. Setters validate at once and name the bad argument; {@link #build()} checks
     * the rules between fields (ranges, cursor). A null filter means any. Not thread-safe.
     */
    public static final class Builder {
        private Set<InterviewStatus> statuses = Set.of();
        private @Nullable Language language;
        private @Nullable String style;
        private @Nullable String channel;
        private @Nullable String channelKey;
        private @Nullable Instant startedFrom;
        private @Nullable Instant startedBefore;
        private @Nullable Instant updatedFrom;
        private @Nullable Instant updatedBefore;
        private int pageSize = DEFAULT_PAGE_SIZE;
        private @Nullable InterviewCursor cursor;

        private Builder() {
        }

        private Builder(InterviewQuery query) {
            statuses = query.statuses;
            language = query.language;
            style = query.style;
            channel = query.channel;
            channelKey = query.channelKey;
            startedFrom = query.startedFrom;
            startedBefore = query.startedBefore;
            updatedFrom = query.updatedFrom;
            updatedBefore = query.updatedBefore;
            pageSize = query.pageSize;
            cursor = query.cursor;
        }

        /** Only interviews in one of these statuses; none given means any status. */
        public Builder statuses(InterviewStatus... statuses) {
            return statuses(Arrays.asList(Objects.requireNonNull(statuses, "statuses")));
        }

        /** Only interviews in one of these statuses; an empty collection means any status. */
        public Builder statuses(Collection<InterviewStatus> statuses) {
            Objects.requireNonNull(statuses, "statuses");
            for (InterviewStatus status : statuses) {
                Objects.requireNonNull(status, "statuses must not contain null");
            }
            this.statuses = Set.copyOf(statuses);
            return this;
        }

        public Builder language(@Nullable Language language) {
            this.language = language;
            return this;
        }

        /** A style code such as {@code master}. */
        public Builder style(@Nullable String style) {
            checkText("style", style, 256);
            this.style = style;
            return this;
        }

        /** A channel such as {@code telegram}: the part of the channel key before {@code :}. */
        public Builder channel(@Nullable String channel) {
            checkText("channel", channel, 512);
            this.channel = channel;
            return this;
        }

        /** One respondent of a channel, e.g. {@code telegram:12345}. */
        public Builder channelKey(@Nullable String channelKey) {
            checkText("channelKey", channelKey, 512);
            this.channelKey = channelKey;
            return this;
        }

        /** Started at or after this instant (inclusive). */
        public Builder startedFrom(@Nullable Instant startedFrom) {
            this.startedFrom = startedFrom;
            return this;
        }

        /** Started before this instant (exclusive). */
        public Builder startedBefore(@Nullable Instant startedBefore) {
            this.startedBefore = startedBefore;
            return this;
        }

        /** Last changed at or after this instant (inclusive). */
        public Builder updatedFrom(@Nullable Instant updatedFrom) {
            this.updatedFrom = updatedFrom;
            return this;
        }

        /** Last changed before this instant (exclusive). */
        public Builder updatedBefore(@Nullable Instant updatedBefore) {
            this.updatedBefore = updatedBefore;
            return this;
        }

        /**
         * At most this many interviews per page. Default: {@link #DEFAULT_PAGE_SIZE}.
         *
         * @throws IllegalArgumentException unless 1–{@link #MAX_PAGE_SIZE}
         */
        public Builder pageSize(int pageSize) {
            checkPageSize(pageSize);
            this.pageSize = pageSize;
            return this;
        }

        /** Continue after this cursor; null for the first page. {@link #build()} checks it belongs to the filters. */
        public Builder after(@Nullable InterviewCursor cursor) {
            this.cursor = cursor;
            return this;
        }

        /**
         * The query.
         *
         * @throws IllegalArgumentException if a range is empty or reversed, or the cursor was issued for other filters
         */
        public InterviewQuery build() {
            return new InterviewQuery(statuses, language, style, channel, channelKey, startedFrom, startedBefore,
                    updatedFrom, updatedBefore, pageSize, cursor);
        }
    }
}
