package dev.interviewagent.samples.websocket;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.brain.LlmBrains;
import dev.interviewagent.core.channel.SpeechTranscriber;
import dev.interviewagent.core.spi.InterviewLock;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.core.spi.InterviewerBrain;
import dev.interviewagent.persistence.InterviewStores;
import dev.interviewagent.persistence.JdbcInterviewStore;
import dev.interviewagent.persistence.RedisConnection;
import dev.interviewagent.persistence.RedisInterviewLock;
import dev.interviewagent.persistence.RedisInterviewStore;
import dev.interviewagent.voice.SpeechToText;
import dev.interviewagent.voice.SpeechToTextFactory;
import dev.interviewagent.voice.VoiceTranscriber;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the store, lock, brain and speech-to-text from the environment, the way a host would, and says which it
 * picked (never keys or passwords). No keys and no URLs: offline brain, embedded store in {@code ./interviews}, no
 * voice. Closes what it opened, in reverse order.
 */
final class Backends implements AutoCloseable {

    /** A JDBC URL ({@code jdbc:postgresql:…}, {@code jdbc:h2:…}) or a directory for the embedded store. */
    static final String STORE_URL = "INTERVIEW_STORE_URL";
    static final String STORE_USER = "INTERVIEW_STORE_USER";
    static final String STORE_PASSWORD = "INTERVIEW_STORE_PASSWORD";
    /** A database schema for the tables (created if missing); default the connection's. */
    static final String STORE_SCHEMA = "INTERVIEW_STORE_SCHEMA";
    /** {@code redis://host:6379}: distributed turn lock and state cache, for several server processes. */
    static final String REDIS_URL = "REDIS_URL";
    static final String REDIS_PREFIX = "REDIS_PREFIX";

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<String> description = new ArrayList<>();
    private InterviewLock lock = InterviewLock.local();

    /** Builds an engine for {@code env}: store (and lock) from the URLs, brain from the LLM keys. */
    InterviewEngine engine(Map<String, String> env) {
        InterviewEngine.Builder builder = InterviewEngine.builder().store(openStore(env)).lock(lock);
        Optional<InterviewerBrain> llm = LlmBrains.fromEnvironment(env);
        llm.ifPresent(builder::brain);
        description.add("brain: " + LlmBrains.describe(env));
        return builder.build();
    }

    /**
     * The store: embedded H2 unless {@value #STORE_URL} names PostgreSQL (or another directory); with
     * {@value #REDIS_URL}, cached in Redis and locked across processes.
     */
    InterviewStore openStore(Map<String, String> env) {
        String url = value(env, STORE_URL);
        JdbcInterviewStore.Builder builder = InterviewStores.builderFor(url, value(env, STORE_USER),
                value(env, STORE_PASSWORD));
        String schema = value(env, STORE_SCHEMA);
        if (schema != null) {
            builder.schema(schema);
        }
        JdbcInterviewStore jdbc = builder.build();
        resources.add(jdbc);
        description.add("store: " + (url == null || !url.startsWith("jdbc:")
                ? "embedded (H2 in ./" + (url == null ? InterviewStores.DEFAULT_EMBEDDED_DIRECTORY : url) + ")"
                : jdbc.toString()));
        String redisUrl = value(env, REDIS_URL);
        if (redisUrl == null) {
            return jdbc;
        }
        String prefix = Optional.ofNullable(value(env, REDIS_PREFIX)).orElse(RedisConnection.DEFAULT_KEY_PREFIX);
        RedisConnection redis = RedisConnection.of(redisUrl, prefix);
        resources.add(redis);
        lock = RedisInterviewLock.of(redis);
        description.add("cluster: Redis lock and cache (" + redis + ")");
        return RedisInterviewStore.of(jdbc, redis);
    }

    /** Voice answers: transcribed when a speech key is set, refused ({@code unsupported_audio}) otherwise. */
    SpeechTranscriber transcriber(Map<String, String> env) {
        Optional<SpeechToText> speech = SpeechToTextFactory.fromEnvironment(env);
        if (speech.isEmpty()) {
            description.add("voice: off (set ASSEMBLYAI_API_KEY or OPENAI_API_KEY to transcribe spoken answers)");
            return SpeechTranscriber.NONE;
        }
        resources.add(speech.get());
        description.add("voice: " + speech.get().providerId() + " speech-to-text");
        return VoiceTranscriber.of(speech.get());
    }

    /** One line per choice made, for the start-up banner. */
    List<String> description() {
        return List.copyOf(description);
    }

    @Override
    public void close() throws Exception {
        List<AutoCloseable> reversed = new ArrayList<>(resources);
        Collections.reverse(reversed);
        for (AutoCloseable resource : reversed) {
            resource.close();
        }
        resources.clear();
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
