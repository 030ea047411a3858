package dev.interviewagent.core.channel;

import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.MessageId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The transcripts of recent recordings by interview and message id, so a recording sent again (a retry after a
 * reconnect, a redelivered update) is not transcribed, and billed, twice. A second delivery while the first is still
 * being transcribed waits for it instead of starting another. Failures are not kept: sending again after one
 * transcribes again. Bounded by count and age; entries hold transcript text, so they expire. Thread-safe.
 */
final class RecentTranscripts {

    private record Key(InterviewId interview, MessageId message) {
    }

    private record Entry(CompletableFuture<SpeechTranscriber.Heard> heard, Instant at) {
    }

    private final int capacity;
    private final Duration maxAge;
    private final Clock clock;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, false); // oldest first

    RecentTranscripts(int capacity, Duration maxAge, Clock clock) {
        this.capacity = capacity;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /**
     * What was heard in this recording: remembered, awaited from a concurrent delivery, or transcribed now by
     * {@code transcription} (whose exceptions pass through).
     */
    SpeechTranscriber.Heard transcribe(InterviewId interview, MessageId message,
            Supplier<SpeechTranscriber.Heard> transcription) {
        Key key = new Key(interview, message);
        Entry mine = new Entry(new CompletableFuture<>(), clock.instant());
        Entry earlier;
        synchronized (entries) {
            expire(mine.at());
            earlier = entries.putIfAbsent(key, mine);
            while (entries.size() > capacity) {
                Iterator<Entry> oldest = entries.values().iterator();
                oldest.next();
                oldest.remove();
            }
        }
        if (earlier != null) {
            return await(earlier.heard());
        }
        try {
            SpeechTranscriber.Heard heard = transcription.get();
            mine.heard().complete(heard);
            return heard;
        } catch (RuntimeException e) {
            synchronized (entries) {
                entries.remove(key, mine);
            }
            mine.heard().completeExceptionally(e);
            throw e;
        }
    }

    /** Drops entries older than the maximum age; the map is in insertion order, so they are at its head. */
    private void expire(Instant now) {
        Iterator<Entry> oldest = entries.values().iterator();
        while (oldest.hasNext()) {
            Entry entry = oldest.next();
            if (Duration.between(entry.at(), now).compareTo(maxAge) < 0) {
                return;
            }
            oldest.remove();
        }
    }

    private static SpeechTranscriber.Heard await(CompletableFuture<SpeechTranscriber.Heard> heard) {
        try {
            return heard.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause; // the concurrent delivery's failure, e.g. the provider timed out
            }
            throw e;
        }
    }

    /** How many recordings are remembered now (tests). */
    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
