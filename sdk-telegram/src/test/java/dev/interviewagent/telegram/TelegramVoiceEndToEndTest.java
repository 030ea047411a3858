package dev.interviewagent.telegram;

import static dev.interviewagent.telegram.fake.FakeBotApi.callback;
import static dev.interviewagent.telegram.fake.FakeBotApi.text;
import static dev.interviewagent.telegram.fake.FakeBotApi.voice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.telegram.fake.FakeBotApi;
import dev.interviewagent.voice.SpeechToText;
import dev.interviewagent.voice.TextToSpeech;
import dev.interviewagent.voice.VoiceTranscriber;
import dev.interviewagent.voice.fake.FakeOpenAiServer;
import dev.interviewagent.voice.openai.OpenAiSpeechToText;
import dev.interviewagent.voice.openai.OpenAiTextToSpeech;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real Telegram voice note end to end: the fake Bot API serves {@code telegram-voice-note.ogg} through getFile and
 * the file endpoint, sdk-voice checks it and sends it to a local server that follows OpenAI's transcription
 * contract, and the transcript goes to the engine. Voice replies go the other way through OpenAI's speech endpoint.
 */
class TelegramVoiceEndToEndTest {

    private static final String KEY = "sk-test-telegram-0123456789";

    private final FakeOpenAiServer openAi = new FakeOpenAiServer(KEY);
    private SpeechToText stt;
    private TextToSpeech tts;
    private TestBed bed;

    @AfterEach
    void stop() {
        if (bed != null) {
            bed.close();
        }
        if (stt != null) {
            stt.close();
        }
        if (tts != null) {
            tts.close();
        }
        openAi.close();
        assertThat(openAi.violations()).as("requests that break OpenAI's published contract").isEmpty();
    }

    @Test
    void should_transcribe_the_real_voice_note_and_answer_with_it_when_it_is_sent() throws Exception {
        byte[] note = Files.readAllBytes(FakeBotApi.shared("fixtures/voice/telegram-voice-note.ogg"));
        openAi.result("We check the valves first, every morning at six.", "english", -0.05);
        byte[] speech = Files.readAllBytes(FakeBotApi.shared("fixtures/voice/telegram-voice-note.ogg"));
        openAi.speechAudio(speech);
        stt = OpenAiSpeechToText.builder().apiKey(KEY).baseUrl(openAi.baseUrl())
                .requestTimeout(Duration.ofSeconds(10)).build();
        tts = OpenAiTextToSpeech.builder().apiKey(KEY).baseUrl(openAi.baseUrl()).build();
        TextToSpeech voiceOut = tts;
        bed = new TestBed(InterviewEngine.builder().build(), b -> b.transcriber(VoiceTranscriber.of(stt))
                .synthesizer((question, language) -> voiceOut.synthesize(question).audio())).polling();
        long chat = 7001;
        bed.send(text(chat, "en", "/start"));
        bed.send(callback(chat, "en", 1, "lang:en"));
        bed.send(callback(chat, "en", 2, "style:master"));
        bed.send(callback(chat, "en", 3, "profile:skip"));
        InterviewId id = bed.engine.findActive("telegram:" + chat).orElseThrow();
        bed.api.serveFile("AwACAgIAAxkBAAIB", "voice/file_42.oga", note);
        int before = bed.messageCount(chat);

        bed.send(voice(chat, "en", "AwACAgIAAxkBAAIB", note.length, 7));

        assertThat(openAi.requests("POST", "/v1/audio/transcriptions")).hasSize(1);
        assertThat(bed.api.calls("getFile")).singleElement()
                .satisfies(c -> assertThat(c.params().path("file_id").asText()).isEqualTo("AwACAgIAAxkBAAIB"));
        List<String> replies = bed.messagesSince(chat, before);
        assertThat(replies.get(0)).isEqualTo("🎙 I heard: “We check the valves first, every morning at six.”");
        Turn answer = bed.engine.transcript(id).stream().filter(Turn::isRespondent).findFirst().orElseThrow();
        assertThat(answer.modality()).isEqualTo(Turn.Modality.VOICE);
        assertThat(answer.text()).isEqualTo("We check the valves first, every morning at six.");
        assertThat(answer.confidence()).isGreaterThan(0.85);
        // every question also went out as a voice message synthesised by the speech endpoint
        assertThat(bed.api.calls("sendVoice", String.valueOf(chat))).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(c -> assertThat(c.file("voice")).isEqualTo(speech));
    }
}
