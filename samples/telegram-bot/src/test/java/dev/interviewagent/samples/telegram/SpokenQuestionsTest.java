package dev.interviewagent.samples.telegram;

import static dev.interviewagent.telegram.fake.FakeBotApi.callback;
import static dev.interviewagent.telegram.fake.FakeBotApi.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InvalidConfigurationException;
import dev.interviewagent.telegram.fake.FakeBotApi;
import dev.interviewagent.voice.fake.FakeOpenAiServer;
import dev.interviewagent.voice.fake.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot with {@code interview.telegram.voice-replies=true}, configured by settings alone and running against the
 * Bot API stand-in, with sdk-voice's OpenAI text-to-speech against the OpenAI stand-in (which answers with the real
 * Ogg/Opus voice note): every question goes out as text, then as a voice message of exactly that text.
 */
class SpokenQuestionsTest {

    private static final String TOKEN = "123456:spoken-questions-token";
    private static final String KEY = "sk-tts-telegram-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private FakeBotApi api;
    private FakeOpenAiServer openAi;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
        if (openAi != null) {
            openAi.close();
            assertThat(openAi.violations()).as("requests that break OpenAI's published contract").isEmpty();
        }
    }

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                "INTERVIEW_STORE_URL", dir.resolve("store").toString()));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void should_send_every_question_as_text_and_then_as_a_voice_message_of_that_text() throws Exception {
        api = FakeBotApi.start(TOKEN);
        openAi = new FakeOpenAiServer(KEY);
        byte[] note = Files.readAllBytes(FakeBotApi.shared("fixtures/voice/telegram-voice-note.ogg"));
        openAi.speechAudio(note);
        long chat = 8101;
        try (Main.Bot bot = Main.Bot.open(InterviewConfig.fromEnvironment(env("TELEGRAM_API_URL", api.url(),
                "INTERVIEW_TELEGRAM_VOICE_REPLIES", "true", "INTERVIEW_VOICE_TTS_API_KEY", KEY,
                "INTERVIEW_VOICE_TTS_BASE_URL", openAi.baseUrl(), "INTERVIEW_ENCRYPTION_REQUIRED", "false")))) {
            assertThat(bot.description()).anySatisfy(line -> assertThat(line).contains("spoken questions"));
            bot.start();
            for (var update : List.of(text(chat, "en", "/start"), callback(chat, "en", 1, "lang:en"),
                    callback(chat, "en", 2, "style:master"), callback(chat, "en", 3, "profile:skip"))) {
                api.awaitTaken(api.push(update), WAIT);
            }
            api.await(c -> c.method().equals("sendVoice"), 1, WAIT);
            api.awaitTaken(api.push(text(chat, "en", "I have led the night shift at a water plant for twelve "
                    + "years; last March the dosing pump failed at 3 am and we switched to the spare.")), WAIT);
            api.await(c -> c.method().equals("sendVoice"), 2, WAIT);
        }

        List<FakeBotApi.Call> toChat = api.calls().stream()
                .filter(c -> String.valueOf(chat).equals(c.chatId()) && c.status() == 200).toList();
        List<FakeBotApi.Call> voices = toChat.stream().filter(c -> c.method().equals("sendVoice")).toList();
        assertThat(voices).hasSize(2).allSatisfy(voice -> assertThat(voice.file("voice")).isEqualTo(note));
        List<String> spoken = openAi.requests().stream().map(RecordedRequest::body).map(body -> {
            try {
                return JSON.readTree(body);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }).peek(body -> assertThat(body.path("response_format").asText()).isEqualTo("opus"))
                .map(body -> body.path("input").asText()).toList();
        assertThat(spoken).hasSize(2);
        // each voice message follows the text of the question it speaks: nothing is only heard
        for (int i = 0; i < voices.size(); i++) {
            FakeBotApi.Call before = toChat.get(toChat.indexOf(voices.get(i)) - 1);
            assertThat(before.method()).isEqualTo("sendMessage");
            assertThat(FakeBotApi.unescape(before.text())).isEqualTo(spoken.get(i));
        }
    }

    @Test
    void should_refuse_voice_replies_without_a_text_to_speech_key_or_with_audio_telegram_cannot_play() {
        assertThatThrownBy(() -> Main.Bot.open(InterviewConfig.fromEnvironment(env(
                "INTERVIEW_TELEGRAM_VOICE_REPLIES", "true"))))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.settingName())
                        .isEqualTo("interview.telegram.voice-replies"))
                .hasMessageContaining("interview.voice.tts.api-key");
        assertThatThrownBy(() -> Main.Bot.open(InterviewConfig.fromEnvironment(env(
                "INTERVIEW_TELEGRAM_VOICE_REPLIES", "true", "INTERVIEW_VOICE_TTS_API_KEY", KEY,
                "INTERVIEW_VOICE_TTS_FORMAT", "mp3"))))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.settingName())
                        .isEqualTo("interview.voice.tts.format"))
                .hasMessageContaining("ogg_opus").hasMessageNotContaining(KEY);
    }
}
