package dev.interviewagent.samples.telegram;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.brain.LlmBrains;
import dev.interviewagent.persistence.InterviewStores;
import dev.interviewagent.persistence.JdbcChannelInbox;
import dev.interviewagent.persistence.JdbcInterviewStore;
import dev.interviewagent.persistence.PrivacyOperations;
import dev.interviewagent.persistence.RedisConnection;
import dev.interviewagent.persistence.RedisInterviewLock;
import dev.interviewagent.persistence.RedisInterviewStore;
import dev.interviewagent.telegram.RespondentData;
import dev.interviewagent.telegram.TelegramChannel;
import dev.interviewagent.voice.OpenAiTextToSpeech;
import dev.interviewagent.voice.SpeechToText;
import dev.interviewagent.voice.SpeechToTextFactory;
import dev.interviewagent.voice.TextToSpeech;
import dev.interviewagent.voice.VoiceTranscriber;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * A Telegram interview bot, configured from the environment (see the README): {@code TELEGRAM_BOT_TOKEN} (required),
 * {@code TELEGRAM_API_URL}, {@code TELEGRAM_ADMIN_IDS}, {@code TELEGRAM_ALLOW_GROUPS}; an LLM key
 * ({@code OPENAI_API_KEY} / {@code ANTHROPIC_API_KEY}) or the offline brain; {@code INTERVIEW_DB_URL} (embedded
 * database in {@code ./interviews} by default, or PostgreSQL) and {@code REDIS_URL}; speech keys for voice answers
 * and {@code TELEGRAM_VOICE_REPLIES} for spoken questions.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        String token = env.get("TELEGRAM_BOT_TOKEN");
        if (token == null || token.isBlank()) {
            System.err.println("Set TELEGRAM_BOT_TOKEN to your bot's token (from @BotFather).");
            System.exit(2);
        }
        JdbcInterviewStore database = InterviewStores.fromUrl(env.get("INTERVIEW_DB_URL"));
        Optional<RedisConnection> redis = Optional.ofNullable(env.get("REDIS_URL")).filter(u -> !u.isBlank())
                .map(url -> RedisConnection.of(url, RedisConnection.DEFAULT_KEY_PREFIX));
        InterviewEngine.Builder engineBuilder = InterviewEngine.builder().store(database);
        Optional<RedisInterviewStore> cached = redis.map(r -> RedisInterviewStore.of(database, r));
        cached.ifPresent(store -> engineBuilder.store(store).lock(RedisInterviewLock.of(redis.get())));
        PrivacyOperations privacy = cached.isPresent()
                ? PrivacyOperations.of(cached.get(), database, Clock.systemUTC()) : PrivacyOperations.of(database);
        LlmBrains.fromEnvironment(env).ifPresent(engineBuilder::brain);   // no key: the offline methodology brain
        InterviewEngine engine = engineBuilder.build();

        Optional<SpeechToText> stt = SpeechToTextFactory.fromEnvironment(env);
        Optional<TextToSpeech> tts = Boolean.parseBoolean(env.getOrDefault("TELEGRAM_VOICE_REPLIES", "false"))
                ? OpenAiTextToSpeech.fromEnvironment(env) : Optional.empty();
        TelegramChannel.Builder builder = TelegramChannel.builder(token, engine)
                .apiUrl(env.getOrDefault("TELEGRAM_API_URL", TelegramChannel.DEFAULT_API_URL))
                .adminIds(adminIds(env.getOrDefault("TELEGRAM_ADMIN_IDS", "")))
                .privateChatsOnly(!Boolean.parseBoolean(env.getOrDefault("TELEGRAM_ALLOW_GROUPS", "false")))
                .inbox(JdbcChannelInbox.of(database))          // updates survive a crash: stored before acknowledged
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
        stt.ifPresent(s -> builder.transcriber(VoiceTranscriber.of(s)));
        tts.ifPresent(t -> builder.synthesizer((text, language) -> t.synthesize(text).audio()));
        String webhookUrl = env.getOrDefault("TELEGRAM_WEBHOOK_URL", "");
        if (!webhookUrl.isBlank()) {                          // webhook mode: the secret is mandatory
            builder.webhookUrl(webhookUrl).webhookSecret(env.getOrDefault("TELEGRAM_WEBHOOK_SECRET", ""));
        }
        TelegramChannel channel = builder.build();
        WebhookServer webhook = webhookUrl.isBlank() ? null
                : WebhookServer.start(channel, Integer.parseInt(env.getOrDefault("TELEGRAM_WEBHOOK_PORT", "8443")));

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (webhook != null) {
                webhook.close();
            }
            channel.close();
            engine.close();
            stt.ifPresent(SpeechToText::close);
            tts.ifPresent(TextToSpeech::close);
            redis.ifPresent(RedisConnection::close);
            database.close();
            stopped.countDown();
        }, "shutdown"));
        channel.start();
        System.out.println("Interview bot is running (" + LlmBrains.describe(env) + "; voice: "
                + (stt.isPresent() ? "on" : "off") + "). Press Ctrl+C to stop.");
        stopped.await();
    }

    private static Set<Long> adminIds(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Long::parseLong)
                .collect(Collectors.toUnmodifiableSet());
    }
}
