package dev.interviewagent.samples.telegram;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.config.EngineSettings;
import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.core.config.InvalidConfigurationException;
import dev.interviewagent.llm.LlmBrains;
import dev.interviewagent.persistence.InterviewStorage;
import dev.interviewagent.persistence.JdbcChannelInbox;
import dev.interviewagent.persistence.PrivacyOperations;
import dev.interviewagent.telegram.RespondentData;
import dev.interviewagent.telegram.TelegramChannel;
import dev.interviewagent.telegram.TelegramChannelBuilder;
import dev.interviewagent.voice.SpeechToText;
import dev.interviewagent.voice.SpeechToTextFactory;
import dev.interviewagent.voice.TextToSpeech;
import dev.interviewagent.voice.VoiceTranscriber;
import dev.interviewagent.voice.openai.OpenAiTextToSpeech;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * A Telegram interview bot, configured by settings alone (see the README and docs/configuration.md): the bot token
 * ({@code TELEGRAM_BOT_TOKEN}, required), the store ({@code INTERVIEW_STORE_URL}: an embedded database in
 * {@code ./interviews} by default, or PostgreSQL; the older {@code INTERVIEW_DB_URL} still works), Redis, encryption
 * at rest, PII redaction and retention, an LLM key or the offline brain, speech keys for voice answers and
 * {@code INTERVIEW_TELEGRAM_VOICE_REPLIES} for spoken questions. Settings come from environment variables, then
 * {@code -D} system properties, then the file {@code INTERVIEW_CONFIG_FILE} names.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Bot bot;
        try {
            bot = Bot.open(InterviewConfig.load());
        } catch (IllegalArgumentException e) {       // a missing or bad setting, named in the message
            System.err.println(e.getMessage());
            System.err.println("Set TELEGRAM_BOT_TOKEN to your bot's token (from @BotFather); see the README.");
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bot.close();
            stopped.countDown();
        }, "shutdown"));
        bot.start();
        bot.description().forEach(line -> System.out.println("  " + line));
        System.out.println("Interview bot is running. Press Ctrl+C to stop.");
        stopped.await();
    }

    /** Everything the bot runs on, opened from the configuration; closed in reverse order. */
    static final class Bot implements AutoCloseable {
        private final List<AutoCloseable> opened = new ArrayList<>();
        private final List<String> description = new ArrayList<>();
        private InterviewStorage storage;
        private InterviewEngine engine;
        private TelegramChannel channel;
        private int webhookPort;

        private Bot() {
        }

        /**
         * Opens the store stack, the engine, speech and the channel; nothing talks to Telegram until {@link #start}.
         *
         * @throws IllegalArgumentException for a missing or bad setting, naming it
         */
        static Bot open(InterviewConfig config) {
            return open(config, Clock.systemUTC());
        }

        /** As {@link #open(InterviewConfig)}, with the clock for the engine and the store (tests move it). */
        static Bot open(InterviewConfig config, Clock clock) {
            Bot bot = new Bot();
            try {
                bot.openAll(config, clock);
                return bot;
            } catch (RuntimeException e) {
                bot.close();
                throw e;
            }
        }

        private void openAll(InterviewConfig config, Clock clock) {
            String token = config.get(InterviewSettings.TELEGRAM_BOT_TOKEN);    // settings first: fail before opening
            List<Long> admins = config.find(InterviewSettings.TELEGRAM_ADMIN_IDS).orElse(List.of());
            boolean groups = config.get(InterviewSettings.TELEGRAM_ALLOW_GROUPS);
            boolean voiceReplies = config.get(InterviewSettings.TELEGRAM_VOICE_REPLIES);
            if (voiceReplies) {
                checkVoiceReplies(config);
            }
            InterviewEngine.Builder engineBuilder = EngineSettings.from(config).applyTo(InterviewEngine.builder())
                    .clock(clock);
            LlmBrains.from(config).ifPresent(engineBuilder::brain);   // no key: the offline methodology brain
            description.add("brain: " + LlmBrains.describe(config));
            storage = remember(InterviewStorage.builder(config).clock(clock).open());
            description.addAll(storage.description());
            engine = remember(storage.applyTo(engineBuilder).build());
            Optional<SpeechToText> stt = SpeechToTextFactory.from(config).map(this::remember);
            Optional<TextToSpeech> tts = voiceReplies ? OpenAiTextToSpeech.from(config).map(this::remember)
                    : Optional.empty();
            description.add("voice: " + stt.map(s -> s.providerId() + " speech-to-text").orElse("off")
                    + tts.map(t -> ", spoken questions").orElse(""));
            PrivacyOperations privacy = storage.privacy();
            TelegramChannelBuilder builder = TelegramChannel.builder(token, engine)
                    .adminIds(new HashSet<>(admins))
                    .privateChatsOnly(!groups)
                    .inbox(JdbcChannelInbox.of(storage.database()))  // updates survive a crash: stored before acked
                    .respondentData(new RespondentData() {          // /delete_my_data: every interview of the chat
                        @Override
                        public String export(String channelKey) {
                            return privacy.exportRespondent(channelKey);
                        }

                        @Override
                        public int delete(String channelKey) {
                            return privacy.deleteRespondent(channelKey);
                        }
                    });
            config.apply(InterviewSettings.TELEGRAM_API_URL, builder::apiUrl);
            stt.ifPresent(s -> builder.transcriber(VoiceTranscriber.of(s)));
            tts.ifPresent(t -> builder.synthesizer((text, language) -> t.synthesize(text).audio()));
            Optional<String> webhookUrl = config.find(InterviewSettings.TELEGRAM_WEBHOOK_URL);
            if (webhookUrl.isPresent()) {                           // webhook mode: the secret is mandatory
                builder.webhookUrl(webhookUrl.get())
                        .webhookSecret(config.find(InterviewSettings.TELEGRAM_WEBHOOK_SECRET).orElse(""));
            }
            channel = remember(builder.build());
            if (webhookUrl.isPresent()) {
                webhookPort = config.get(InterviewSettings.TELEGRAM_WEBHOOK_PORT);
                description.add("updates: webhook " + webhookUrl.get() + " (local port " + webhookPort + ")");
            } else {
                description.add("updates: long polling");
            }
        }

        /**
         * Spoken questions need a text-to-speech key, and Ogg/Opus audio: Telegram plays nothing else as a voice
         * message. Asked for but impossible is a configuration error, not a bot that silently sends text only.
         */
        private static void checkVoiceReplies(InterviewConfig config) {
            if (config.find(InterviewSettings.TTS_API_KEY).isEmpty()) {
                throw new InvalidConfigurationException(InterviewSettings.TELEGRAM_VOICE_REPLIES,
                        InterviewSettings.TELEGRAM_VOICE_REPLIES.name() + " is true, but no text-to-speech key is set ("
                                + InterviewSettings.TTS_API_KEY.name() + ", or OPENAI_API_KEY)");
            }
            String format = config.get(InterviewSettings.TTS_FORMAT);
            if (!format.equals("ogg_opus")) {
                throw new InvalidConfigurationException(InterviewSettings.TTS_FORMAT,
                        InterviewSettings.TTS_FORMAT.name() + " must be ogg_opus for Telegram voice messages, was "
                                + format);
            }
        }

        /** Starts long polling (or the webhook endpoint) and, when configured, the retention sweeps. */
        void start() {
            if (webhookPort > 0) {
                try {
                    remember(WebhookServer.start(channel, webhookPort));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot listen for webhooks on port " + webhookPort, e);
                }
            }
            channel.start();
            storage.startRetention(engine);
        }

        InterviewStorage storage() {
            return storage;
        }

        InterviewEngine engine() {
            return engine;
        }

        /** What the bot runs on, one line each, without secrets. */
        List<String> description() {
            return List.copyOf(description);
        }

        @Override
        public void close() {
            List<AutoCloseable> reversed = new ArrayList<>(opened);
            Collections.reverse(reversed);
            opened.clear();
            for (AutoCloseable resource : reversed) {
                try {
                    resource.close();
                } catch (Exception e) {
                    System.err.println("shutdown: " + e.getClass().getSimpleName());
                }
            }
        }

        private <T extends AutoCloseable> T remember(T resource) {
            opened.add(resource);
            return resource;
        }
    }
}
