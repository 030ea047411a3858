package dev.interviewagent.websocket.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One recording being received, part by part, after its {@code audio} announcement was accepted, within the shared
 * {@link AudioBudget} — never in a buffer that doubles and copies itself. With an announced {@code size} the
 * recording goes straight into an array of exactly that size, reserved at its first part and handed on without a
 * copy. Without one, each part is kept in a chunk of its own size, reserved as it comes, and the chunks are joined
 * once at the end (the joined array takes over their reservation). Confined to the connection's message thread until
 * {@link #finish()}.
 */
final class AudioUpload {

    /** What became of a part. */
    enum Outcome { KEPT, TOO_LARGE, NO_MEMORY }

    /** A whole recording, holding its share of the budget until {@link #release()}. */
    static final class Recording {
        private final byte[] bytes;
        private final AudioBudget budget;
        private final long reserved;
        private boolean released;

        private Recording(byte[] bytes, AudioBudget budget, long reserved) {
            this.bytes = bytes;
            this.budget = budget;
            this.reserved = reserved;
        }

        byte[] bytes() {
            return bytes;
        }

        /** Gives the bytes back to the budget; idempotent. */
        synchronized void release() {
            if (!released) {
                released = true;
                budget.release(reserved);
            }
        }
    }

    private final AudioBudget budget;
    private final long limit;
    private final boolean exact;
    private byte @Nullable [] whole;           // exact size: the recording itself
    private final List<byte[]> chunks = new ArrayList<>();
    private long size;
    private long reserved;

    /**
     * @param limit the most bytes this recording may have: the announced size, or the audio limit
     * @param exact whether {@code limit} is the announced size, which the recording must then have
     */
    AudioUpload(AudioBudget budget, long limit, boolean exact) {
        this.budget = budget;
        this.limit = limit;
        this.exact = exact;
    }

    /** Keeps one part, unless the recording grows past its limit or the budget is spent (then it keeps nothing). */
    Outcome append(ByteBuffer part) {
        int n = part.remaining();
        if (size + n > limit) {
            discard();
            return Outcome.TOO_LARGE;
        }
        if (exact) {
            if (whole == null) {
                if (!budget.tryReserve(limit)) {
                    return Outcome.NO_MEMORY;
                }
                reserved = limit;
                whole = new byte[(int) limit];
            }
            part.get(whole, (int) size, n);
        } else {
            if (!budget.tryReserve(n)) {
                discard();
                return Outcome.NO_MEMORY;
            }
            reserved += n;
            byte[] chunk = new byte[n];
            part.get(chunk);
            chunks.add(chunk);
        }
        size += n;
        return Outcome.KEPT;
    }

    long size() {
        return size;
    }

    /** Whether the recording has the size it was announced with (always, when none was). */
    boolean complete() {
        return !exact || size == limit;
    }

    /** The whole recording, holding this upload's reservation; the upload keeps nothing after. */
    Recording finish() {
        byte[] bytes;
        if (exact) {
            bytes = whole == null ? new byte[0] : whole;
        } else if (chunks.size() == 1) {
            bytes = chunks.get(0);
        } else {
            bytes = new byte[(int) size];
            int at = 0;
            for (int i = 0; i < chunks.size(); i++) {
                byte[] chunk = chunks.set(i, null);   // each chunk can go as soon as it is copied
                System.arraycopy(chunk, 0, bytes, at, chunk.length);
                at += chunk.length;
            }
        }
        Recording recording = new Recording(bytes, budget, reserved);
        whole = null;
        chunks.clear();
        reserved = 0;
        return recording;
    }

    /** Drops what was received and gives its bytes back. Idempotent. */
    void discard() {
        whole = null;
        chunks.clear();
        budget.release(reserved);
        reserved = 0;
    }
}
