package dev.interviewagent.core.spi;

import dev.interviewagent.core.CloseReason;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewSnapshot;
import dev.interviewagent.core.InterviewStatus;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.guide.Stage;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of an interview listing ({@link InterviewStore#list}): what an operator view shows, without the state
 * document, the turn log or anything the respondent said. Immutable.
 *
 * <p>There is no channel field on {@link Interview}: the channel is derived from the channel key, as the part before
 * its first {@code :} ({@code telegram:12345} is channel {@code telegram}); see {@link #channelOf(String)}.
 *
 * @param id          the interview id
 * @param status      active or how it ended
 * @param language    the interview's language
 * @param style       the style code it runs in
 * @param channel     the channel derived from the channel key; null without a key or without a {@code :} in it
 * @param channelKey  the channel's key for the respondent (e.g. {@code telegram:12345}); may be null
 * @param stage       the current stage
 * @param turnCount   turns in the log
 * @param startedAt   when it started ({@link Interview#createdAt()})
 * @param updatedAt   when it last changed; the listing order's first key
 * @param closeReason why it ended; null while active or when abandoned
 */
public record InterviewSummary(
        InterviewId id,
        InterviewStatus status,
        Language language,
        String style,
        @Nullable String channel,
        @Nullable String channelKey,
        Stage stage,
        int turnCount,
        Instant startedAt,
        Instant updatedAt,
        @Nullable CloseReason closeReason) {

    /**
     * The listing order: the most recent change first; among equal {@code updatedAt}, the greater id first (ids
     * compared character by character, as {@link String#compareTo} does). Every store lists in exactly this order.
     */
    public static final Comparator<InterviewSummary> NEWEST_FIRST = Comparator
            .comparing(InterviewSummary::updatedAt)
            .thenComparing(summary -> summary.id().value())
            .reversed();

    public InterviewSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (turnCount < 0) {
            throw new IllegalArgumentException("turnCount must be >= 0, was " + turnCount);
        }
        if (!Objects.equals(channel, channelOf(channelKey))) {
            throw new IllegalArgumentException("channel must be derived from the channel key, was '" + channel + "'");
        }
    }

    /** The summary of an interview's current state. */
    public static InterviewSummary of(InterviewSnapshot interview) {
        Objects.requireNonNull(interview, "interview");
        return new InterviewSummary(interview.id(), interview.status(), interview.language(), interview.style(),
                channelOf(interview.channelKey()), interview.channelKey(), interview.stage(), interview.turnCount(),
                interview.createdAt(), interview.updatedAt(), interview.closeReason());
    }

    /**
     * The channel of a channel key: the part before the first {@code :}, verbatim ({@code telegram:12345} →
     * {@code telegram}). Null for a null key, a key without {@code :} and a key that starts with {@code :}. Stores
     * that keep the channel in a column of its own compute it with this method, so every store derives it alike.
     */
    public static @Nullable String channelOf(@Nullable String channelKey) {
        if (channelKey == null) {
            return null;
        }
        int colon = channelKey.indexOf(':');
        return colon > 0 ? channelKey.substring(0, colon) : null;
    }
}
