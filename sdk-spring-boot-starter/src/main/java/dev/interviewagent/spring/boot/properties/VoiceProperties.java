package dev.interviewagent.spring.boot.properties;

import dev.interviewagent.core.config.InterviewSettings;
import org.jspecify.annotations.Nullable;

/** Speech-to-text and text-to-speech: {@code interview.voice.*}. */
public final class VoiceProperties {

    /**
     * Which speech-to-text goes first (the other is the fallback when both keys are set); off refuses voice. Unset:
     * AssemblyAI if its key is set, else OpenAI.
     */
    private @Nullable String provider;

    /** With both keys set, fall back to the other provider when the first fails. */
    private boolean fallback = true;

    private final AssemblyAi assemblyai = new AssemblyAi();

    private final OpenAi openai = new OpenAi();

    private final Tts tts = new Tts();

    public @Nullable String getProvider() {
        return provider;
    }

    public void setProvider(@Nullable String provider) {
        this.provider = provider;
    }

    public boolean isFallback() {
        return fallback;
    }

    public void setFallback(boolean fallback) {
        this.fallback = fallback;
    }

    public AssemblyAi getAssemblyai() {
        return assemblyai;
    }

    public OpenAi getOpenai() {
        return openai;
    }

    public Tts getTts() {
        return tts;
    }

    void collect(SettingValues values) {
        values.put(InterviewSettings.SPEECH_PROVIDER, provider);
        values.put(InterviewSettings.SPEECH_FALLBACK, fallback);
        assemblyai.collect(values);
        openai.collect(values);
        tts.collect(values);
    }

    /** AssemblyAI speech-to-text: {@code interview.voice.assemblyai.*}. */
    public static final class AssemblyAi {

        /** AssemblyAI key; enables AssemblyAI speech-to-text. Secret. */
        private @Nullable String apiKey;

        /** AssemblyAI's API root, without /v2. */
        private String baseUrl = "https://api.assemblyai.com";

        public @Nullable String getApiKey() {
            return apiKey;
        }

        public void setApiKey(@Nullable String apiKey) {
            this.apiKey = apiKey;
        }

        public String getBaseUrl() {
            return baseUrl;
        }

        public void setBaseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        void collect(SettingValues values) {
            values.put(InterviewSettings.SPEECH_ASSEMBLYAI_API_KEY, apiKey);
            values.put(InterviewSettings.SPEECH_ASSEMBLYAI_BASE_URL, baseUrl);
        }
    }

    /** OpenAI speech-to-text: {@code interview.voice.openai.*}. */
    public static final class OpenAi {

        /**
         * OpenAI key for speech-to-text; enables OpenAI transcription. Unset: as interview.llm.openai.api-key. Secret.
         */
        private @Nullable String apiKey;

        /**
         * OpenAI's API root with /v1, for transcription. Unset: as interview.llm.openai.base-url, else
         * https://api.openai.com/v1.
         */
        private @Nullable String baseUrl;

        /** OpenAI transcription model (whisper-1, gpt-4o-transcribe, gpt-4o-mini-transcribe). */
        private String model = "whisper-1";

        public @Nullable String getApiKey() {
            return apiKey;
        }

        public void setApiKey(@Nullable String apiKey) {
            this.apiKey = apiKey;
        }

        public @Nullable String getBaseUrl() {
            return baseUrl;
        }

        public void setBaseUrl(@Nullable String baseUrl) {
            this.baseUrl = baseUrl;
        }

        public String getModel() {
            return model;
        }

        public void setModel(String model) {
            this.model = model;
        }

        void collect(SettingValues values) {
            values.put(InterviewSettings.SPEECH_OPENAI_API_KEY, apiKey);
            values.put(InterviewSettings.SPEECH_OPENAI_BASE_URL, baseUrl);
            values.put(InterviewSettings.SPEECH_OPENAI_MODEL, model);
        }
    }

    /** Text-to-speech of questions: {@code interview.voice.tts.*}. */
    public static final class Tts {

        /** OpenAI key for text-to-speech (spoken questions). Unset: as interview.voice.openai.api-key. Secret. */
        private @Nullable String apiKey;

        /**
         * OpenAI's API root with /v1, for text-to-speech. Unset: as interview.voice.openai.base-url, else
         * https://api.openai.com/v1.
         */
        private @Nullable String baseUrl;

        /** Text-to-speech model. */
        private String model = "gpt-4o-mini-tts";

        /** Text-to-speech voice. */
        private String voice = "alloy";

        /** Audio format of spoken questions (ogg_opus is what Telegram plays as a voice message). */
        private String format = "ogg_opus";

        public @Nullable String getApiKey() {
            return apiKey;
        }

        public void setApiKey(@Nullable String apiKey) {
            this.apiKey = apiKey;
        }

        public @Nullable String getBaseUrl() {
            return baseUrl;
        }

        public void setBaseUrl(@Nullable String baseUrl) {
            this.baseUrl = baseUrl;
        }

        public String getModel() {
            return model;
        }

        public void setModel(String model) {
            this.model = model;
        }

        public String getVoice() {
            return voice;
        }

        public void setVoice(String voice) {
            this.voice = voice;
        }

        public String getFormat() {
            return format;
        }

        public void setFormat(String format) {
            this.format = format;
        }

        void collect(SettingValues values) {
            values.put(InterviewSettings.TTS_API_KEY, apiKey);
            values.put(InterviewSettings.TTS_BASE_URL, baseUrl);
            values.put(InterviewSettings.TTS_MODEL, model);
            values.put(InterviewSettings.TTS_VOICE, voice);
            values.put(InterviewSettings.TTS_FORMAT, format);
        }
    }
}
