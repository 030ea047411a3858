package dev.interviewagent.core.spi;

import dev.interviewagent.core.InterviewId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where the next page of an interview listing starts: a keyset position (the {@code updatedAt} and id of the last
 * interview shown), never an offset, so paging while interviews change neither repeats nor skips an interview that
 * did not change. Immutable and thread-safe.
 *
 * <p>Hosts treat it as opaque: take it from {@link InterviewPage#nextCursor()}, hand {@link #value()} to a client
 * (it is URL-safe and carries nothing about the respondent), read it back with {@link #of(String)} and continue
 * with {@link InterviewQuery#after(InterviewCursor)}. A cursor remembers the filters of the query that issued it;
 * {@link InterviewQuery} refuses it with other filters (the page size may change between pages).
 *
 * <p>{@link #updatedAt()} and {@link #id()} are for store implementations, which list the interviews strictly
 * after this position in {@link InterviewSummary#NEWEST_FIRST} order.
 */
public final class InterviewCursor {

    private static final String VERSION = "1";
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{16}");
    private static final int MAX_LENGTH = 256;

    private final Instant updatedAt;
    private final InterviewId id;
    private final String queryFingerprint;
    private final String value;

    private InterviewCursor(Instant updatedAt, InterviewId id, String queryFingerprint) {
        this.updatedAt = updatedAt;
        this.id = id;
        this.queryFingerprint = queryFingerprint;
        String plain = VERSION + "|" + queryFingerprint + "|" + updatedAt.getEpochSecond() + "|" + updatedAt.getNano()
                + "|" + id.value();
        this.value = Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor after {@code last}, issued for {@code query}. */
    static InterviewCursor after(InterviewQuery query, InterviewSummary last) {
        return new InterviewCursor(last.updatedAt(), last.id(), query.fingerprint());
    }

    /**
     * Reads a cursor from its {@link #value()}.
     *
     * @throws IllegalArgumentException if {@code value} is not a cursor this SDK issued
     */
    public static InterviewCursor of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw malformed();
        }
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        String[] parts = plain.split("\\|", -1);
        if (parts.length != 5 || !parts[0].equals(VERSION) || !FINGERPRINT.matcher(parts[1]).matches()) {
            throw malformed();
        }
        try {
            long seconds = Long.parseLong(parts[2]);
            int nanos = Integer.parseInt(parts[3]);
            if (nanos < 0 || nanos > 999_999_999) {
                throw malformed();
            }
            InterviewCursor cursor = new InterviewCursor(Instant.ofEpochSecond(seconds, nanos),
                    InterviewId.of(parts[4]), parts[1]);
            if (!cursor.value.equals(value)) {
                throw malformed();
            }
            return cursor;
        } catch (RuntimeException e) {
            throw malformed();
        }
    }

    private static IllegalArgumentException malformed() {
        return new IllegalArgumentException("not an interview listing cursor (take it from InterviewPage.nextCursor)");
    }

    /** The opaque, URL-safe text of this cursor. */
    public String value() {
        return value;
    }

    /** The {@code updatedAt} of the last interview listed before this cursor (for store implementations). */
    public Instant updatedAt() {
        return updatedAt;
    }

    /** The id of the last interview listed before this cursor (for store implementations). */
    public InterviewId id() {
        return id;
    }

    String queryFingerprint() {
        return queryFingerprint;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof InterviewCursor cursor && cursor.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
