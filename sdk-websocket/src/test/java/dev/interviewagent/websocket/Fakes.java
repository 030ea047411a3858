package dev.interviewagent.websocket;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.brain.MethodologyBrain;
import dev.interviewagent.core.channel.SpeechTranscriber;
import dev.interviewagent.core.exception.ConcurrentTurnException;
import dev.interviewagent.core.exception.StoreException;
import dev.interviewagent.core.exception.UnsupportedAudioException;
import dev.interviewagent.core.spi.BrainReply;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.core.spi.InterviewLock;
import dev.interviewagent.core.spi.InterviewPage;
import dev.interviewagent.core.spi.InterviewQuery;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.core.spi.InterviewerBrain;
import dev.interviewagent.core.store.InMemoryInterviewStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** Collaborators that fail or stream on demand, for the protocol tests. */
public final class Fakes {

    private Fakes() {
    }

    /** Transcribes "HIGH:text" with confidence 0.95, "LOW:text" with 0.3; "BAD!" is unreadable; "BOOM" crashes. */
    static final SpeechTranscriber TRANSCRIBER = (audio, language) -> {
        String content = new String(audio.bytes(), StandardCharsets.UTF_8);
        if (content.startsWith("HIGH:")) {
            return new SpeechTranscriber.Heard(content.substring(5), 0.95);
        }
        if (content.startsWith("LOW:")) {
            return new SpeechTranscriber.Heard(content.substring(4), 0.3);
        }
        if (content.startsWith("BOOM")) {
            throw new IllegalStateException("transcriber crashed");
        }
        throw new UnsupportedAudioException("not audio");
    };

    /** The offline brain, streaming its message word by word (public: the sample server's browser test uses it). */
    public static final class StreamingBrain implements InterviewerBrain {
        private final InterviewerBrain delegate = MethodologyBrain.create();

        @Override
        public String id() {
            return "streaming-offline";
        }

        @Override
        public BrainReply phrase(BrainRequest request) {
            return delegate.phrase(request);
        }

        @Override
        public BrainReply phrase(BrainRequest request, Consumer<String> deltas) {
            BrainReply reply = delegate.phrase(request);
            for (String word : reply.message().split("(?<= )")) {
                deltas.accept(word);
            }
            return reply;
        }
    }

    /**
     * The offline brain that, once {@link #hold} is set, waits until {@link #release()} (at most a minute) before it
     * phrases: a model that takes its time. {@link #entered} counts down as each held call begins.
     */
    static final class HeldBrain implements InterviewerBrain {
        final AtomicBoolean hold = new AtomicBoolean();
        final CountDownLatch entered;
        private final CountDownLatch released = new CountDownLatch(1);
        private final InterviewerBrain delegate = MethodologyBrain.create();

        HeldBrain(int expectedCalls) {
            this.entered = new CountDownLatch(expectedCalls);
        }

        void release() {
            released.countDown();
        }

        @Override
        public String id() {
            return "held-offline";
        }

        @Override
        public BrainReply phrase(BrainRequest request) {
            if (hold.get()) {
                entered.countDown();
                try {
                    released.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return delegate.phrase(request);
        }
    }

    /** The offline brain streaming {@code pieces} deltas of {@code chars} characters before its message. */
    static final class FloodingBrain implements InterviewerBrain {
        private final InterviewerBrain delegate = MethodologyBrain.create();
        private final int pieces;
        private final String piece;

        FloodingBrain(int pieces, int chars) {
            this.pieces = pieces;
            this.piece = "x".repeat(chars);
        }

        @Override
        public String id() {
            return "flooding-offline";
        }

        @Override
        public BrainReply phrase(BrainRequest request) {
            return delegate.phrase(request);
        }

        @Override
        public BrainReply phrase(BrainRequest request, Consumer<String> deltas) {
            for (int i = 0; i < pieces; i++) {
                deltas.accept(piece);
            }
            return delegate.phrase(request);
        }
    }

    /** The local lock, or a busy one while {@link #busy} is set. */
    static final class ToggleLock implements InterviewLock {
        final AtomicBoolean busy = new AtomicBoolean();
        private final InterviewLock local = InterviewLock.local();

        @Override
        public Lease acquire(InterviewId id, Duration timeout) {
            if (busy.get()) {
                throw new ConcurrentTurnException("interview " + id + " is busy");
            }
            return local.acquire(id, timeout);
        }
    }

    /** An in-memory store that fails while {@link #down} is set. */
    static final class ToggleStore implements InterviewStore {
        final AtomicBoolean down = new AtomicBoolean();
        private final InMemoryInterviewStore store = new InMemoryInterviewStore();

        private void check() {
            if (down.get()) {
                throw new StoreException("store is down");
            }
        }

        @Override
        public void create(Interview interview, List<Turn> turns) {
            check();
            store.create(interview, turns);
        }

        @Override
        public Optional<Interview> load(InterviewId id) {
            check();
            return store.load(id);
        }

        @Override
        public void commit(long expectedVersion, Interview next, List<Turn> turns) {
            check();
            store.commit(expectedVersion, next, turns);
        }

        @Override
        public List<Turn> turns(InterviewId id) {
            check();
            return store.turns(id);
        }

        @Override
        public Optional<Turn> findByMessageId(InterviewId id, MessageId messageId) {
            check();
            return store.findByMessageId(id, messageId);
        }

        @Override
        public Optional<InterviewId> findActiveByChannelKey(String channelKey) {
            return store.findActiveByChannelKey(channelKey);
        }

        @Override
        public List<InterviewId> findByChannelKey(String channelKey) {
            return store.findByChannelKey(channelKey);
        }

        @Override
        public List<InterviewId> findActiveIdleSince(Instant cutoff, int limit) {
            return store.findActiveIdleSince(cutoff, limit);
        }

        @Override
        public InterviewPage list(InterviewQuery query) {
            check();
            return store.list(query);
        }

        @Override
        public boolean delete(InterviewId id) {
            return store.delete(id);
        }
    }
}
