package dev.interviewagent.telegram;

import static dev.interviewagent.telegram.fake.FakeBotApi.callback;
import static dev.interviewagent.telegram.fake.FakeBotApi.text;
import static dev.interviewagent.telegram.fake.FakeBotApi.voice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.channel.InboundMessage;
import dev.interviewagent.core.channel.SpeechTranscriber;
import dev.interviewagent.telegram.fake.FakeBotApi;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Voice messages end to end with a hand-written transcriber: the real Telegram voice note is served by the fake
 * Bot API, downloaded through getFile and the file endpoint, and handed to the transcriber byte for byte.
 */
class TelegramVoiceTest {

    private final List<InboundMessage.Audio> heard = new CopyOnWriteArrayList<>();
    private volatile SpeechTranscriber.Heard next = new SpeechTranscriber.Heard("", 0);
    private byte[] voiceNote;
    private TestBed bed;

    @BeforeEach
    void setUp() throws IOException {
        voiceNote = Files.readAllBytes(FakeBotApi.shared("fixtures/voice/telegram-voice-note.ogg"));
    }

    @AfterEach
    void stop() {
        if (bed != null) {
            bed.close();
        }
    }

    private void startWithTranscriber(java.util.function.Consumer<TelegramChannelBuilder> more) {
        bed = new TestBed(InterviewEngine.builder().build(), b -> {
            b.transcriber((audio, language) -> {
                heard.add(audio);
                return next;
            });
            more.accept(b);
        }).polling();
    }

    private InterviewId startInterview(long chat) {
        bed.send(text(chat, "en", "/start"));
        bed.send(callback(chat, "en", 1, "lang:en"));
        bed.send(callback(chat, "en", 2, "style:master"));
        bed.send(callback(chat, "en", 3, "profile:skip"));
        return bed.engine.findActive("telegram:" + chat).orElseThrow();
    }

    @Test
    void should_download_transcribe_show_and_answer_when_a_voice_message_arrives() {
        startWithTranscriber(b -> { });
        long chat = 6001;
        InterviewId id = startInterview(chat);
        bed.api.serveFile("voice-1", "voice/file_7.oga", voiceNote);
        next = new SpeechTranscriber.Heard("I run the night shift at a water plant since 2015.", 0.93);
        int before = bed.messageCount(chat);

        int updateId = bed.send(voice(chat, "en", "voice-1", voiceNote.length, 4));

        assertThat(heard).hasSize(1);
        assertThat(heard.get(0).bytes()).isEqualTo(voiceNote);
        assertThat(heard.get(0).format()).isEqualTo("ogg");
        assertThat(heard.get(0).messageId().value()).isEqualTo("tg-" + updateId);
        assertThat(bed.api.calls("getFile")).hasSize(1);
        List<String> replies = bed.messagesSince(chat, before);
        assertThat(replies.get(0)).isEqualTo("🎙 I heard: “I run the night shift at a water plant since 2015.”");
        assertThat(replies).hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
        Turn answer = bed.engine.transcript(id).stream().filter(Turn::isRespondent).findFirst().orElseThrow();
        assertThat(answer.modality()).isEqualTo(Turn.Modality.VOICE);
        assertThat(answer.text()).isEqualTo("I run the night shift at a water plant since 2015.");
        assertThat(bed.api.calls("sendChatAction", String.valueOf(chat))).isNotEmpty();
    }

    @Test
    void should_ask_to_confirm_retry_or_type_when_confidence_is_low() {
        startWithTranscriber(b -> { });
        long chat = 6002;
        InterviewId id = startInterview(chat);
        bed.api.serveFile("voice-2", "voice/file_8.oga", voiceNote);
        next = new SpeechTranscriber.Heard("we check the valves first", 0.41);

        bed.send(voice(chat, "en", "voice-2", voiceNote.length, 4));
        assertThat(bed.last(chat)).isEqualTo("🎙 I heard: “we check the valves first”. Is that right?");
        assertThat(bed.lastButtons(chat)).containsExactly("transcript:confirm", "transcript:retry",
                "transcript:type");
        assertThat(bed.engine.transcript(id)).noneMatch(Turn::isRespondent);

        bed.send(callback(chat, "en", 9, "transcript:confirm"));
        assertThat(bed.engine.transcript(id)).filteredOn(Turn::isRespondent).singleElement()
                .satisfies(t -> assertThat(t.text()).isEqualTo("we check the valves first"));

        bed.send(voice(chat, "en", "voice-2", voiceNote.length, 4));
        bed.send(callback(chat, "en", 10, "transcript:retry"));
        assertThat(bed.last(chat)).isEqualTo("Please record your answer again.");
        bed.send(voice(chat, "en", "voice-2", voiceNote.length, 4));
        bed.send(callback(chat, "en", 11, "transcript:type"));
        assertThat(bed.last(chat)).isEqualTo("Please type your answer instead.");
        assertThat(bed.engine.transcript(id)).filteredOn(Turn::isRespondent).hasSize(1);
    }

    @Test
    void should_refuse_without_downloading_when_the_file_is_over_20_mb() {
        startWithTranscriber(b -> { });
        long chat = 6003;
        startInterview(chat);
        bed.send(voice(chat, "en", "voice-big", 21L * 1024 * 1024, 1200));
        assertThat(bed.last(chat)).startsWith("That file is too large: bots can download up to 20 MB.");
        assertThat(bed.api.calls("getFile")).isEmpty();
        assertThat(heard).isEmpty();
    }

    @Test
    void should_hint_when_voice_is_off_or_no_interview_runs() {
        bed = new TestBed(InterviewEngine.builder().build()).polling();
        long chat = 6004;
        bed.send(voice(chat, "en", "voice-x", 10, 1));
        assertThat(bed.last(chat)).isEqualTo("Send /start to begin an interview.");
        startInterview(chat);
        bed.send(voice(chat, "en", "voice-x", 10, 1));
        assertThat(bed.last(chat)).isEqualTo("Voice messages are not enabled for this bot. Please type your answer.");
    }

    @Test
    void should_send_the_question_as_voice_too_when_voice_replies_are_on() {
        byte[] speech = {'O', 'g', 'g', 'S', 0, 1, 2};
        startWithTranscriber(b -> b.synthesizer((text, language) -> speech));
        long chat = 6005;
        startInterview(chat);
        List<FakeBotApi.Call> voices = bed.api.calls("sendVoice", String.valueOf(chat));
        assertThat(voices).hasSize(1);
        assertThat(voices.get(0).file("voice")).isEqualTo(speech);
        assertThat(bed.channel.adapter().capabilities().voiceReplies()).isTrue();
    }
}
