package dev.interviewagent.samples.telegram;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.telegram.TelegramChannel;
import dev.interviewagent.voice.OpenAiTextToSpeech;
import dev.interviewagent.voice.SpeechToText;
import dev.interviewagent.voice.SpeechToTextFactory;
import dev.interviewagent.voice.TextToSpeech;
import dev.interviewagent.voice.VoiceTranscriber;
import java.util.Optional;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * A Telegram interview bot. Reads its configuration from the environment:
 * <ul>
 *   <li>{@code TELEGRAM_BOT_TOKEN} (required) – the token from @BotFather;</li>
 *   <li>{@code TELEGRAM_API_URL} – the Bot API server, default {@code https://api.telegram.org} (set it for a
 *       self-hosted Bot API server);</li>
 *   <li>{@code TELEGRAM_ADMIN_IDS} – comma-separated Telegram user ids allowed to use {@code /metrics};</li>
 *   <li>{@code TELEGRAM_ALLOW_GROUPS} – {@code true} to answer in group chats too (default: private chats only);</li>
 *   <li>{@code ASSEMBLYAI_API_KEY} or {@code OPENAI_API_KEY} – voice messages are transcribed (sdk-voice);</li>
 *   <li>{@code TELEGRAM_VOICE_REPLIES} – {@code true} (with {@code OPENAI_API_KEY}) to send questions as voice too.</li>
 * </ul>
 * Without an LLM key the interviews run on the offline methodology brain; interviews are kept in memory.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> env = System.getenv();
        String token = env.get("TELEGRAM_BOT_TOKEN");
        if (token == null || token.isBlank()) {
            System.err.println("Set TELEGRAM_BOT_TOKEN to your bot's token (from @BotFather).");
            System.exit(2);
        }
        InterviewEngine engine = InterviewEngine.builder().build();
        Optional<SpeechToText> stt = SpeechToTextFactory.fromEnvironment(env);
        Optional<TextToSpeech> tts = Boolean.parseBoolean(env.getOrDefault("TELEGRAM_VOICE_REPLIES", "false"))
                ? OpenAiTextToSpeech.fromEnvironment(env) : Optional.empty();
        TelegramChannel.Builder builder = TelegramChannel.builder(token, engine);
        stt.ifPresent(s -> builder.transcriber(VoiceTranscriber.of(s)));
        tts.ifPresent(t -> builder.synthesizer((text, language) -> t.synthesize(text).audio()));
        TelegramChannel channel = builder
                .apiUrl(env.getOrDefault("TELEGRAM_API_URL", TelegramChannel.DEFAULT_API_URL))
                .adminIds(adminIds(env.getOrDefault("TELEGRAM_ADMIN_IDS", "")))
                .privateChatsOnly(!Boolean.parseBoolean(env.getOrDefault("TELEGRAM_ALLOW_GROUPS", "false")))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            channel.close();
            engine.close();
            stt.ifPresent(SpeechToText::close);
            tts.ifPresent(TextToSpeech::close);
            stopped.countDown();
        }, "shutdown"));
        channel.start();
        System.out.println("Interview bot is running (voice " + (stt.isPresent() ? "on" : "off")
                + "). Press Ctrl+C to stop.");
        stopped.await();
    }

    private static Set<Long> adminIds(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Long::parseLong)
                .collect(Collectors.toUnmodifiableSet());
    }
}
