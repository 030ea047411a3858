package dev.interviewagent.core.config;

import static dev.interviewagent.core.config.Values.formatDuration;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.guide.InterviewStyles;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of every setting the SDK and its samples read, one constant each; {@link #all()} lists them in the
 * order of the table in {@code docs/configuration.md} (a test keeps the two equal). Each constant documents itself:
 * {@link Setting#description()}, {@link Setting#type()}, {@link Setting#defaultValue()} and its names.
 *
 * <p>Defaults are the modules' {@code DEFAULT_*} constants written as configuration text. Where a constant is not
 * a compile-time constant of this module (durations of the optional LLM brain; persistence, voice, Telegram and
 * WebSocket settings), the text is written here and a test of the owning module checks it against the constant.
 */
public final class InterviewSettings {

    // ------------------------------------------------------------------------------------------------ config file

    /** A properties file with further settings (dotted names); lowest precedence. */
    public static final Setting<String> CONFIG_FILE = Setting.builder("interview.config.file", "path", Values.text())
            .describedAs("A properties file with more settings, by dotted name; read after environment variables and"
                    + " system properties. Unset: no file; named but missing: an error.");

    // ------------------------------------------------------------------------------------------------ store

    public static final Setting<String> STORE_URL = Setting.builder("interview.store.url", "string", Values.text())
            .deprecatedEnv("INTERVIEW_DB_URL").defaultValue("interviews")
            .describedAs("Where interviews are stored: a JDBC URL (jdbc:postgresql://…, jdbc:h2:…) or a directory for"
                    + " the embedded H2 store.");

    public static final Setting<String> STORE_USER = Setting.builder("interview.store.user", "string", Values.text())
            .describedAs("Database user (or in the URL).");

    public static final Setting<String> STORE_PASSWORD = Setting.builder("interview.store.password", "string",
            Values.text()).secret().describedAs("Database password (or in the URL).");

    public static final Setting<String> STORE_SCHEMA = Setting.builder("interview.store.schema", "string",
            Values.text()).describedAs("Database schema for the tables, created if missing. Unset: the connection's"
                    + " default schema.");

    public static final Setting<Integer> STORE_MAX_POOL_SIZE = Setting.builder("interview.store.max-pool-size",
            "integer 1-1000", Values.integer(1, 1000)).defaultValue("10")
            .describedAs("Connections in the store's pool.");

    public static final Setting<Duration> STORE_QUERY_TIMEOUT = Setting.builder("interview.store.query-timeout",
            "duration", Values.duration()).defaultValue("10s").describedAs("Bound on each database statement.");

    // ------------------------------------------------------------------------------------------------ redis

    public static final Setting<String> REDIS_URL = Setting.builder("interview.redis.url", "string", Values.text())
            .env("REDIS_URL").describedAs("redis://host:6379: a Redis cache in front of the store and a cluster-wide"
                    + " turn lock, for several processes. Unset: one process, no Redis.");

    public static final Setting<String> REDIS_KEY_PREFIX = Setting.builder("interview.redis.key-prefix", "string",
            Values.text()).deprecatedEnv("REDIS_PREFIX").defaultValue("ia")
            .describedAs("Prefix of every Redis key the SDK writes; one per deployment sharing a Redis.");

    // ------------------------------------------------------------------------------------------------ privacy

    public static final Setting<Map<String, byte[]>> ENCRYPTION_KEYS = Setting.builder("interview.encryption.keys",
            "key ring", Values.keyRing()).secret()
            .describedAs("Encryption at rest (AES-GCM, each value bound to its row) of answers, interview state,"
                    + " reports and inbox payloads: id:base64key,… with 16, 24 or 32-byte keys. Unset: the embedded"
                    + " store uses a key file it creates next to its database; an external database needs keys"
                    + " unless interview.encryption.required is false.");

    public static final Setting<String> ENCRYPTION_PRIMARY_KEY_ID = Setting.builder(
            "interview.encryption.primary-key-id", "string", Values.text())
            .describedAs("The key that encrypts new values; the others only decrypt (rotation). Unset: the first"
                    + " key listed.");

    public static final Setting<Boolean> ENCRYPTION_REQUIRED = Setting.builder("interview.encryption.required",
            "true/false", Values.bool()).defaultValue("true")
            .describedAs("Whether answers must be encrypted at rest. true: without interview.encryption.keys the"
                    + " embedded store creates a key file (encryption.key, owner-only) in its directory and an"
                    + " external database refuses to start. false: without keys, stored as plain text (a key file"
                    + " that already exists is still used).");

    public static final Setting<Boolean> ENCRYPTION_MIGRATE = Setting.builder("interview.encryption.migrate",
            "true/false", Values.bool()).defaultValue("false")
            .describedAs("One-time migration: at start, rewrite every value not encrypted for its row with the"
                    + " primary key (plain text from before encryption, the enc:v1 format, older keys), and read"
                    + " such values while on. Turn off when done: then they are refused.");

    public static final Setting<Boolean> PRIVACY_REDACT_PII = Setting.builder("interview.privacy.redact-pii",
            "true/false", Values.bool()).defaultValue("false")
            .describedAs("Mask e-mail addresses and phone numbers in every stored text (answers, questions, profile,"
                    + " knowledge, reports, inbox payloads) before it is stored.");

    public static final Setting<Boolean> RETENTION_ENABLED = Setting.builder("interview.retention.enabled",
            "true/false", Values.bool()).defaultValue("false")
            .describedAs("Run the retention sweep: abandon idle interviews, purge old archived ones.");

    public static final Setting<Duration> RETENTION_ABANDON_AFTER = Setting.builder(
            "interview.retention.abandon-after", "duration", Values.duration()).defaultValue("14d")
            .describedAs("An active interview idle this long is marked abandoned (kept, archived).");

    public static final Setting<Integer> RETENTION_PURGE_ARCHIVED_AFTER_DAYS = Setting.builder(
            "interview.retention.purge-archived-after-days", "integer 1-36500", Values.integer(1, 36_500))
            .describedAs("Delete archived interviews (completed, ended, abandoned) this many days after they ended."
                    + " Unset: kept for ever.");

    public static final Setting<Duration> RETENTION_SWEEP_EVERY = Setting.builder("interview.retention.sweep-every",
            "duration", Values.duration()).defaultValue("1h")
            .describedAs("How often a running sample sweeps (the first sweep runs at start).");

    // ------------------------------------------------------------------------------------------------ engine

    public static final Setting<Duration> ENGINE_BRAIN_TIMEOUT = Setting.builder("interview.engine.brain-timeout",
            "duration", Values.duration()).defaultValue(formatDuration(InterviewEngine.DEFAULT_BRAIN_TIMEOUT))
            .describedAs("How long the brain may take per message before the offline brain answers instead.");

    public static final Setting<Duration> ENGINE_LOCK_TIMEOUT = Setting.builder("interview.engine.lock-timeout",
            "duration", Values.duration()).defaultValue(formatDuration(InterviewEngine.DEFAULT_LOCK_TIMEOUT))
            .describedAs("How long a turn waits for another turn of the same interview (then busy).");

    public static final Setting<Integer> ENGINE_MAX_ANSWER_CHARS = Setting.builder("interview.engine.max-answer-chars",
            "integer 1-1000000", Values.integer(1, 1_000_000))
            .defaultValue(String.valueOf(InterviewEngine.DEFAULT_MAX_ANSWER_CHARS))
            .describedAs("The longest answer accepted, in characters after cleaning (longer: too_large).");

    // ------------------------------------------------------------------------------------------------ new interviews

    public static final Setting<Language> START_LANGUAGE = Setting.builder("interview.start.language", "language code (en, ru, a pack's)",
            Values.language())
            .describedAs("Language of new interviews whose channel does not choose one. Unset: detected from the"
                    + " channel's locale and the first answer.");

    public static final Setting<String> START_STYLE = Setting.builder("interview.start.style", "style code",
            Values.text()).defaultValue(InterviewStyles.DEFAULT_STYLE)
            .describedAs("Interviewer style of new interviews whose channel does not choose one: master, telegram,"
                    + " conversational, stage_specific, conversation_management or a host's own style.");

    public static final Setting<String> START_GUIDE = Setting.builder("interview.start.guide",
            "file path or classpath:resource", Values.text())
            .describedAs("The interview guide new interviews follow: a JSON file of the built-in guide's shape (stages,"
                    + " goals, seed questions; see docs/core.md), as a file path or classpath:path/in/a/jar.json."
                    + " Unset: the built-in expertise guide.");

    // ------------------------------------------------------------------------------------------------ LLM brain

    public static final Setting<String> LLM_PROVIDER = Setting.builder("interview.llm.provider",
            "openai, anthropic or offline", Values.choice("openai", "anthropic", "offline"))
            .describedAs("Which brain phrases the questions. Unset: the LLM whose key is set (OpenAI first), else the"
                    + " offline brain.");

    public static final Setting<String> LLM_OPENAI_API_KEY = Setting.builder("interview.llm.openai.api-key", "string",
            Values.text()).env("OPENAI_API_KEY").secret()
            .describedAs("OpenAI (or compatible server) key; selects the LLM brain.");

    public static final Setting<String> LLM_OPENAI_BASE_URL = Setting.builder("interview.llm.openai.base-url",
            "URL", Values.text()).env("OPENAI_BASE_URL").defaultValue("https://api.openai.com/v1")
            .describedAs("The URL /chat/completions is appended to; also for OpenAI-compatible servers.");

    public static final Setting<String> LLM_OPENAI_MODEL = Setting.builder("interview.llm.openai.model", "string",
            Values.text()).env("OPENAI_MODEL").defaultValue("gpt-4o-mini")
            .describedAs("OpenAI model name.");

    public static final Setting<String> LLM_ANTHROPIC_API_KEY = Setting.builder("interview.llm.anthropic.api-key",
            "string", Values.text()).env("ANTHROPIC_API_KEY").secret()
            .describedAs("Anthropic key; selects the LLM brain when no OpenAI key is set.");

    public static final Setting<String> LLM_ANTHROPIC_BASE_URL = Setting.builder("interview.llm.anthropic.base-url",
            "URL", Values.text()).env("ANTHROPIC_BASE_URL").defaultValue("https://api.anthropic.com/v1/")
            .describedAs("The URL messages is appended to.");

    public static final Setting<String> LLM_ANTHROPIC_MODEL = Setting.builder("interview.llm.anthropic.model",
            "string", Values.text()).env("ANTHROPIC_MODEL").defaultValue("claude-haiku-4-5")
            .describedAs("Anthropic model name.");

    public static final Setting<Duration> LLM_CALL_TIMEOUT = Setting.builder("interview.llm.call-timeout",
            "duration", Values.duration()).defaultValue("20s")
            .describedAs("Timeout of one HTTP call to the model (a whole stream when streaming).");

    public static final Setting<Duration> LLM_TURN_TIMEOUT = Setting.builder("interview.llm.turn-timeout",
            "duration", Values.duration()).defaultValue("28s")
            .describedAs("Everything one turn may take: calls, back-off and the re-ask; keep it below the engine's"
                    + " brain timeout.");

    public static final Setting<Integer> LLM_MAX_RETRIES = Setting.builder("interview.llm.max-retries",
            "integer 0-10", Values.integer(0, 10)).defaultValue("2")
            .describedAs("Retries of one call on 429, 5xx, timeouts and network errors.");

    // ------------------------------------------------------------------------------------------------ speech

    public static final Setting<String> SPEECH_PROVIDER = Setting.builder("interview.voice.provider",
            "assemblyai, openai or off", Values.choice("assemblyai", "openai", "off"))
            .deprecatedEnv("STT_PROVIDER")
            .describedAs("Which speech-to-text goes first (the other is the fallback when both keys are set); off"
                    + " refuses voice. Unset: AssemblyAI if its key is set, else OpenAI.");

    public static final Setting<Boolean> SPEECH_FALLBACK = Setting.builder("interview.voice.fallback", "true/false",
            Values.bool()).deprecatedEnv("STT_FALLBACK").defaultValue("true")
            .describedAs("With both keys set, fall back to the other provider when the first fails.");

    public static final Setting<String> SPEECH_ASSEMBLYAI_API_KEY = Setting.builder(
            "interview.voice.assemblyai.api-key", "string", Values.text()).env("ASSEMBLYAI_API_KEY").secret()
            .describedAs("AssemblyAI key; enables AssemblyAI speech-to-text.");

    public static final Setting<String> SPEECH_ASSEMBLYAI_BASE_URL = Setting.builder(
            "interview.voice.assemblyai.base-url", "URL", Values.text()).env("ASSEMBLYAI_BASE_URL")
            .defaultValue("https://api.assemblyai.com")
            .describedAs("AssemblyAI's API root, without /v2.");

    public static final Setting<String> SPEECH_OPENAI_API_KEY = Setting.builder("interview.voice.openai.api-key",
            "string", Values.text()).secret().fallback(LLM_OPENAI_API_KEY)
            .describedAs("OpenAI key for speech-to-text; enables OpenAI transcription.");

    public static final Setting<String> SPEECH_OPENAI_BASE_URL = Setting.builder("interview.voice.openai.base-url",
            "URL", Values.text()).fallback(LLM_OPENAI_BASE_URL).defaultValue("https://api.openai.com/v1")
            .describedAs("OpenAI's API root with /v1, for transcription.");

    public static final Setting<String> SPEECH_OPENAI_MODEL = Setting.builder("interview.voice.openai.model",
            "string", Values.text()).deprecatedEnv("OPENAI_STT_MODEL").defaultValue("whisper-1")
            .describedAs("OpenAI transcription model (whisper-1, gpt-4o-transcribe, gpt-4o-mini-transcribe).");

    // ------------------------------------------------------------------------------------------------ text-to-speech

    public static final Setting<String> TTS_API_KEY = Setting.builder("interview.voice.tts.api-key", "string",
            Values.text()).secret().fallback(SPEECH_OPENAI_API_KEY)
            .describedAs("OpenAI key for text-to-speech (spoken questions).");

    public static final Setting<String> TTS_BASE_URL = Setting.builder("interview.voice.tts.base-url", "URL",
            Values.text()).fallback(SPEECH_OPENAI_BASE_URL).defaultValue("https://api.openai.com/v1")
            .describedAs("OpenAI's API root with /v1, for text-to-speech.");

    public static final Setting<String> TTS_MODEL = Setting.builder("interview.voice.tts.model", "string", Values.text())
            .deprecatedEnv("TTS_MODEL").defaultValue("gpt-4o-mini-tts").describedAs("Text-to-speech model.");

    public static final Setting<String> TTS_VOICE = Setting.builder("interview.voice.tts.voice", "string", Values.text())
            .deprecatedEnv("TTS_VOICE").defaultValue("alloy").describedAs("Text-to-speech voice.");

    public static final Setting<String> TTS_FORMAT = Setting.builder("interview.voice.tts.format",
            "ogg_opus, mp3, wav_pcm, flac or mp4_aac", Values.choice("ogg_opus", "mp3", "wav_pcm", "flac", "mp4_aac"))
            .deprecatedEnv("TTS_FORMAT").defaultValue("ogg_opus")
            .describedAs("Audio format of spoken questions (ogg_opus is what Telegram plays as a voice message).");

    // ------------------------------------------------------------------------------------------------ Telegram

    public static final Setting<String> TELEGRAM_BOT_TOKEN = Setting.builder("interview.telegram.bot-token", "string",
            Values.text()).env("TELEGRAM_BOT_TOKEN").secret()
            .describedAs("The Telegram bot's token from @BotFather (required by the bot).");

    public static final Setting<String> TELEGRAM_API_URL = Setting.builder("interview.telegram.api-url", "URL",
            Values.text()).env("TELEGRAM_API_URL").defaultValue("https://api.telegram.org")
            .describedAs("Bot API server, e.g. a self-hosted telegram-bot-api.");

    public static final Setting<List<Long>> TELEGRAM_ADMIN_IDS = Setting.builder("interview.telegram.admin-ids",
            "list of user ids", Values.numberList()).deprecatedEnv("TELEGRAM_ADMIN_IDS")
            .describedAs("Telegram user ids allowed to use /metrics, comma-separated.");

    public static final Setting<Boolean> TELEGRAM_ALLOW_GROUPS = Setting.builder("interview.telegram.allow-groups",
            "true/false", Values.bool()).deprecatedEnv("TELEGRAM_ALLOW_GROUPS").defaultValue("false")
            .describedAs("Answer in group chats too (default: private chats only).");

    public static final Setting<Boolean> TELEGRAM_VOICE_REPLIES = Setting.builder("interview.telegram.voice-replies",
            "true/false", Values.bool()).deprecatedEnv("TELEGRAM_VOICE_REPLIES").defaultValue("false")
            .describedAs("Send every question as a voice message too (needs a text-to-speech key).");

    public static final Setting<String> TELEGRAM_WEBHOOK_URL = Setting.builder("interview.telegram.webhook-url", "URL",
            Values.text())
            .describedAs("Webhook mode instead of long polling: the public HTTPS URL Telegram posts updates to.");

    public static final Setting<String> TELEGRAM_WEBHOOK_SECRET = Setting.builder("interview.telegram.webhook-secret",
            "1-256 of A-Z a-z 0-9 _ -", Values.text()).secret()
            .describedAs("The webhook's secret token (required with a webhook URL); other requests are refused.");

    public static final Setting<Integer> TELEGRAM_WEBHOOK_PORT = Setting.builder("interview.telegram.webhook-port",
            "port", Values.integer(1, 65_535)).defaultValue("8443")
            .describedAs("Local port of the webhook endpoint (plain HTTP behind the TLS proxy the URL points at).");

    // ------------------------------------------------------------------------------------------------ WebSocket

    public static final Setting<String> WEBSOCKET_HOST = Setting.builder("interview.websocket.host", "string",
            Values.text()).deprecatedEnv("HOST").defaultValue("127.0.0.1")
            .describedAs("Address the WebSocket server binds to.");

    public static final Setting<Integer> WEBSOCKET_PORT = Setting.builder("interview.websocket.port",
            "integer 0-65535", Values.integer(0, 65_535)).deprecatedEnv("PORT").defaultValue("8080")
            .describedAs("TCP port of the WebSocket server; 0 picks a free one.");

    public static final Setting<List<String>> WEBSOCKET_ALLOWED_ORIGINS = Setting.builder(
            "interview.websocket.allowed-origins", "list", Values.list()).deprecatedEnv("ALLOWED_ORIGINS")
            .describedAs("Origins allowed besides the page's own, comma-separated (https://a.example).");

    public static final Setting<Integer> WEBSOCKET_MAX_CONNECTIONS = Setting.builder(
            "interview.websocket.max-connections", "integer 1-10000000", Values.integer(1, 10_000_000))
            .deprecatedEnv("MAX_CONNECTIONS").defaultValue("20000")
            .describedAs("Open connections above this are refused with busy.");

    public static final Setting<Integer> WEBSOCKET_MAX_TEXT_BYTES = Setting.builder(
            "interview.websocket.max-text-bytes", "integer 1024-2147483647", Values.integer(1024, Integer.MAX_VALUE))
            .defaultValue("65536").describedAs("The largest client text frame answered normally (larger: too_large).");

    public static final Setting<Integer> WEBSOCKET_MAX_AUDIO_BYTES = Setting.builder(
            "interview.websocket.max-audio-bytes", "integer 1024-2147483647", Values.integer(1024, Integer.MAX_VALUE))
            .defaultValue("26214400").describedAs("The largest recording accepted (larger: too_large).");

    public static final Setting<Double> WEBSOCKET_MESSAGES_PER_SECOND = Setting.builder(
            "interview.websocket.messages-per-second", "decimal > 0", Values.positiveDecimal()).defaultValue("10")
            .describedAs("Average frames a connection may send per second (more: rate_limited).");

    public static final Setting<Integer> WEBSOCKET_BURST = Setting.builder("interview.websocket.burst",
            "integer 1-1000000", Values.integer(1, 1_000_000)).defaultValue("20")
            .describedAs("Frames a connection may send at once before the average applies.");

    public static final Setting<Integer> WEBSOCKET_MAX_FRAME_CHARS = Setting.builder(
            "interview.websocket.max-frame-chars", "integer 1024-2147483647", Values.integer(1024, Integer.MAX_VALUE))
            .defaultValue("1048576").describedAs("The longest frame the server sends; longer reports go in parts.");

    public static final Setting<Duration> WEBSOCKET_IDLE_TIMEOUT = Setting.builder("interview.websocket.idle-timeout",
            "duration", Values.duration()).defaultValue("10m")
            .describedAs("A connection with no traffic for this long is closed.");

    public static final Setting<Integer> WEBSOCKET_MAX_CONNECTIONS_PER_ADDRESS = Setting.builder(
            "interview.websocket.max-connections-per-address", "integer 1-10000000", Values.integer(1, 10_000_000))
            .defaultValue("64").describedAs("Open connections from one client address above this are refused.");

    public static final Setting<Integer> WEBSOCKET_STARTS_PER_MINUTE = Setting.builder(
            "interview.websocket.starts-per-minute", "integer 1-10000000", Values.integer(1, 10_000_000))
            .deprecatedEnv("STARTS_PER_MINUTE").defaultValue("1200")
            .describedAs("New interviews per minute from all clients together (more: rate_limited).");

    public static final Setting<Integer> WEBSOCKET_STARTS_PER_MINUTE_PER_ADDRESS = Setting.builder(
            "interview.websocket.starts-per-minute-per-address", "integer 1-10000000", Values.integer(1, 10_000_000))
            .defaultValue("20").describedAs("New interviews per minute from one client address (more: rate_limited).");

    public static final Setting<Integer> WEBSOCKET_TURN_THREADS = Setting.builder("interview.websocket.turn-threads",
            "integer 1-10000", Values.integer(1, 10_000)).defaultValue("64")
            .describedAs("Threads that run turns, off the container's threads.");

    public static final Setting<Integer> WEBSOCKET_MAX_QUEUED_TURNS = Setting.builder(
            "interview.websocket.max-queued-turns", "integer 1-10000000", Values.integer(1, 10_000_000))
            .defaultValue("1000").describedAs("Turns waiting for a thread above this get busy.");

    public static final Setting<String> WEBSOCKET_CLIENT_ADDRESS_HEADER = Setting.builder(
            "interview.websocket.client-address-header", "header name", Values.text())
            .deprecatedEnv("CLIENT_ADDRESS_HEADER")
            .describedAs("Header a trusted proxy puts the client's address in (X-Forwarded-For). Unset: the socket's"
                    + " address.");

    private static final List<Setting<?>> ALL = List.of(
            CONFIG_FILE,
            STORE_URL, STORE_USER, STORE_PASSWORD, STORE_SCHEMA, STORE_MAX_POOL_SIZE, STORE_QUERY_TIMEOUT,
            REDIS_URL, REDIS_KEY_PREFIX,
            ENCRYPTION_KEYS, ENCRYPTION_PRIMARY_KEY_ID, ENCRYPTION_REQUIRED, ENCRYPTION_MIGRATE, PRIVACY_REDACT_PII,
            RETENTION_ENABLED, RETENTION_ABANDON_AFTER, RETENTION_PURGE_ARCHIVED_AFTER_DAYS, RETENTION_SWEEP_EVERY,
            ENGINE_BRAIN_TIMEOUT, ENGINE_LOCK_TIMEOUT, ENGINE_MAX_ANSWER_CHARS,
            START_LANGUAGE, START_STYLE, START_GUIDE,
            LLM_PROVIDER, LLM_OPENAI_API_KEY, LLM_OPENAI_BASE_URL, LLM_OPENAI_MODEL,
            LLM_ANTHROPIC_API_KEY, LLM_ANTHROPIC_BASE_URL, LLM_ANTHROPIC_MODEL,
            LLM_CALL_TIMEOUT, LLM_TURN_TIMEOUT, LLM_MAX_RETRIES,
            SPEECH_PROVIDER, SPEECH_FALLBACK, SPEECH_ASSEMBLYAI_API_KEY, SPEECH_ASSEMBLYAI_BASE_URL,
            SPEECH_OPENAI_API_KEY, SPEECH_OPENAI_BASE_URL, SPEECH_OPENAI_MODEL,
            TTS_API_KEY, TTS_BASE_URL, TTS_MODEL, TTS_VOICE, TTS_FORMAT,
            TELEGRAM_BOT_TOKEN, TELEGRAM_API_URL, TELEGRAM_ADMIN_IDS, TELEGRAM_ALLOW_GROUPS, TELEGRAM_VOICE_REPLIES,
            TELEGRAM_WEBHOOK_URL, TELEGRAM_WEBHOOK_SECRET, TELEGRAM_WEBHOOK_PORT,
            WEBSOCKET_HOST, WEBSOCKET_PORT, WEBSOCKET_ALLOWED_ORIGINS, WEBSOCKET_MAX_CONNECTIONS,
            WEBSOCKET_MAX_TEXT_BYTES, WEBSOCKET_MAX_AUDIO_BYTES, WEBSOCKET_MESSAGES_PER_SECOND, WEBSOCKET_BURST,
            WEBSOCKET_MAX_FRAME_CHARS, WEBSOCKET_IDLE_TIMEOUT, WEBSOCKET_MAX_CONNECTIONS_PER_ADDRESS,
            WEBSOCKET_STARTS_PER_MINUTE, WEBSOCKET_STARTS_PER_MINUTE_PER_ADDRESS, WEBSOCKET_TURN_THREADS,
            WEBSOCKET_MAX_QUEUED_TURNS, WEBSOCKET_CLIENT_ADDRESS_HEADER);

    private InterviewSettings() {
    }

    /** Every setting, in the order of the documentation table. */
    public static List<Setting<?>> all() {
        return ALL;
    }

    /** The setting with this dotted name. */
    public static Optional<Setting<?>> byName(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
