package dev.interviewagent.websocket.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.core.HistoryPage;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.exception.InterviewException;
import dev.interviewagent.websocket.QuestionSpeaker;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code speak} extension: a client asks for the audio of one of the interviewer's messages and gets one
 * {@code speech} frame with it, base64 in the JSON (so it stays in order with the connection's other frames and needs
 * no binary path from the server), or with {@code audio: null} and a {@code reason} when there is none — the client
 * then reads the text with its own speech synthesis; nothing else depends on it.
 *
 * <p>The turn is looked up on the connection's lane (only an interviewer turn of the attached interview is spoken);
 * the {@link QuestionSpeaker} runs on a small pool of its own, so a slow text-to-speech provider holds neither a turn
 * thread nor the connection's next answer. At most {@link #THREADS} syntheses run and {@link #QUEUED} wait; beyond
 * that the reply is {@code reason: "busy"}. The latest {@link #CACHED} audios (at most {@link #CACHED_BYTES} in
 * all) are kept, so a reload or a second tab does not pay for the same question twice. Thread-safe. The text is never
 * logged.
 */
final class SpokenQuestions {

    private static final Logger log = LoggerFactory.getLogger(SpokenQuestions.class);

    static final int THREADS = 4;
    static final int QUEUED = 64;
    static final int CACHED = 64;
    static final long CACHED_BYTES = 16L * 1024 * 1024;
    /** Room for the frame's other fields around the base64 audio. */
    private static final int FRAME_OVERHEAD = 512;

    private final QuestionSpeaker speaker;
    private final InterviewEngine engine;
    private final WebSocketChannel channel;
    private final int maxFrameChars;
    private final @Nullable ThreadPoolExecutor pool;
    private final Map<String, QuestionSpeaker.Audio> cache = new LinkedHashMap<>(16, 0.75f, true);
    private long cachedBytes;

    SpokenQuestions(QuestionSpeaker speaker, InterviewEngine engine, WebSocketChannel channel, int maxFrameChars) {
        this.speaker = Objects.requireNonNull(speaker, "speaker");
        this.engine = engine;
        this.channel = channel;
        this.maxFrameChars = maxFrameChars;
        if (speaker == QuestionSpeaker.NONE) {
            this.pool = null;
        } else {
            AtomicInteger count = new AtomicInteger();
            this.pool = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(QUEUED), runnable -> {
                        Thread thread = new Thread(runnable, "ia-ws-speech-" + count.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
            this.pool.allowCoreThreadTimeOut(true);
        }
    }

    /** Whether questions can be spoken ({@code capabilities.spokenQuestions}). */
    boolean enabled() {
        return pool != null;
    }

    /**
     * On the connection's lane: checks that {@code turn} is one of the interviewer's messages in interview {@code id},
     * then has it spoken off the lane and sends the {@code speech} frame.
     *
     * @throws FieldException ({@code turn}) when the turn is not an interviewer's message of this interview
     * @throws InterviewException when the engine cannot read the interview (store down, interview gone)
     */
    void speak(String conversation, InterviewId id, int turn, @Nullable String replyTo) {
        Language language = engine.status(id).language();
        HistoryPage page = engine.history(id, turn == Integer.MAX_VALUE ? turn : turn + 1, 1);
        Turn message = page.turns().isEmpty() ? null : page.turns().get(0);
        if (message == null || message.number() != turn || !message.isInterviewer()) {
            throw new FieldException("turn");
        }
        String key = id.value() + "#" + turn;
        QuestionSpeaker.Audio cached = cached(key);
        if (cached != null) {
            channel.sendRaw(conversation, frame(id, turn, replyTo, cached));
            return;
        }
        String text = message.text();
        try {
            Objects.requireNonNull(pool).execute(() -> synthesise(conversation, id, turn, replyTo, key, text,
                    language));
        } catch (RejectedExecutionException e) {
            log.debug("{} speech refused: {} syntheses waiting", conversation, QUEUED);
            channel.sendRaw(conversation, failure(id, turn, replyTo, "busy"));
        }
    }

    private void synthesise(String conversation, InterviewId id, int turn, @Nullable String replyTo, String key,
                            String text, Language language) {
        QuestionSpeaker.Audio audio;
        try {
            audio = Objects.requireNonNull(speaker.speak(text, language), "speaker returned null");
        } catch (RuntimeException e) {
            // the provider's message could quote the text: only its type is logged
            log.warn("{} speech for turn {} failed: {}", conversation, turn, e.getClass().getSimpleName());
            channel.sendRaw(conversation, failure(id, turn, replyTo, "unavailable"));
            return;
        }
        remember(key, audio);
        channel.sendRaw(conversation, frame(id, turn, replyTo, audio));
    }

    /** The {@code speech} frame with the audio, or a failure {@code too_large} when it cannot fit one frame. */
    private String frame(InterviewId id, int turn, @Nullable String replyTo, QuestionSpeaker.Audio audio) {
        long base64Chars = 4L * ((audio.size() + 2) / 3);
        if (base64Chars + FRAME_OVERHEAD > maxFrameChars) {
            log.debug("speech for turn {} of {} bytes exceeds the frame limit {}", turn, audio.size(), maxFrameChars);
            return failure(id, turn, replyTo, "too_large");
        }
        return head(id, turn, replyTo).put("format", audio.format()).put("mimeType", audio.mimeType())
                .put("size", audio.size()).put("audio", Base64.getEncoder().encodeToString(audio.bytes()))
                .toString();
    }

    private static String failure(InterviewId id, int turn, @Nullable String replyTo, String reason) {
        ObjectNode node = head(id, turn, replyTo);
        node.putNull("audio");
        return node.put("reason", reason).toString();
    }

    private static ObjectNode head(InterviewId id, int turn, @Nullable String replyTo) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("type", "speech").put("interviewId", id.value())
                .put("turn", turn);
        node.put("replyTo", replyTo);
        return node;
    }

    private QuestionSpeaker.@Nullable Audio cached(String key) {
        synchronized (cache) {
            return cache.get(key);
        }
    }

    private void remember(String key, QuestionSpeaker.Audio audio) {
        if (audio.size() > CACHED_BYTES) {
            return;
        }
        synchronized (cache) {
            QuestionSpeaker.Audio previous = cache.put(key, audio);
            cachedBytes += audio.size() - (previous == null ? 0 : previous.size());
            var eldest = cache.entrySet().iterator();
            while ((cache.size() > CACHED || cachedBytes > CACHED_BYTES) && eldest.hasNext()) {
                cachedBytes -= eldest.next().getValue().size();
                eldest.remove();
            }
        }
    }

    /** Starts no more syntheses; those running finish and their frames go nowhere once connections are closed. */
    void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
