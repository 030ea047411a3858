package dev.interviewagent.samples.websocket;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.channel.SpeechTranscriber;
import dev.interviewagent.core.config.EngineSettings;
import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.core.spi.InterviewLock;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.llm.LlmBrains;
import dev.interviewagent.persistence.InterviewStorage;
import dev.interviewagent.persistence.PrivacyOperations;
import dev.interviewagent.persistence.RetentionPolicy;
import dev.interviewagent.voice.SpeechToText;
import dev.interviewagent.voice.SpeechToTextFactory;
import dev.interviewagent.voice.SynthesizedSpeech;
import dev.interviewagent.voice.TextToSpeech;
import dev.interviewagent.voice.VoiceTranscriber;
import dev.interviewagent.voice.openai.OpenAiTextToSpeech;
import dev.interviewagent.websocket.DataPolicy;
import dev.interviewagent.websocket.QuestionSpeaker;
import dev.interviewagent.websocket.RespondentData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the store, lock, brain, speech-to-text and text-to-speech from the configuration (environment variables, then {@code -D}
 * system properties, then the file {@code INTERVIEW_CONFIG_FILE} names; see docs/configuration.md), the way a host
 * would, and says which it picked (never keys or passwords). No keys and no URLs: offline brain, embedded store in
 * {@code ./interviews} with answers encrypted under a key file it creates there ({@code InterviewStorage}), no voice.
 * PII redaction and retention are switched on by settings alone; {@code INTERVIEW_ENCRYPTION_REQUIRED=false} opts out
 * of encryption.
 * Closes what it opened, in reverse order.
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
    static final String REDIS_PREFIX = "INTERVIEW_REDIS_KEY_PREFIX";

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<String> description = new ArrayList<>();
    private InterviewLock lock = InterviewLock.local();
    private InterviewStorage storage;
    private DataPolicy dataPolicy = DataPolicy.keptUntilDeleted();

    /** Builds an engine for {@code env}: store stack, limits and timeouts, brain; starts retention if configured. */
    InterviewEngine engine(Map<String, String> env) {
        InterviewConfig config = config(env);
        InterviewEngine.Builder builder = EngineSettings.from(config).applyTo(InterviewEngine.builder());
        LlmBrains.from(config).ifPresent(builder::brain);
        InterviewEngine engine = builder.store(openStore(config)).lock(lock).build();
        description.add("brain: " + LlmBrains.describe(config));
        storage.startRetention(engine);
        return engine;
    }

    /**
     * The store: embedded H2 unless {@value #STORE_URL} names PostgreSQL (or another directory); with
     * {@value #REDIS_URL}, cached in Redis and locked across processes.
     */
    InterviewStore openStore(Map<String, String> env) {
        return openStore(config(env));
    }

    private InterviewStore openStore(InterviewConfig config) {
        storage = InterviewStorage.open(config);
        resources.add(storage);
        lock = storage.lock();
        description.addAll(storage.description());
        // the page's privacy notice tells what the retention sweep really does, and whether contacts are masked
        dataPolicy = new DataPolicy(storage.retention().flatMap(RetentionPolicy::purgeArchivedAfter).orElse(null),
                storage.retention().map(RetentionPolicy::abandonAfter).orElse(null),
                config.get(InterviewSettings.PRIVACY_REDACT_PII));
        return storage.store();
    }

    /** What the page's privacy notice says about retention; {@link DataPolicy#keptUntilDeleted()} before a store. */
    DataPolicy dataPolicy() {
        return dataPolicy;
    }

    /**
     * A respondent's export and erasure of every interview of their browser, by sdk-persistence's
     * {@code PrivacyOperations} on the store (also its Redis cache and the report archive).
     */
    RespondentData respondentData() {
        if (storage == null) {
            throw new IllegalStateException("no store opened yet");
        }
        PrivacyOperations privacy = storage.privacy();
        return RespondentData.of(privacy::exportRespondent, privacy::deleteRespondent);
    }

    /** Voice answers: transcribed when a speech key is set, refused ({@code unsupported_audio}) otherwise. */
    SpeechTranscriber transcriber(Map<String, String> env) {
        Optional<SpeechToText> speech = SpeechToTextFactory.from(config(env));
        if (speech.isEmpty()) {
            description.add("voice: off (set ASSEMBLYAI_API_KEY or OPENAI_API_KEY to transcribe spoken answers)");
            return SpeechTranscriber.NONE;
        }
        resources.add(speech.get());
        description.add("voice: " + speech.get().providerId() + " speech-to-text");
        return VoiceTranscriber.of(speech.get());
    }

    /**
     * Spoken questions: the server's voice when a text-to-speech key is set ({@code interview.voice.tts.*}, falling
     * back to the OpenAI speech key), asked for by the page only when its respondent switches reading aloud on;
     * otherwise none, and the page reads questions with the browser's own speech synthesis.
     */
    QuestionSpeaker speaker(Map<String, String> env) {
        Optional<TextToSpeech> tts = OpenAiTextToSpeech.from(config(env));
        if (tts.isEmpty()) {
            description.add("spoken questions: the browser's own voice (set INTERVIEW_VOICE_TTS_API_KEY or "
                    + "OPENAI_API_KEY for the server's)");
            return QuestionSpeaker.NONE;
        }
        resources.add(tts.get());
        description.add("spoken questions: " + tts.get().providerId() + " text-to-speech");
        return speakerOf(tts.get());
    }

    /** sdk-voice's text-to-speech as the WebSocket channel's speaker: the audio and its media type. */
    static QuestionSpeaker speakerOf(TextToSpeech tts) {
        return (text, language) -> {
            SynthesizedSpeech speech = tts.synthesize(text);
            return new QuestionSpeaker.Audio(speech.audio(), speech.format().mimeType());
        };
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

    private static InterviewConfig config(Map<String, String> env) {
        return InterviewConfig.builder().environment(env).systemProperties(System.getProperties()).build();
    }
}
